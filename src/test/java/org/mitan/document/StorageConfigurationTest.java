package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.minio.MinioClient;

/** Binding of {@code mitan.storage.*}: no default credentials, a clear refusal when they are missing. */
class StorageConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(StorageConfiguration.class)
            .withPropertyValues("mitan.storage.endpoint=http://localhost:9000", "mitan.storage.region=us-east-1",
                    "mitan.storage.bucket=mitan-documents");

    @Test
    void refusesToStartWithoutAccessAndSecretKey() {
        runner.withPropertyValues("mitan.storage.access-key=", "mitan.storage.secret-key=   ").run(context -> {
            assertThat(context).hasFailed();
            String failure = allMessages(context.getStartupFailure());
            assertThat(failure).contains("mitan.storage")
                    .contains("accessKey").contains("MITAN_S3_ACCESS_KEY")
                    .contains("secretKey").contains("MITAN_S3_SECRET_KEY");
        });
    }

    @Test
    void buildsTheClientWhenConfigured() {
        runner.withPropertyValues("mitan.storage.access-key=ak", "mitan.storage.secret-key=sk").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MinioClient.class);
            assertThat(context.getBean(StorageProperties.class).toString())
                    .doesNotContain("secretKey=sk").contains("secretKey=****");
            assertThat(context.getBean(DocumentProperties.class).maxBytes()).isEqualTo(10 * 1024 * 1024);
        });
    }

    @Test
    void sizesAreWrittenInWordsAMitanReads() {
        assertThat(DocumentProperties.inWords(10 * 1024 * 1024)).isEqualTo("10 MB");
        assertThat(DocumentProperties.inWords(1536 * 1024)).isEqualTo("1.5 MB");
        assertThat(DocumentProperties.inWords(2048)).isEqualTo("2 KB");
        assertThat(DocumentProperties.inWords(12)).isEqualTo("12 bytes");
    }

    private static String allMessages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
