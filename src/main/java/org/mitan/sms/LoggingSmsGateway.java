package org.mitan.sms;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local default ({@code mitan.sms.mode=log}): the application log is the SMS channel, so it shows the whole
 * text, with the phone number masked. That includes delivery OTPs in clear text, on purpose: in this mode the log
 * is the only place a tester can read the OTP from. The outbox row hides the OTP once the message is sent
 * ({@link SmsRedaction}), but these log lines keep it: use this mode for development and demos only, never where
 * real citizens receive OTPs.
 */
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public String send(String phone, String body, String idempotencyKey) {
        String reference = "log-" + UUID.randomUUID();
        log.info("SMS to {} [{} {}]: {}", PhoneNumbers.mask(phone), idempotencyKey, reference, body);
        return reference;
    }
}
