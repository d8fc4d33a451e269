package org.mitan.payment;

/** The payment gateway could not be reached or answered with an error: the step is retried, then an incident. */
class PaymentGatewayException extends RuntimeException {

    PaymentGatewayException(String message) {
        super(message);
    }

    PaymentGatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
