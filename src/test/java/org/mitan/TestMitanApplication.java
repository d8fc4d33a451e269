package org.mitan;

import org.springframework.boot.SpringApplication;

/**
 * Runs Mitan on embedded PostgreSQL and an in-JVM S3 server, with the {@code dev} profile's demo users and
 * data: {@code ./mvnw spring-boot:test-run}. Data is kept in {@code ./data} (git-ignored) across restarts;
 * override with {@code -Dmitan.embedded.data-dir=...}.
 */
public class TestMitanApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(MitanApplication.class);
        application.addInitializers(new EmbeddedInfrastructure());
        application.setAdditionalProfiles("dev");
        String dataDir = System.getProperty("mitan.embedded.data-dir", "data");
        application.setDefaultProperties(java.util.Map.of(
                "mitan.embedded.data-dir", dataDir,
                "mitan.signing.dev-keystore", dataDir + "/signing/dev-signing.p12",
                "mitan.embedded.postgres-port", System.getProperty("mitan.embedded.postgres-port", "15432"),
                "mitan.embedded.s3-port", System.getProperty("mitan.embedded.s3-port", "19000")));
        application.run(args);
    }
}
