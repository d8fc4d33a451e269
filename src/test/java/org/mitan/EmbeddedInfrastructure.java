package org.mitan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A real PostgreSQL and a real S3 API server, started in-process before the application context: for the tests
 * and for {@code ./mvnw spring-boot:test-run}. With {@code mitan.embedded.data-dir} set, both keep their data
 * there across restarts; without it they start empty and vanish with the JVM.
 * Both are registered as disposable singletons before any other bean, so Spring stops them last, after the
 * connection pool (neither registers a shutdown hook of its own).
 */
public class EmbeddedInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String S3_ACCESS_KEY = "embedded-access";
    static final String S3_SECRET_KEY = "embedded-secret-for-local-runs-only";

    /**
     * The planner's cost of reading a page out of order, as {@code docker-compose.yml} gives the production database
     * (storage on SSD): the dev run and the tests plan the engine's queries as production does
     * ({@code TaskListPlanIT}).
     */
    public static final String RANDOM_PAGE_COST = "1.1";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String dataDir = environment.getProperty("mitan.embedded.data-dir", "");
        int postgresPort = environment.getProperty("mitan.embedded.postgres-port", Integer.class, 0);
        int s3Port = environment.getProperty("mitan.embedded.s3-port", Integer.class, 0);
        try {
            EmbeddedPostgres postgres = startPostgres(dataDir, postgresPort);
            S3Proxy s3 = startS3(dataDir, s3Port);
            DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
            beans.registerSingleton("embeddedPostgres", postgres);
            beans.registerDisposableBean("embeddedPostgres", postgres::close);
            beans.registerSingleton("embeddedS3", s3);
            beans.registerDisposableBean("embeddedS3", s3::stop);
            environment.getPropertySources().addFirst(new MapPropertySource("embeddedInfrastructure", Map.of(
                    "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "postgres",
                    "mitan.storage.endpoint", "http://127.0.0.1:" + s3.getPort(),
                    "mitan.storage.access-key", S3_ACCESS_KEY,
                    "mitan.storage.secret-key", S3_SECRET_KEY)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL or S3 server", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded S3 server", e);
        }
    }

    private static EmbeddedPostgres startPostgres(String dataDir, int port) throws IOException {
        boolean durable = !dataDir.isBlank();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("max_connections", "100")
                .setServerConfig("random_page_cost", RANDOM_PAGE_COST);
        if (durable) {
            Path pgData = Path.of(dataDir, "postgres").toAbsolutePath();
            Files.createDirectories(pgData);
            builder.setDataDirectory(pgData).setCleanDataDirectory(false);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    private static S3Proxy startS3(String dataDir, int port) throws Exception {
        BlobStore store;
        if (dataDir.isBlank()) {
            store = new TransientNio2BlobStore();
        } else {
            Path objects = Path.of(dataDir, "objects").toAbsolutePath();
            Files.createDirectories(objects);
            store = new FilesystemNio2BlobStore(objects.toString());
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + (port > 0 ? port : freePort())))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_ACCESS_KEY, S3_SECRET_KEY)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        return proxy;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
