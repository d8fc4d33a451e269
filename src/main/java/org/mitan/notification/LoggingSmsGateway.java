package org.mitan.notification;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local default ({@code mitan.sms.mode=log}): the application log is the SMS channel, so it shows the whole
 * text, delivery OTPs included, with the phone number masked. For development and demos only.
 */
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public String send(String phone, String body) {
        String reference = "log-" + UUID.randomUUID();
        log.info("SMS to {} [{}]: {}", PhoneNumbers.mask(phone), reference, body);
        return reference;
    }
}
