package org.mitan;

import org.springframework.boot.SpringApplication;

/**
 * Runs Mitan on embedded PostgreSQL and an in-JVM S3 server, with demo users and data:
 * {@code ./mvnw spring-boot:test-run}. Data is kept in {@code ./data} (git-ignored) across restarts.
 */
public class TestMitanApplication {

    public static void main(String[] args) {
        SpringApplication.from(MitanApplication::main)
                .with(EmbeddedInfrastructure.class)
                .withAdditionalProfiles("dev")
                .run(withDefaults(args));
    }

    private static String[] withDefaults(String[] args) {
        String[] all = new String[args.length + 3];
        all[0] = "--mitan.embedded.data-dir=" + System.getProperty("mitan.embedded.data-dir", "data");
        all[1] = "--mitan.embedded.postgres-port=" + System.getProperty("mitan.embedded.postgres-port", "15432");
        all[2] = "--mitan.embedded.s3-port=" + System.getProperty("mitan.embedded.s3-port", "19000");
        System.arraycopy(args, 0, all, 3, args.length);
        return all;
    }
}
