package org.mitan.payment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A fee a request pays online before its decision, asked for once per request and fee: the amount and its names
 * as the type's tables gave them when it was asked, the gateway's reference and pay link, and once paid the
 * gateway's receipt number.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private Long requestId;

    @Column(name = "fee_code", nullable = false, updatable = false)
    private String feeCode;

    @Column(nullable = false, updatable = false)
    private int rupees;

    @Column(nullable = false, updatable = false)
    private String label;

    @Column(name = "label_hi", nullable = false, updatable = false)
    private String labelHi;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(nullable = false, updatable = false)
    private String gateway;

    @Column(name = "gateway_reference", nullable = false, updatable = false)
    private String gatewayReference;

    @Column(name = "pay_url", updatable = false)
    private String payUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status = PaymentStatus.PENDING;

    @Column(name = "receipt_number")
    private String receiptNumber;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    protected Payment() {
    }

    Payment(Long requestId, FeeDue fee, String idempotencyKey, String gateway, PaymentOrder order,
            Instant createdAt) {
        this.requestId = requestId;
        this.feeCode = fee.code();
        this.rupees = fee.rupees();
        this.label = fee.label();
        this.labelHi = fee.labelHi();
        this.idempotencyKey = idempotencyKey;
        this.gateway = gateway;
        this.gatewayReference = order.reference();
        this.payUrl = order.payUrl();
        this.createdAt = createdAt;
    }

    /** Marks the fee paid with the gateway's receipt; false (and nothing changed) when it was paid already. */
    boolean markPaid(String receipt, Instant at) {
        if (status == PaymentStatus.PAID) {
            return false;
        }
        this.status = PaymentStatus.PAID;
        this.receiptNumber = receipt;
        this.paidAt = at;
        return true;
    }

    public Long getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
    }

    public String getFeeCode() {
        return feeCode;
    }

    public int getRupees() {
        return rupees;
    }

    public String getLabel() {
        return label;
    }

    public String getLabelHi() {
        return labelHi;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getGateway() {
        return gateway;
    }

    public String getGatewayReference() {
        return gatewayReference;
    }

    public String getPayUrl() {
        return payUrl;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPaidAt() {
        return paidAt;
    }
}
