package org.mitan.singlewindow;

import org.mitan.certificate.CertificateRepository;
import org.mitan.document.DocumentStore;
import org.mitan.intake.ServiceRequestRepository;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.numbering.NumberSequence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the single-window gateway by {@code mitan.single-window.mode}: {@code local} (default) or {@code http}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SingleWindowProperties.class)
class SingleWindowConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SingleWindowConfiguration.class);
    private static final String MODE = "mitan.single-window.mode";

    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "local", matchIfMissing = true)
    SingleWindowGateway localRegisterGateway(NumberSequence numbers, UrbanBodyRepository bodies,
            ServiceRequestRepository requests, CertificateRepository certificates, DocumentStore store,
            ServiceCatalogue catalogue, CertificatePdf pdf) {
        log.info("Single-window gateway: the local register (in-process); set {}=http for the state's API", MODE);
        return new LocalRegisterGateway(numbers, bodies, requests, certificates, store, catalogue, pdf);
    }

    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "http")
    SingleWindowGateway httpSingleWindowGateway(SingleWindowProperties properties) {
        log.info("Single-window gateway: HTTP API at {} (connect timeout {}, read timeout {})",
                properties.baseUri(), properties.connectTimeout(), properties.readTimeout());
        return new HttpSingleWindowGateway(properties);
    }
}
