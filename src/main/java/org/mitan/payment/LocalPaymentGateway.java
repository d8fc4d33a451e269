package org.mitan.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local default, used unless a payment gateway is configured: it records the order (the {@code payment} row the
 * caller saves, and a line in the log) under the reference {@code local-<idempotency key>}, the same for the same
 * key, and gives no pay link (the citizen's SMS points to the status page). The payment is confirmed, as with a real
 * gateway, by a callback signed with the configured secret (see README, "Outside systems").
 */
class LocalPaymentGateway implements PaymentGateway {

    static final String NAME = "local";

    private static final Logger log = LoggerFactory.getLogger(LocalPaymentGateway.class);

    @Override
    public PaymentOrder order(String idempotencyKey, String requestNumber, FeeDue fee, String citizenPhone) {
        String reference = NAME + "-" + idempotencyKey;
        log.info("Payment recorded locally: {} for request {}, {} Rs {}; confirm it with a signed callback naming "
                + "paymentId {}", reference, requestNumber, fee.code(), fee.rupees(), reference);
        return new PaymentOrder(reference, null);
    }

    @Override
    public String name() {
        return NAME;
    }
}
