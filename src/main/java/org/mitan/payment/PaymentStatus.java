package org.mitan.payment;

/** Where an online fee stands: asked for (the citizen has the pay link) or paid (with the gateway's receipt). */
public enum PaymentStatus {
    PENDING,
    PAID
}
