package org.mitan.payment;

/**
 * The payment gateway through which a citizen pays a fee online. An order carries an idempotency key (the request
 * number and the fee code): the same key again gets the first order back, so a retried step never charges twice.
 * Failures to reach the gateway are {@link PaymentGatewayException}s (the step is retried, then an incident).
 */
interface PaymentGateway {

    /**
     * Orders a payment.
     *
     * @param idempotencyKey e.g. {@code RPR-2026-000042:government-fee}
     * @param citizenPhone   the mobile the gateway may send its own payment link to
     */
    PaymentOrder order(String idempotencyKey, String requestNumber, FeeDue fee, String citizenPhone);

    /** {@code local} or {@code http}: kept with each payment, so a callback is matched to its own gateway. */
    String name();
}
