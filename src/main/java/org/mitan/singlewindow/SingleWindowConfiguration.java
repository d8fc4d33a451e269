package org.mitan.singlewindow;

import java.nio.file.Path;

import org.mitan.numbering.ReservedNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Chooses the single-window gateway by {@code mitan.single-window.mode}: {@code local} (default) or {@code http},
 * in any letter case. The choice is made on the bound {@link SingleWindowProperties#mode()}, the same value the
 * properties check, so whatever binds yields a gateway and anything else refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SingleWindowProperties.class, SigningProperties.class})
class SingleWindowConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SingleWindowConfiguration.class);
    private static final String MODE = "mitan.single-window.mode";

    @Bean
    SingleWindowGateway singleWindowGateway(SingleWindowProperties properties, ReservedNumbers numbers,
            IssuingBodies bodies, IssuedCertificates issued, ServiceCatalogue catalogue, CertificatePdf pdf,
            ParticularsFormLabels labels, SigningProperties signing, Environment environment) {
        return switch (properties.mode()) {
            case LOCAL -> {
                log.info("Single-window gateway: the local register (in-process); set {}=http for the state's API",
                        MODE);
                yield new LocalRegisterGateway(numbers, bodies, issued, catalogue, pdf, labels,
                        new CertificateSigner(signingKeys(signing, environment)));
            }
            case HTTP -> {
                log.info("Single-window gateway: HTTP API at {} (connect timeout {}, read timeout {})",
                        properties.baseUri(), properties.connectTimeout(), properties.readTimeout());
                yield new HttpSingleWindowGateway(properties);
            }
        };
    }

    /**
     * The keystore the configuration names; without one, the development key of the dev profile (and of the
     * tests' own test profile), and anywhere else a refusal to start: there is no default key in production.
     */
    static SigningKeys signingKeys(SigningProperties signing, Environment environment) {
        if (signing.keystoreConfigured()) {
            log.info("Certificates are signed with the keys in {}", signing.keystore());
            return SigningKeys.fromKeystore(signing);
        }
        if (environment.acceptsProfiles(Profiles.of("dev | test"))) {
            boolean kept = signing.devKeystore() != null && !signing.devKeystore().isBlank();
            log.warn("Certificates are signed with a development key{}: set mitan.signing.keystore for real ones",
                    kept ? " (" + signing.devKeystore() + ")" : " (in memory)");
            return SigningKeys.development(kept ? Path.of(signing.devKeystore()) : null);
        }
        throw new IllegalStateException("MITAN_SIGNING_KEYSTORE is not set. The local register signs every "
                + "certificate with the issuing body's key: set MITAN_SIGNING_KEYSTORE to a PKCS#12 keystore and "
                + "MITAN_SIGNING_KEYSTORE_PASSWORD to its password (see README.md, Configuration).");
    }
}
