package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mitan.numbering.ReservedNumbers;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SingleWindowConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SingleWindowConfiguration.class)
            .withBean(ReservedNumbers.class, () -> mock(ReservedNumbers.class))
            .withBean(IssuingBodies.class, () -> mock(IssuingBodies.class))
            .withBean(IssuedCertificates.class, () -> mock(IssuedCertificates.class))
            .withBean(ServiceCatalogue.class, () -> mock(ServiceCatalogue.class))
            .withBean(CertificatePdf.class, () -> mock(CertificatePdf.class))
            .withBean(ParticularsFormLabels.class, () -> mock(ParticularsFormLabels.class));
    /** The local register signs with a development key in the dev profile only. */
    private final ApplicationContextRunner dev = context.withInitializer(
            app -> app.getEnvironment().addActiveProfile("dev"));

    @TempDir
    Path folder;

    @Test
    void localRegisterByDefault() {
        dev.run(app -> assertThat(app).getBean(SingleWindowGateway.class).isInstanceOf(LocalRegisterGateway.class));
    }

    @Test
    void localModeNeedsNoAddress() {
        dev.withPropertyValues("mitan.single-window.mode=local", "mitan.single-window.url=")
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
        dev.withPropertyValues("mitan.single-window.mode=Local")
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
    void theLocalRegisterOutsideTheDevProfileRefusesToStartWithoutAKeystore() {
        context.run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                .hasMessageContaining("MITAN_SIGNING_KEYSTORE is not set"));
    }

    @Test
    void theLocalRegisterSignsWithTheKeystoreTheConfigurationNames() throws Exception {
        Path keystore = folder.resolve("signing.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        SigningKeys.SigningKey key = SigningKeys.selfSignedKey("CN=Raipur Municipal Corporation, C=IN");
        store.setKeyEntry("rpr", key.key(), "s3cret".toCharArray(), new Certificate[] {key.certificate()});
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, "s3cret".toCharArray());
        }

        context.withPropertyValues("mitan.signing.keystore=" + keystore, "mitan.signing.keystore-password=s3cret")
                .run(app -> assertThat(app).getBean(SingleWindowGateway.class)
                        .isInstanceOf(LocalRegisterGateway.class));
        context.withPropertyValues("mitan.signing.keystore=" + keystore, "mitan.signing.keystore-password=wrong")
                .run(app -> assertThat(app).hasFailed().getFailure()
                        .hasStackTraceContaining("The signing keystore " + keystore + " cannot be read"));
    }

    @Test
    void unknownModeRefusesToStart() {
        context.withPropertyValues("mitan.single-window.mode=soap")
                .run(app -> assertThat(app).hasFailed());
    }
}
