package org.mitan.payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mitan.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A request's money: the fees the Mitan collects at the door (recorded by the request's Mitan), and every fee of the
 * request, paid at the door or online, with its receipt, for those who may see the request (auditors among them).
 */
@RestController
class DoorstepFeeController {

    private final DoorstepFees fees;

    DoorstepFeeController(DoorstepFees fees) {
        this.fees = fees;
    }

    /**
     * The citizen paid the fee to the Mitan: {@code {"mode": "CASH"}} or {@code {"mode": "UPI", "upiReference":
     * "<12 digits>"}}. 201 with the receipt; 200 with the same receipt when the fee was recorded before; 400 naming
     * each bad field; 403 for anyone but the request's Mitan; 404 for a fee the type does not charge; 409 for a UPI
     * reference recorded before or a fee awaited online.
     */
    @PostMapping("/api/requests/{number}/fees/{feeCode}/collected")
    ResponseEntity<FeeView> collected(@PathVariable String number, @PathVariable String feeCode,
            @RequestBody DoorstepFees.Collected collected) {
        DoorstepFees.Recorded recorded = fees.collect(number, feeCode, collected, Caller.current());
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(FeeView.of(recorded.payment()));
    }

    /** Every fee of the request, oldest first, then the Mitan service fee while it is due. */
    @GetMapping("/api/requests/{number}/fees")
    List<FeeView> money(@PathVariable String number) {
        List<Payment> recorded = fees.of(number, Caller.current());
        List<FeeView> views = new ArrayList<>(recorded.stream().map(FeeView::of).toList());
        fees.serviceFeeDue(number, recorded).ifPresent(fee -> views.add(new FeeView(fee.code(), fee.names().en(),
                fee.names().hi(), fee.rupees(), "DUE", null, null, null)));
        return views;
    }

    /**
     * A fee of a request.
     *
     * @param status  {@code DUE} (not asked for yet), {@code PENDING} (ordered online, not paid) or {@code PAID}
     * @param paidBy  {@code CASH} or {@code UPI} at the door, {@code ONLINE} at the payment gateway; null until paid
     */
    record FeeView(String feeCode, String label, String labelHi, int rupees, String status, String receiptNumber,
            String paidBy, Instant paidAt) {

        static FeeView of(Payment payment) {
            String paidBy = payment.getStatus() != PaymentStatus.PAID ? null
                    : DoorstepFees.DOORSTEP.equals(payment.getGateway())
                            ? payment.getGatewayReference().substring(0, payment.getGatewayReference().indexOf(':'))
                            : "ONLINE";
            return new FeeView(payment.getFeeCode(), payment.getLabel(), payment.getLabelHi(), payment.getRupees(),
                    payment.getStatus().name(), payment.getReceiptNumber(), paidBy, payment.getPaidAt());
        }
    }
}
