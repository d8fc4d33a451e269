package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps docker-compose.yml, the application's configuration and the README consistent with each other:
 * the compose file parses, pins its images, passes every secret without a default, names only variables the
 * application reads, and every variable the application reads is documented in the README.
 */
class DeploymentFilesTest {

    private static final Pattern ENV_VARIABLE = Pattern.compile("\\$\\{(MITAN_[A-Z0-9_]+|PORT)(:[^}]*)?}");
    private static final Set<String> SECRETS = Set.of("MITAN_DB_PASSWORD", "MITAN_S3_ACCESS_KEY",
            "MITAN_S3_SECRET_KEY", "MITAN_SIGNING_KEYSTORE_PASSWORD", "MITAN_PAYMENT_CALLBACK_SECRET", "MITAN_OTP_KEY");

    @Test
    @SuppressWarnings("unchecked")
    void composeFileParsesAndRunsTheProductionShape() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");

        assertThat(services).containsKeys("postgres", "minio", "minio-bucket", "app");
        assertThat((String) ((Map<String, Object>) services.get("postgres")).get("image")).isEqualTo("postgres:17");
        for (String service : List.of("postgres", "minio", "minio-bucket")) {
            String image = (String) ((Map<String, Object>) services.get(service)).get("image");
            assertThat(image).as("image of %s is pinned", service).contains(":").doesNotEndWith(":latest");
        }
        Map<String, Object> build = (Map<String, Object>) ((Map<String, Object>) services.get("app")).get("build");
        assertThat(Path.of((String) build.get("dockerfile"))).exists();
    }

    /**
     * The dev run and the tests plan the engine's queries as the production database does: the same cost of a page
     * read out of order (a task list's plan turned on it, {@code TaskListPlanIT}).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theEmbeddedDatabasePlansAsTheProductionOne() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> postgres = (Map<String, Object>) ((Map<String, Object>) compose.get("services"))
                .get("postgres");

        assertThat((List<String>) postgres.get("command"))
                .containsSubsequence("-c", "random_page_cost=" + EmbeddedInfrastructure.RANDOM_PAGE_COST);
    }

    /** The benchmark measures the JVM as the production image starts it, and nothing in the compose file adds to it. */
    @Test
    @SuppressWarnings("unchecked")
    void theBenchmarkRunsTheJarWithTheProductionImagesJvmSettings() throws IOException {
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[\"java\", (.*), \"-jar\", \"/app/mitan\\.jar\"]$")
                .matcher(Files.readString(Path.of("src/main/docker/Dockerfile")));
        Matcher bench = Pattern.compile("(?m)^JVM=\\((.*)\\)$").matcher(Files.readString(Path.of("bench/run")));
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("app");

        assertThat(entrypoint.find()).as("the Dockerfile starts java -jar /app/mitan.jar").isTrue();
        assertThat(bench.find()).as("bench/run names its JVM settings").isTrue();
        List<String> production = List.of(entrypoint.group(1).replace("\"", "").split(", "));
        assertThat(production).contains("-XX:+UseG1GC", "-Xmx1g");
        assertThat(List.of(bench.group(1).split(" "))).isEqualTo(production);
        assertThat((Map<String, Object>) app.get("environment"))
                .doesNotContainKeys("JAVA_TOOL_OPTIONS", "JAVA_OPTS", "JDK_JAVA_OPTIONS");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTwoNodesProfileRunsASecondNodeLikeTheFirstBehindAProxyToBoth() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> app = (Map<String, Object>) services.get("app");
        Map<String, Object> second = (Map<String, Object>) services.get("app-2");
        Map<String, Object> proxy = (Map<String, Object>) services.get("proxy");

        assertThat(app).doesNotContainKey("profiles");
        assertThat((List<String>) second.get("profiles")).containsExactly("two-nodes");
        assertThat((List<String>) proxy.get("profiles")).containsExactly("two-nodes");
        assertThat(second.get("environment")).isEqualTo(app.get("environment"));
        assertThat(second.get("volumes")).isEqualTo(app.get("volumes"));
        assertThat(second.get("image")).isEqualTo(app.get("image"));
        assertThat((Map<String, Object>) second.get("depends_on")).containsKey("app");
        assertThat((String) proxy.get("image")).contains(":").doesNotEndWith(":latest");
        String mount = ((List<String>) proxy.get("volumes")).get(0);
        String configuration = Files.readString(Path.of(mount.substring(0, mount.indexOf(':'))));
        assertThat(configuration).contains("server app:8080", "server app-2:8080", "proxy_pass http://mitan;",
                "client_max_body_size 11m;");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composePassesSecretsWithoutDefaultsAndOnlyVariablesTheApplicationReads() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("app");
        Map<String, Object> environment = (Map<String, Object>) app.get("environment");
        Set<String> readByApplication = variablesOf(Files.readString(Path.of("src/main/resources/application.yaml")));

        for (String secret : SECRETS) {
            assertThat(String.valueOf(environment.get(secret)))
                    .as("%s must be required, never defaulted", secret).startsWith("${" + secret + ":?");
        }
        environment.keySet().stream().filter(name -> name.startsWith("MITAN_"))
                .forEach(name -> assertThat(readByApplication).as("the app reads %s", name).contains(name));
    }

    @Test
    void readmeDocumentsEveryVariableTheApplicationReads() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String variable : variablesOf(Files.readString(Path.of("src/main/resources/application.yaml")))) {
            assertThat(readme).as("README documents %s", variable).contains("`" + variable + "`");
        }
    }

    @Test
    void productionConfigurationHasNoDefaultSecret() throws IOException {
        String configuration = Files.readString(Path.of("src/main/resources/application.yaml"));
        Matcher matcher = ENV_VARIABLE.matcher(configuration);
        while (matcher.find()) {
            if (SECRETS.contains(matcher.group(1)) || matcher.group(1).endsWith("_API_KEY")) {
                assertThat(matcher.group(2)).as("default of %s", matcher.group(1)).isEqualTo(":");
            }
        }
    }

    private static Set<String> variablesOf(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = ENV_VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
