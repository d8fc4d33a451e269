package org.mitan.singlewindow;

import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.numbering.NumberSequence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the single-window gateway by {@code mitan.single-window.mode}: {@code local} (default) or {@code http},
 * in any letter case. The choice is made on the bound {@link SingleWindowProperties#mode()}, the same value the
 * properties check, so whatever binds yields a gateway and anything else refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SingleWindowProperties.class)
class SingleWindowConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SingleWindowConfiguration.class);
    private static final String MODE = "mitan.single-window.mode";

    @Bean
    SingleWindowGateway singleWindowGateway(SingleWindowProperties properties, NumberSequence numbers,
            UrbanBodyRepository bodies, IssuedCertificates issued, ServiceCatalogue catalogue, CertificatePdf pdf) {
        return switch (properties.mode()) {
            case LOCAL -> {
                log.info("Single-window gateway: the local register (in-process); set {}=http for the state's API",
                        MODE);
                yield new LocalRegisterGateway(numbers, bodies, issued, catalogue, pdf);
            }
            case HTTP -> {
                log.info("Single-window gateway: HTTP API at {} (connect timeout {}, read timeout {})",
                        properties.baseUri(), properties.connectTimeout(), properties.readTimeout());
                yield new HttpSingleWindowGateway(properties);
            }
        };
    }
}
