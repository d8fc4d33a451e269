package org.mitan;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real PostgreSQL and a real S3 API server, started in-process: for the tests and for
 * {@code ./mvnw spring-boot:test-run}. With {@code mitan.embedded.data-dir} set, both keep their data there
 * across restarts; without it they start empty and vanish with the JVM.
 * Both are beans with a destroy method and no shutdown hook of their own, so Spring stops them after the pool.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedInfrastructure {

    static final String S3_ACCESS_KEY = "embedded-access";
    static final String S3_SECRET_KEY = "embedded-secret-for-local-runs-only";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${mitan.embedded.data-dir:}") String dataDir,
            @Value("${mitan.embedded.postgres-port:0}") int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", dataDir.isBlank() ? "off" : "on")
                .setServerConfig("synchronous_commit", dataDir.isBlank() ? "off" : "on")
                .setServerConfig("max_connections", "100");
        if (!dataDir.isBlank()) {
            Path pgData = Path.of(dataDir, "postgres");
            Files.createDirectories(pgData);
            builder.setDataDirectory(pgData).setCleanDataDirectory(false);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    @Bean(destroyMethod = "stop")
    S3Proxy s3Proxy(@Value("${mitan.embedded.data-dir:}") String dataDir,
            @Value("${mitan.embedded.s3-port:0}") int port) throws Exception {
        BlobStore store;
        if (dataDir.isBlank()) {
            store = new TransientNio2BlobStore();
        } else {
            Path objects = Path.of(dataDir, "objects");
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

    @Bean
    DynamicPropertyRegistrar embeddedProperties(EmbeddedPostgres postgres, S3Proxy s3) {
        return registry -> {
            registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "postgres");
            registry.add("mitan.storage.endpoint", () -> "http://127.0.0.1:" + s3.getPort());
            registry.add("mitan.storage.access-key", () -> S3_ACCESS_KEY);
            registry.add("mitan.storage.secret-key", () -> S3_SECRET_KEY);
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
