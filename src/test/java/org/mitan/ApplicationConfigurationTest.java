package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

/** The production {@code application.yaml} as Spring binds it, with a given environment and nothing else. */
class ApplicationConfigurationTest {

    @Test
    void anUploadRequestHasRoomForTheLargestScanAndTheMultipartFraming() throws IOException {
        Binder defaults = binder(Map.of());
        MultipartProperties multipart = defaults.bind("spring.servlet.multipart", MultipartProperties.class).get();
        long scanLimit = defaults.bind("mitan.documents.max-bytes", Long.class).get();

        assertThat(multipart.getMaxFileSize().toBytes()).isEqualTo(scanLimit);
        assertThat(multipart.getMaxRequestSize().toBytes())
                .isGreaterThanOrEqualTo(scanLimit + DataSize.ofMegabytes(1).toBytes());
    }

    @Test
    void theScanLimitAndTheRequestLimitFollowTheirVariables() throws IOException {
        Binder configured = binder(Map.of("MITAN_UPLOAD_MAX_BYTES", "20971520",
                "MITAN_UPLOAD_MAX_REQUEST_BYTES", "22020096"));
        MultipartProperties multipart = configured.bind("spring.servlet.multipart", MultipartProperties.class).get();

        assertThat(multipart.getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(20));
        assertThat(configured.bind("mitan.documents.max-bytes", Long.class).get()).isEqualTo(20971520L);
        assertThat(multipart.getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(21));
    }

    @Test
    void flywayDoesNotBaselineASchemaThatAlreadyHoldsCamundasTables() throws IOException {
        assertThat(binder(Map.of()).bind("spring.flyway.baseline-on-migrate", Boolean.class).orElse(false))
                .as("with baseline-on-migrate Flyway would mark V1 applied without running it").isFalse();
    }

    private static Binder binder(Map<String, Object> environment) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("environment", environment));
        new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                .forEach(sources::addLast);
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }
}
