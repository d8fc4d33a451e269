package org.mitan.sms;

/**
 * The provider did not take a message. Either the provider cannot be used now (down, slow, busy, our credentials
 * refused: the dispatcher waits and tries again, for as long as {@code mitan.sms.give-up-after}) or it refused this
 * message (a bad number or text: counted, FAILED after {@code mitan.sms.max-attempts}).
 */
public class SmsGatewayException extends RuntimeException {

    private final boolean refusedMessage;

    /** The provider cannot be used now; the message is not at fault. */
    public SmsGatewayException(String message) {
        this(message, null, false);
    }

    /** The provider cannot be used now; the message is not at fault. */
    public SmsGatewayException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private SmsGatewayException(String message, Throwable cause, boolean refusedMessage) {
        super(message, cause);
        this.refusedMessage = refusedMessage;
    }

    /** The provider answered, and refused this message for what it is (its number or its text). */
    public static SmsGatewayException refused(String message) {
        return new SmsGatewayException(message, null, true);
    }

    /** Whether the provider refused this message, rather than being unusable for every message now. */
    public boolean refusedMessage() {
        return refusedMessage;
    }
}
