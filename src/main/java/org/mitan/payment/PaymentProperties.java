package org.mitan.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mitan.payment.*}: the gateway through which citizens pay fees online, and the secret its callbacks are signed
 * with.
 *
 * @param mode           {@code local} (default: payments are recorded here and confirmed by a signed callback) or
 *                       {@code http} (a payment gateway's HTTP/JSON API)
 * @param url            the gateway's API base URL, for {@code http} (orders go to {@code <url>/payments})
 * @param apiKey         bearer token for the gateway, for {@code http}
 * @param callbackSecret the HMAC-SHA256 key the gateway signs its callbacks with; no default outside the dev and test
 *                       profiles
 * @param connectTimeout connecting to the gateway
 * @param readTimeout    waiting for the gateway's answer
 */
@ConfigurationProperties("mitan.payment")
public record PaymentProperties(
        @DefaultValue("local") Mode mode,
        String url,
        String apiKey,
        String callbackSecret,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout) {

    public enum Mode {
        LOCAL,
        HTTP
    }
}
