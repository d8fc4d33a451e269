package org.mitan.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mitan.process.ProcessBean;
import org.mitan.request.ProcessRequest;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;

/**
 * Service task "Ask for the payment" of the shared step {@code fee-payment}: works out the fee named by
 * {@code paymentFee} from the type's data ({@link FeeAmounts}), orders it at the payment gateway once (a retry finds
 * the first order) and tells the citizen by SMS. Asynchronous with a retry cycle in the model: a gateway that is down
 * is retried, then an incident.
 */
@ProcessBean("requestPayment")
class RequestPaymentDelegate implements JavaDelegate {

    private final Requests requests;
    private final FeeAmounts amounts;
    private final Payments payments;

    RequestPaymentDelegate(Requests requests, FeeAmounts amounts, Payments payments) {
        this.requests = requests;
        this.amounts = amounts;
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String fee = PaymentNoticeDelegate.feeOf(execution);
        ServiceRequest request = requests.require(ProcessRequest.numberOf(execution));
        payments.ask(request, amounts.of(request, fee));
    }
}
