package org.mitan.sms;

/** The SMS provider. Local default: {@code LoggingSmsGateway}; real: {@code HttpSmsGateway}. */
public interface SmsGateway {

    /** Sends one message; returns the provider's reference. Throws on failure, so the dispatcher retries. */
    String send(String phone, String body);
}
