package org.mitan.sms;

/** The SMS provider. Local default: {@code LoggingSmsGateway}; real: {@code HttpSmsGateway}. */
public interface SmsGateway {

    /**
     * Sends one message; returns the provider's reference. Throws {@link SmsGatewayException} on failure, so the
     * dispatcher retries. {@code idempotencyKey} is the same on every attempt of one outbox message: a provider that
     * honours it sends the message once even when an attempt's answer was lost (a timeout, a crash before the
     * outbox row was marked sent).
     */
    String send(String phone, String body, String idempotencyKey);
}
