package org.mitan.payment;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessVariables;
import org.mitan.process.SmsTemplates;
import org.mitan.request.ProcessRequest;
import org.mitan.request.Requests;

/**
 * Service tasks of the shared step {@code fee-payment} when the fee stays unpaid, configured by the input parameter
 * {@code notice}: {@code reminder} sends the citizen the reminder (fee, amount, where to pay); {@code closed} tells
 * them the request closed without the fee and sets {@code paymentOutcome} to {@code unpaid}, which the calling
 * model's gateway ends the request on.
 */
@ProcessBean("paymentNotice")
class PaymentNoticeDelegate implements JavaDelegate {

    static final String NOTICE = "notice";
    private static final Map<String, String> TEMPLATES = Map.of(
            "reminder", SmsTemplates.PAYMENT_REMINDER,
            "closed", SmsTemplates.PAYMENT_CLOSED);

    private final Requests requests;
    private final Payments payments;

    PaymentNoticeDelegate(Requests requests, Payments payments) {
        this.requests = requests;
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object notice = execution.getVariableLocal(NOTICE);
        String template = notice == null ? null : TEMPLATES.get(notice.toString());
        if (template == null) {
            throw new IllegalStateException("The step " + execution.getCurrentActivityId() + " needs the input "
                    + "parameter '" + NOTICE + "': one of " + TEMPLATES.keySet());
        }
        payments.tell(requests.require(ProcessRequest.numberOf(execution)), feeOf(execution), template);
        if (SmsTemplates.PAYMENT_CLOSED.equals(template)) {
            execution.setVariable(ProcessVariables.PAYMENT_OUTCOME, PaymentOutcome.UNPAID);
        }
    }

    /** The fee the step is about, as the calling model passed it. */
    static String feeOf(DelegateExecution execution) {
        Object fee = execution.getVariable(ProcessVariables.PAYMENT_FEE);
        if (!(fee instanceof String code) || code.isBlank()) {
            throw new IllegalStateException("The shared step fee-payment needs the variable '"
                    + ProcessVariables.PAYMENT_FEE + "' naming the fee (e.g. government-fee): pass it from the"
                    + " calling model's call activity");
        }
        return code;
    }
}
