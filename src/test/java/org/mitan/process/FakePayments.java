package org.mitan.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for the {@code requestPayment} and {@code paymentNotice} beans of the shared step "Payment before the
 * decision": records what each service task asked ({@code "ask government-fee"}, {@code "reminder government-fee"},
 * {@code "closed government-fee"}) and, like the real notice, sets {@code paymentOutcome} to {@code unpaid} when the
 * request closes. A test can make the gateway fail.
 */
class FakePayments implements JavaDelegate {

    private final List<String> calls = new ArrayList<>();
    boolean gatewayDown;

    @Override
    public void execute(DelegateExecution execution) {
        String fee = (String) execution.getVariable(ProcessVariables.PAYMENT_FEE);
        Object notice = execution.getVariableLocal("notice");
        if (notice == null) {
            if (gatewayDown) {
                throw new IllegalStateException("payment gateway answered 503");
            }
            calls.add("ask " + fee);
            return;
        }
        calls.add(notice + " " + fee);
        if ("closed".equals(notice)) {
            execution.setVariable(ProcessVariables.PAYMENT_OUTCOME, "unpaid");
        }
    }

    List<String> calls() {
        return calls;
    }
}
