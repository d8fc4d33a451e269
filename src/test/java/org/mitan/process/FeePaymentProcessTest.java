package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mitan.process.ProcessTestSupport.NOW;
import static org.mitan.process.ProcessTestSupport.historicVariable;
import static org.mitan.process.ProcessTestSupport.inDays;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared step "Payment before the decision" ({@code fee-payment}) on its own, with the Gumasta licence's tables
 * for the days: the fee is ordered (asynchronously, retried), the step waits for the gateway's message; unpaid for the
 * days of the steps row {@code Task_AwaitPayment} the citizen is reminded, unpaid for the days of
 * {@code Task_AwaitPaymentAfterReminder} after that the request closes (outcome {@code unpaid}).
 */
@Deployment(resources = {"processes/fee-payment.bpmn", "processes/gumasta-licence.dmn"})
class FeePaymentProcessTest extends EngineProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage("fee-payment");

    static final String REQUEST = "RPR-2026-000321";
    static final String FEE = "government-fee";

    FakeSteps steps = new FakeSteps();
    FakePayments payments = new FakePayments();

    @BeforeEach
    void fakes() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        steps.request(REQUEST, "gumasta-licence");
        Mocks.register("steps", steps);
        Mocks.register("requestPayment", payments);
        Mocks.register("paymentNotice", payments);
    }

    @Test
    void aFeePaidInTimeEndsTheStepPaidWithoutAReminder() {
        ProcessInstance payment = start();
        Job order = job("Task_RequestPayment", payment);
        assertEquals(3, order.getRetries());
        execute(order);
        assertEquals(List.of("ask " + FEE), payments.calls());
        assertThat(payment).isWaitingAt("Task_AwaitPayment");
        assertEquals(inDays(3), job("BoundaryEvent_PaymentReminderDue", payment).getDuedate());

        pay(FEE);

        assertThat(payment).isEnded().hasPassed("EndEvent_FeePaid").hasNotPassed("Task_RemindCitizen");
        assertEquals("paid", historicVariable(payment, ProcessVariables.PAYMENT_OUTCOME));
        assertEquals("RCPT-77", historicVariable(payment, ProcessVariables.PAYMENT_RECEIPT));
    }

    @Test
    void anUnpaidFeeIsRemindedAndThenTheStepEndsUnpaid() {
        ProcessInstance payment = start();
        execute(job("Task_RequestPayment", payment));

        execute(job("BoundaryEvent_PaymentReminderDue", payment));

        assertThat(payment).isWaitingAt("Task_AwaitPaymentAfterReminder").hasPassed("Task_RemindCitizen");
        assertEquals(List.of("ask " + FEE, "reminder " + FEE), payments.calls());
        Job timeUp = job("BoundaryEvent_PaymentTimeUp", payment);
        assertEquals(inDays(4), timeUp.getDuedate());

        execute(timeUp);

        assertThat(payment).isEnded().hasPassed("Task_TellRequestClosed", "EndEvent_FeeNotPaid")
                .hasNotPassed("EndEvent_FeePaid");
        assertEquals(List.of("ask " + FEE, "reminder " + FEE, "closed " + FEE), payments.calls());
        assertEquals("unpaid", historicVariable(payment, ProcessVariables.PAYMENT_OUTCOME));
    }

    @Test
    void aFeePaidAfterTheReminderEndsTheStepPaid() {
        ProcessInstance payment = start();
        execute(job("Task_RequestPayment", payment));
        execute(job("BoundaryEvent_PaymentReminderDue", payment));

        pay(FEE);

        assertThat(payment).isEnded().hasPassed("Task_RemindCitizen", "EndEvent_FeePaidAfterReminder")
                .hasNotPassed("Task_TellRequestClosed", "EndEvent_FeePaid");
        assertEquals(0, managementService().createJobQuery().processInstanceId(payment.getId()).count());
    }

    @Test
    void aPaymentOfAnotherFeeOrRequestDoesNotMoveTheStep() {
        ProcessInstance payment = start();
        execute(job("Task_RequestPayment", payment));

        assertThrows(MismatchingMessageCorrelationException.class, () -> pay("late-registration"));
        assertThrows(MismatchingMessageCorrelationException.class, () -> runtimeService()
                .createMessageCorrelation("PaymentReceived").processInstanceBusinessKey("RPR-2026-000999")
                .processInstanceVariableEquals(ProcessVariables.PAYMENT_FEE, FEE).correlate());

        assertThat(payment).isWaitingAt("Task_AwaitPayment");
    }

    @Test
    void aGatewayThatIsDownIsRetriedEveryTenMinutesThenBecomesAnIncident() {
        payments.gatewayDown = true;
        ProcessInstance payment = start();
        Job order = job("Task_RequestPayment", payment);

        while (order.getRetries() > 0) {
            String id = order.getId();
            RuntimeException failure = assertThrows(RuntimeException.class, () -> managementService().executeJob(id));
            assertTrue(failure.getMessage().contains("503"), failure.getMessage());
            order = job("Task_RequestPayment", payment);
            if (order.getRetries() > 0) {
                assertEquals(Date.from(NOW.plus(Duration.ofMinutes(10))), order.getDuedate());
            }
        }

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(payment.getId()).singleResult();
        assertEquals("Task_RequestPayment", incident.getActivityId());
        assertTrue(payments.calls().isEmpty());
    }

    @Test
    void itIsNotStartableInTasklist() {
        assertFalse(definition("fee-payment").isStartableInTasklist());
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("fee-payment", REQUEST,
                Map.of(ProcessVariables.REQUEST_NUMBER, REQUEST, ProcessVariables.PAYMENT_FEE, FEE));
    }

    /** The gateway's callback, as the application correlates it: by request and fee. */
    static void pay(String fee) {
        runtimeService().createMessageCorrelation("PaymentReceived").processInstanceBusinessKey(REQUEST)
                .processInstanceVariableEquals(ProcessVariables.PAYMENT_FEE, fee)
                .setVariable(ProcessVariables.PAYMENT_OUTCOME, "paid")
                .setVariable(ProcessVariables.PAYMENT_RECEIPT, "RCPT-77").correlate();
    }
}
