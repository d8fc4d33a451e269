package org.mitan.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.yaml.snakeyaml.Yaml;

/**
 * The benchmark's PostgreSQL (durable: fsync and synchronous commit on, as in production) and S3 server (S3Proxy on
 * the file system), in a JVM of their own so that the application and the load client are measured apart from
 * them. {@code java ... BenchInfrastructure <dir> <s3-port>} writes {@code <dir>/bench.env} (the JDBC URL and the
 * S3 endpoint) once both answer and runs until killed.
 */
public final class BenchInfrastructure {

    static final String S3_ACCESS_KEY = "bench-access";
    static final String S3_SECRET_KEY = "bench-secret-for-local-runs-only";
    static final String SIGNING_PASSWORD = "bench-signing-for-local-runs-only";
    /**
     * PostgreSQL keeps {@code pg_stat_statements} (system property {@code bench.statements}, set by
     * {@code bench/run} with a profile): a little work more for every statement, so not in the plain run.
     */
    private static final boolean STATEMENT_STATISTICS = Boolean.getBoolean("bench.statements");

    private BenchInfrastructure() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        Running running = start(dir, Integer.parseInt(args[1]));
        String env = running.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "\n")
                .collect(Collectors.joining());
        Path tmp = dir.resolve("bench.env.tmp");
        Files.writeString(tmp, env);
        Files.move(tmp, dir.resolve("bench.env"));
        Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        Thread.currentThread().join();
    }

    /**
     * A durable PostgreSQL (databases {@code mitan} and {@code bare}) and an S3 server keeping their data under the
     * directory, and a signing key; the environment the production jar reads them from. The directory is emptied
     * first.
     */
    static Running start(Path dir, int s3Port) throws Exception {
        return start(dir, s3Port, 0);
    }

    /** As {@link #start(Path, int)}, PostgreSQL on the given port (0: any free one) so that it can be restarted. */
    static Running start(Path dir, int s3Port, int postgresPort) throws Exception {
        Path pgData = dir.resolve("postgres");
        if (Files.exists(pgData)) {
            try (var files = Files.walk(pgData)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        Files.createDirectories(pgData);
        Path objects = Files.createDirectories(dir.resolve("objects"));
        EmbeddedPostgres postgres = postgres(pgData, postgresPort, STATEMENT_STATISTICS);
        S3Proxy s3 = s3(objects, s3Port);
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database mitan");
            statement.execute("create database bare");
        }
        if (STATEMENT_STATISTICS) {
            for (String database : new String[] {"mitan", "bare"}) {
                try (var connection = postgres.getDatabase("postgres", database).getConnection();
                        var statement = connection.createStatement()) {
                    statement.execute("create extension pg_stat_statements");
                }
            }
        }
        Path keystore = signingKeystore(dir);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MITAN_SIGNING_KEYSTORE", keystore.toString());
        environment.put("MITAN_SIGNING_KEYSTORE_PASSWORD", SIGNING_PASSWORD);
        environment.put("MITAN_DB_URL", postgres.getJdbcUrl("postgres", "mitan"));
        environment.put("MITAN_DB_USER", "postgres");
        environment.put("MITAN_DB_PASSWORD", "postgres");
        environment.put("BARE_DB_URL", postgres.getJdbcUrl("postgres", "bare"));
        environment.put("MITAN_S3_ENDPOINT", "http://127.0.0.1:" + s3Port);
        environment.put("MITAN_S3_ACCESS_KEY", S3_ACCESS_KEY);
        environment.put("MITAN_S3_SECRET_KEY", S3_SECRET_KEY);
        return new Running(postgres, pgData, s3, s3Port, objects, Map.copyOf(environment));
    }

    /**
     * fsync and synchronous commit on, and the production shape's settings ({@link #productionSettings}); every
     * checkpoint, autovacuum and statement of 100 ms or more logged to the data directory's {@code log/}; the data
     * directory kept on close, so that it can be started again; with {@code pg_stat_statements} loaded when asked
     * (each database still has to create the extension).
     */
    static EmbeddedPostgres postgres(Path pgData, int port, boolean statementStatistics) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData).setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100");
        productionSettings().forEach(builder::setServerConfig);
        builder
                // what could make a second of the benchmark slow, in the data directory's log/ (the server's own
                // output reaches infrastructure.log only while it starts; bench/run keeps the folder)
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_checkpoints", "on")
                .setServerConfig("log_autovacuum_min_duration", "0")
                .setServerConfig("log_min_duration_statement", "100");
        if (statementStatistics) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            builder.setServerConfig("pg_stat_statements.track_planning", "on");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * The settings the production shape gives PostgreSQL: each {@code -c name=value} of the {@code postgres}
     * service's command in {@code docker-compose.yml}.
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> productionSettings() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> postgres = (Map<String, Object>) ((Map<String, Object>) compose.get("services"))
                .get("postgres");
        List<String> command = (List<String>) postgres.getOrDefault("command", List.of());
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i + 1 < command.size(); i++) {
            if (command.get(i).equals("-c")) {
                String setting = command.get(++i);
                int equals = setting.indexOf('=');
                if (equals < 1) {
                    throw new IllegalStateException("docker-compose.yml: '-c " + setting + "' is not name=value");
                }
                settings.put(setting.substring(0, equals), setting.substring(equals + 1));
            }
        }
        return settings;
    }

    private static S3Proxy s3(Path objects, int port) throws Exception {
        S3Proxy s3 = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(objects.toString()))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_ACCESS_KEY, S3_SECRET_KEY)
                .build();
        s3.start();
        while (!"STARTED".equals(s3.getState())) {
            Thread.sleep(10);
        }
        return s3;
    }

    /**
     * The database and the S3 server running, the folder of the stored objects, and the environment. The outage
     * tests stop and start each of them on the same data and port.
     */
    static final class Running implements AutoCloseable {

        private EmbeddedPostgres postgres;
        private final Path pgData;
        private S3Proxy s3;
        private final int s3Port;
        private final Path objects;
        private final Map<String, String> environment;

        private Running(EmbeddedPostgres postgres, Path pgData, S3Proxy s3, int s3Port, Path objects,
                Map<String, String> environment) {
            this.postgres = postgres;
            this.pgData = pgData;
            this.s3 = s3;
            this.s3Port = s3Port;
            this.objects = objects;
            this.environment = environment;
        }

        Path objects() {
            return objects;
        }

        Map<String, String> environment() {
            return environment;
        }

        /** The S3 server stops answering (connections refused) until {@link #startObjectStore()}. */
        synchronized void stopObjectStore() throws Exception {
            s3.stop();
            while (!"STOPPED".equals(s3.getState())) {
                Thread.sleep(10);
            }
        }

        synchronized void startObjectStore() throws Exception {
            s3 = s3(objects, s3Port);
        }

        /** PostgreSQL shut down (fast: open connections are cut) and started again on the same data and port. */
        synchronized void restartDatabase(java.time.Duration down) throws Exception {
            int port = postgres.getPort();
            postgres.close();
            Thread.sleep(down.toMillis());
            postgres = postgres(pgData, port, STATEMENT_STATISTICS);
        }

        @Override
        public synchronized void close() {
            try {
                s3.stop();
                postgres.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
    }

    /** The key the production jar signs certificates with, made by the JDK's keytool as an operator would. */
    private static Path signingKeystore(Path dir) throws IOException, InterruptedException {
        Path keystore = dir.resolve("signing.p12");
        Files.deleteIfExists(keystore);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass",
                SIGNING_PASSWORD, "-alias", "bench", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=Mitan benchmark signing key, C=IN").inheritIO().start();
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool could not make the benchmark's signing key");
        }
        return keystore;
    }
}
