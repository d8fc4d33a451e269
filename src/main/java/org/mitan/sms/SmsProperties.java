package org.mitan.sms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mitan.sms.*}: which provider sends the outbox and how.
 *
 * @param mode           {@code log} (default: the application log is the SMS channel) or {@code http}
 * @param url            the provider's send endpoint, for {@code http}
 * @param apiKey         bearer token for the provider, for {@code http}
 * @param senderId       sender name shown on the phone
 * @param maxAttempts    refusals of a message by the provider (a bad number or text) before it is marked FAILED
 * @param batchSize      messages read per query by the dispatcher
 * @param connectTimeout connecting to the provider
 * @param readTimeout    waiting for the provider's answer
 * @param staffLanguage  language of SMS to officials (supervisors), {@code hi} or {@code en}
 * @param retryBackoff   wait after the provider could not be used (down, slow, busy), doubled after each such
 *                       attempt of the message
 * @param retryBackoffMax longest such wait
 * @param giveUpAfter    age at which a message the provider could not take is marked FAILED rather than retried
 */
@ConfigurationProperties("mitan.sms")
public record SmsProperties(
        @DefaultValue("log") Mode mode,
        String url,
        String apiKey,
        @DefaultValue("MITAN") String senderId,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("20") int batchSize,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("hi") String staffLanguage,
        @DefaultValue("30s") Duration retryBackoff,
        @DefaultValue("15m") Duration retryBackoffMax,
        @DefaultValue("24h") Duration giveUpAfter) {

    public enum Mode {
        LOG,
        HTTP
    }
}
