package org.mitan.payment;

/** The values of {@code paymentOutcome}, which the calling model's gateway tests. */
final class PaymentOutcome {

    static final String PAID = "paid";
    static final String UNPAID = "unpaid";

    private PaymentOutcome() {
    }
}
