package org.mitan.sms;

/** The provider did not accept a message; the dispatcher counts the attempt and tries again later. */
public class SmsGatewayException extends RuntimeException {

    public SmsGatewayException(String message) {
        super(message);
    }

    public SmsGatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
