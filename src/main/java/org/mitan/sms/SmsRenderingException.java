package org.mitan.sms;

/** An SMS could not be written in full: unknown template or language, or a placeholder without a value. */
public class SmsRenderingException extends RuntimeException {

    public SmsRenderingException(String message) {
        super(message);
    }
}
