package org.mitan.payment;

/**
 * What the payment gateway answered to an order.
 *
 * @param reference the gateway's id of the payment, named again in its callback
 * @param payUrl    where the citizen pays (sent by SMS); null when the gateway gives none
 */
record PaymentOrder(String reference, String payUrl) {
}
