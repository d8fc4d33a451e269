package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mitan.process.ProcessTestSupport.assertDeployedForm;
import static org.mitan.process.ProcessTestSupport.historicVariable;
import static org.mitan.process.ProcessTestSupport.inDays;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The marriage registration certificate through the contract of a certificate type: a type made of data only, with
 * two parties in its particulars, the registrar hearing both parties before deciding, and the delay from the date
 * of marriage worked out (for the late fee) when the particulars are recorded.
 */
@Deployment(resources = {
        "processes/marriage-certificate.bpmn", "processes/marriage-certificate.dmn",
        "processes/doorstep-visit.bpmn", "processes/document-scrutiny.bpmn", "processes/authority-decision.bpmn",
        "processes/home-delivery.bpmn", "forms/request-registration.form", "forms/doorstep-visit.form",
        "forms/marriage-certificate-particulars.form", "forms/marriage-certificate-hearing.form",
        "forms/document-scrutiny.form", "forms/authority-decision.form", "forms/mitan-assignment.form",
        "forms/certificate-delivery.form"})
class MarriageCertificateProcessTest extends CertificateTypeContract {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage("marriage-certificate");

    @Override
    String key() {
        return "marriage-certificate";
    }

    @Override
    Map<String, Object> particulars() {
        return Map.of("particular_groomName", "Ravi Sahu", "particular_groomDateOfBirth", "1998-02-11",
                "particular_brideName", "Pooja Verma", "particular_brideDateOfBirth", "2000-07-23",
                "particular_dateOfMarriage", "2026-04-20", "particular_rite", "Hindu");
    }

    @Override
    void ownStepsBeforeTheDecision(ProcessInstance request) {
        assertThat(request).isWaitingAt("Task_HearBothParties");
        Task hearing = task(request);
        assertEquals(List.of("marriage-registrar"), candidateGroups(hearing));
        assertThat(hearing).hasDueDate(inDays(type().step("Task_HearBothParties").orElseThrow().dueDays()));
        assertDeployedForm(hearing, "marriage-certificate-hearing");
        complete(hearing, withVariables("hearingFinding", "appearedInOffice",
                "hearingRemarks", "Both appeared on 2 May with their witnesses"));
        assertEquals("appearedInOffice", historicVariable(request, "hearingFinding"));
    }

    @Test
    void theDelayAndItsLateFeeAreWorkedOutFromTheDateOfMarriageWhenTheParticularsAreRecorded() {
        ProcessInstance request = startAt("Task_RecordParticulars");

        complete(task(request), particulars());

        assertEquals(1, delay.runs);
        assertEquals("dateOfMarriage", delay.eventParticular);
        assertThat(request).hasPassed("Task_WorkOutRegistrationDelay");
        assertThat(calledProcessInstance("document-scrutiny", request)).isWaitingAt("Task_ScrutiniseDocuments");
    }
}
