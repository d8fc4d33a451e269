package org.mitan.process;

/** SMS template names, used as the {@code template} input of the {@code sendSms} delegate and in the outbox. */
public final class SmsTemplates {

    public static final String REQUEST_REGISTERED = "REQUEST_REGISTERED";
    public static final String MITAN_ASSIGNED = "MITAN_ASSIGNED";
    public static final String DOCUMENTS_MISSING = "DOCUMENTS_MISSING";
    public static final String VISIT_MISSED = "VISIT_MISSED";
    public static final String REQUEST_CLOSED = "REQUEST_CLOSED";
    public static final String DOCUMENTS_RETURNED = "DOCUMENTS_RETURNED";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String REJECTED = "REJECTED";
    public static final String CERTIFICATE_ISSUED = "CERTIFICATE_ISSUED";
    public static final String DELIVERY_OTP = "DELIVERY_OTP";
    public static final String DELIVERED = "DELIVERED";
    public static final String FEEDBACK_REQUEST = "FEEDBACK_REQUEST";
    /** A fee to pay online before the decision: its name, the amount and where to pay. */
    public static final String PAYMENT_DUE = "PAYMENT_DUE";
    /** The fee is still unpaid after the days the type's steps table gives. */
    public static final String PAYMENT_REMINDER = "PAYMENT_REMINDER";
    /** The fee is paid: with the receipt number. */
    public static final String PAYMENT_RECEIVED = "PAYMENT_RECEIVED";
    /** The request closed because the fee was not paid. */
    public static final String PAYMENT_CLOSED = "PAYMENT_CLOSED";
    /** Sent to the body's supervisor, not the citizen. */
    public static final String TASK_OVERDUE = "TASK_OVERDUE";

    private SmsTemplates() {
    }
}
