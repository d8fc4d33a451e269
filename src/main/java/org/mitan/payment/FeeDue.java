package org.mitan.payment;

/**
 * A fee a request must pay: its code, the amount in whole rupees and its names, as the type's tables give them.
 *
 * @param code    e.g. {@code government-fee}
 * @param rupees  at least 1
 * @param label   what the receipt and the SMS call it in English
 * @param labelHi the same in Hindi
 */
record FeeDue(String code, int rupees, String label, String labelHi) {
}
