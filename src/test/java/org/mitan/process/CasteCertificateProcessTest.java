package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mitan.process.ProcessTestSupport.assertDeployedForm;
import static org.mitan.process.ProcessTestSupport.historicVariable;
import static org.mitan.process.ProcessTestSupport.inDays;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The caste certificate through the contract of a certificate type, and its own step: the Revenue Inspector's
 * (Patwari's) field inquiry between the single-window filing and the Tehsildar's decision, whose finding informs the
 * Tehsildar, who decides.
 */
@Deployment(resources = {
        "processes/caste-certificate.bpmn", "processes/caste-certificate.dmn", "processes/doorstep-visit.bpmn",
        "processes/document-scrutiny.bpmn", "processes/authority-decision.bpmn", "processes/home-delivery.bpmn",
        "forms/request-registration.form", "forms/doorstep-visit.form", "forms/caste-certificate-particulars.form",
        "forms/document-scrutiny.form", "forms/field-inquiry.form", "forms/authority-decision.form",
        "forms/mitan-assignment.form", "forms/certificate-delivery.form"})
class CasteCertificateProcessTest extends CertificateTypeContract {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage("caste-certificate");

    /** The findings and remarks each officer's task was created with, as its summary shows them (none empty). */
    final Map<String, Map<String, Object>> notesSeenBy = new HashMap<>();

    @Override
    String key() {
        return "caste-certificate";
    }

    @Override
    Map<String, Object> particulars() {
        return Map.of("particular_applicantName", "Ramesh Dhruw", "particular_caste", "Gond",
                "particular_category", "ST");
    }

    @BeforeEach
    void summariesRecordWhatTheOfficerSees() {
        Mocks.register("requestSummaryListener", (TaskListener) task -> {
            Map<String, Object> notes = new TreeMap<>();
            StepVariables.of(task).forEach((name, value) -> {
                if ((name.endsWith("Finding") || name.endsWith("Remarks")) && value != null) {
                    notes.put(name, value);
                }
            });
            notesSeenBy.put(task.getTaskDefinitionKey(), notes);
            task.setVariableLocal(ProcessVariables.REQUEST_SUMMARY, "**" + REQUEST + "**");
        });
    }

    @Override
    void ownStepsBeforeTheDecision(ProcessInstance request) {
        assertThat(request).isWaitingAt("Task_FieldInquiry");
        Task inquiry = task(request);
        assertEquals(List.of(roleOf("Task_FieldInquiry")), candidateGroups(inquiry));
        assertThat(inquiry).isNotAssigned()
                .hasDueDate(inDays(type().step("Task_FieldInquiry").orElseThrow().dueDays()));
        assertDeployedForm(inquiry, "field-inquiry");
        complete(inquiry, withVariables("inquiryFinding", "supported", "inquiryRemarks", "Family record of 1948"));
    }

    @Test
    void anInquiryThatDoesNotSupportTheClaimInformsTheTehsildarWhoStillDecides() {
        ProcessInstance request = startAt("Task_FieldInquiry");

        complete(task(request), withVariables("inquiryFinding", "notSupported",
                "inquiryRemarks", "No record of the family in the village before 1950"));

        ProcessInstance authority = calledProcessInstance("authority-decision", request);
        assertThat(authority).isWaitingAt("Task_DecideApplication");
        assertEquals(List.of("tehsildar"), candidateGroups(task(authority)));
        assertEquals(Map.of("inquiryFinding", "notSupported",
                "inquiryRemarks", "No record of the family in the village before 1950"),
                notesSeenBy.get("Task_DecideApplication"));
        complete(task(authority), withVariables("decision", "approved"));

        assertThat(request).isWaitingAt("Task_IssueCertificate");
        assertEquals(List.of("APPROVED"), status.moves());
        assertEquals("notSupported", historicVariable(request, "inquiryFinding"));
    }

    @Test
    void aFindingSubmittedBeforeTheInquiryIsNotTakenForTheInspectors() {
        ProcessInstance request = startAt("CallActivity_DocumentScrutiny");
        ProcessInstance scrutiny = calledProcessInstance("document-scrutiny", request);
        complete(task(scrutiny), withVariables("scrutinyOutcome", "accepted", "inquiryFinding", "supported",
                "inquiryRemarks", "Written by the clerk"));
        execute(job("Task_SubmitToSingleWindow", scrutiny));

        assertThat(request).isWaitingAt("Task_FieldInquiry").variables()
                .doesNotContainKeys("inquiryFinding", "inquiryRemarks");
        assertEquals(Map.of(), notesSeenBy.get("Task_FieldInquiry"));
    }
}
