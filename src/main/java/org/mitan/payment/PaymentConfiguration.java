package org.mitan.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Chooses the payment gateway by {@code mitan.payment.mode} ({@code local}, the default, or {@code http}) and the
 * secret callbacks are checked with: the configured one; in the dev and test profiles without one, the development
 * secret {@value #DEVELOPMENT_SECRET} (so a developer can sign a callback by hand); anywhere else none, and then the
 * {@code http} mode refuses to start and the local mode refuses every callback.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

    /** Known to everyone who reads this: used only by the dev and test profiles. */
    static final String DEVELOPMENT_SECRET = "mitan-development-payment-callback-secret";

    private static final Logger log = LoggerFactory.getLogger(PaymentConfiguration.class);

    @Bean
    PaymentGateway paymentGateway(PaymentProperties properties, ObjectMapper json) {
        return switch (properties.mode()) {
            case LOCAL -> {
                log.info("Payment gateway: local (payments recorded here, confirmed by signed callbacks); set "
                        + "mitan.payment.mode=http for a real gateway");
                yield new LocalPaymentGateway();
            }
            case HTTP -> {
                log.info("Payment gateway: HTTP API at {} (connect timeout {}, read timeout {})", properties.url(),
                        properties.connectTimeout(), properties.readTimeout());
                yield new HttpPaymentGateway(properties, json);
            }
        };
    }

    @Bean
    CallbackSignature callbackSignature(PaymentProperties properties, Environment environment) {
        String secret = properties.callbackSecret();
        if (secret != null && !secret.isBlank()) {
            return new CallbackSignature(secret);
        }
        if (environment.acceptsProfiles(Profiles.of("dev | test"))) {
            log.warn("Payment callbacks are checked with the development secret: set MITAN_PAYMENT_CALLBACK_SECRET");
            return new CallbackSignature(DEVELOPMENT_SECRET);
        }
        if (properties.mode() == PaymentProperties.Mode.HTTP) {
            throw new IllegalStateException("MITAN_PAYMENT_CALLBACK_SECRET is not set. The payment gateway signs its "
                    + "callbacks with it (HMAC-SHA256); set it to the secret agreed with the gateway (see README.md, "
                    + "Configuration).");
        }
        log.warn("MITAN_PAYMENT_CALLBACK_SECRET is not set: every payment callback is refused");
        return CallbackSignature.NONE;
    }
}
