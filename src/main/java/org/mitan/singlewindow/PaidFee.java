package org.mitan.singlewindow;

/**
 * A fee the request paid before its decision, printed on the certificate with its receipt (e.g. the Gumasta
 * licence's government registration fee).
 *
 * @param label         the fee's name in English
 * @param labelHi       the same in Hindi
 * @param rupees        the amount paid
 * @param receiptNumber the payment gateway's receipt number
 */
public record PaidFee(String label, String labelHi, int rupees, String receiptNumber) {
}
