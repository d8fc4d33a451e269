package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.numbering.NumberSequence;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SingleWindowConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SingleWindowConfiguration.class)
            .withBean(NumberSequence.class, () -> mock(NumberSequence.class))
            .withBean(UrbanBodyRepository.class, () -> mock(UrbanBodyRepository.class))
            .withBean(IssuedCertificates.class, () -> mock(IssuedCertificates.class))
            .withBean(ServiceCatalogue.class, () -> mock(ServiceCatalogue.class))
            .withBean(CertificatePdf.class, () -> mock(CertificatePdf.class));

    @Test
    void localRegisterByDefault() {
        context.run(app -> assertThat(app).getBean(SingleWindowGateway.class).isInstanceOf(LocalRegisterGateway.class));
    }

    @Test
    void localModeNeedsNoAddress() {
        context.withPropertyValues("mitan.single-window.mode=local", "mitan.single-window.url=")
                .run(app -> assertThat(app).getBean(SingleWindowGateway.class)
                        .isInstanceOf(LocalRegisterGateway.class));
    }

    @Test
    void httpModeWithAddressAndKeyUsesTheHttpClient() {
        context.withPropertyValues("mitan.single-window.mode=http", "mitan.single-window.url=https://sws.example/api",
                        "mitan.single-window.api-key=k", "mitan.single-window.read-timeout=3s")
                .run(app -> {
                    assertThat(app).getBean(SingleWindowGateway.class).isInstanceOf(HttpSingleWindowGateway.class);
                    assertThat(app.getBean(SingleWindowProperties.class).readTimeout()).hasSeconds(3);
                });
    }

    @Test
    void httpModeWithoutAddressRefusesToStartSayingWhatToSet() {
        context.withPropertyValues("mitan.single-window.mode=http", "mitan.single-window.url=",
                        "mitan.single-window.api-key=k")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("mitan.single-window.url (MITAN_SWS_URL) is empty"));
    }

    @Test
    void httpModeWithoutApiKeyRefusesToStartSayingWhatToSet() {
        context.withPropertyValues("mitan.single-window.mode=http", "mitan.single-window.url=https://sws.example",
                        "mitan.single-window.api-key= ")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("mitan.single-window.api-key (MITAN_SWS_API_KEY) is empty"));
    }

    @Test
    void httpModeWithAnAddressThatIsNotHttpRefusesToStart() {
        context.withPropertyValues("mitan.single-window.mode=http", "mitan.single-window.url=sws.example",
                        "mitan.single-window.api-key=k")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("is not an http(s) address"));
    }

    @Test
    void theModeIsReadInAnyLetterCase() {
        context.withPropertyValues("mitan.single-window.mode=HTTP", "mitan.single-window.url=https://sws.example/api",
                        "mitan.single-window.api-key=k")
                .run(app -> assertThat(app).getBean(SingleWindowGateway.class)
                        .isInstanceOf(HttpSingleWindowGateway.class));
        context.withPropertyValues("mitan.single-window.mode=Local")
                .run(app -> assertThat(app).getBean(SingleWindowGateway.class)
                        .isInstanceOf(LocalRegisterGateway.class));
    }

    @Test
    void anUpperCaseHttpModeStillChecksAddressAndKey() {
        context.withPropertyValues("mitan.single-window.mode=HTTP", "mitan.single-window.url=")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("mitan.single-window.url (MITAN_SWS_URL) is empty"));
    }

    @Test
    void unknownModeRefusesToStart() {
        context.withPropertyValues("mitan.single-window.mode=soap")
                .run(app -> assertThat(app).hasFailed());
    }
}
