package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mitan.process.ProcessTestSupport.historicVariable;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Gumasta licence (shop and establishment registration, Labour department) through the contract of a certificate
 * type: a type made of data only (a model copied from the residence certificate's, its DMN file and its particulars
 * form); the clerk scrutinises, the government fee is paid online through the shared step "Payment before the
 * decision", then the labour officer decides; the licence names the establishment. Unpaid, the request closes before
 * the labour officer sees it.
 */
@Deployment(resources = {
        "processes/gumasta-licence.bpmn", "processes/gumasta-licence.dmn", "processes/fee-payment.bpmn",
        "processes/doorstep-visit.bpmn", "processes/document-scrutiny.bpmn", "processes/authority-decision.bpmn",
        "processes/home-delivery.bpmn", "forms/request-registration.form", "forms/doorstep-visit.form",
        "forms/gumasta-licence-particulars.form", "forms/document-scrutiny.form", "forms/authority-decision.form",
        "forms/mitan-assignment.form", "forms/certificate-delivery.form"})
class GumastaLicenceProcessTest extends CertificateTypeContract {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage("gumasta-licence");

    @Override
    String key() {
        return "gumasta-licence";
    }

    @Override
    Map<String, Object> particulars() {
        return Map.of("particular_establishmentName", "Sahu Kirana Store", "particular_category", "shop",
                "particular_establishmentAddress", "Shop 4, Gandhi Chowk, Raipur",
                "particular_natureOfBusiness", "Grocery", "particular_dateOfOpening", "2026-01-10",
                "particular_ownerNames", "Ramesh Sahu", "particular_menEmployees", 2,
                "particular_womenEmployees", 1);
    }

    /** The government fee is ordered and paid before the labour officer decides. */
    @Override
    void ownStepsBeforeTheDecision(ProcessInstance request) {
        assertThat(request).isWaitingAt("CallActivity_FeePayment");
        ProcessInstance payment = calledProcessInstance("fee-payment", request);
        assertEquals(REQUEST, payment.getBusinessKey());
        assertThat(payment).variables().containsEntry(ProcessVariables.PAYMENT_FEE, "government-fee");
        execute(job("Task_RequestPayment", payment));
        assertEquals(List.of("ask government-fee"), payments.calls());

        runtimeService().createMessageCorrelation("PaymentReceived").processInstanceBusinessKey(REQUEST)
                .processInstanceVariableEquals(ProcessVariables.PAYMENT_FEE, "government-fee")
                .setVariable(ProcessVariables.PAYMENT_OUTCOME, "paid")
                .setVariable(ProcessVariables.PAYMENT_RECEIPT, "RCPT-2026-0001").correlate();

        assertThat(request).hasPassed("Gateway_FeePaid").isWaitingAt("CallActivity_AuthorityDecision")
                .variables().containsEntry(ProcessVariables.PAYMENT_RECEIPT, "RCPT-2026-0001");
    }

    @Test
    void aFeeNotPaidAfterTheReminderClosesTheRequestBeforeTheLabourOfficerSeesIt() {
        ProcessInstance request = startAt("CallActivity_FeePayment");
        ProcessInstance payment = calledProcessInstance("fee-payment", request);
        execute(job("Task_RequestPayment", payment));

        execute(job("BoundaryEvent_PaymentReminderDue", payment));
        execute(job("BoundaryEvent_PaymentTimeUp", payment));

        assertThat(request).isEnded().hasPassed("Gateway_FeePaid", "EndEvent_RequestUnpaid")
                .hasNotPassed("CallActivity_AuthorityDecision", "Task_IssueCertificate");
        assertEquals(List.of("ask government-fee", "reminder government-fee", "closed government-fee"),
                payments.calls());
        assertEquals(List.of("CLOSED"), status.moves());
        assertEquals("unpaid", historicVariable(request, ProcessVariables.PAYMENT_OUTCOME));
    }
}
