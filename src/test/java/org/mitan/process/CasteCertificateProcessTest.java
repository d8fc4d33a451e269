package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mitan.process.ProcessTestSupport.NOW;
import static org.mitan.process.ProcessTestSupport.assertDeployedForm;
import static org.mitan.process.ProcessTestSupport.historicVariable;
import static org.mitan.process.ProcessTestSupport.inDays;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path of the caste-certificate model with the real doorstep-visit and home-delivery models and the real
 * decision tables, on the same shared beans as the birth certificate (faked here as there): the clerk's scrutiny,
 * the single-window submission, the Revenue Inspector's field inquiry offered to the group the service-level table
 * names, and the Tehsildar's decision, which is the Tehsildar's whatever the inquiry found.
 */
@Deployment(resources = {
        "processes/caste-certificate.bpmn", "processes/doorstep-visit.bpmn", "processes/home-delivery.bpmn",
        "processes/caste-certificate.dmn",
        "forms/request-registration.form", "forms/doorstep-visit.form", "forms/caste-certificate-particulars.form",
        "forms/document-scrutiny.form", "forms/field-inquiry.form", "forms/authority-decision.form",
        "forms/mitan-assignment.form", "forms/certificate-delivery.form"})
class CasteCertificateProcessTest extends EngineProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage("caste-certificate");

    static final String CASTE = "caste-certificate";
    static final String REQUEST = "RPR-2026-000321";
    static final String MITAN = "mitan.raipur.1";

    /** What the fake single-window system does with a submission. */
    enum SingleWindow { ACCEPTS, REFUSES, IS_DOWN }

    RecordingSms sms = new RecordingSms();
    RecordingStatus status = new RecordingStatus();
    FakeHomeDelivery homeDelivery = new FakeHomeDelivery();
    FakeSteps steps = new FakeSteps();
    FakeMitans mitans = new FakeMitans(MITAN);
    /** The findings and remarks each officer's task could see when it was created, by task. */
    Map<String, Map<String, Object>> notesSeenBy = new LinkedHashMap<>();
    SingleWindow singleWindow = SingleWindow.ACCEPTS;
    boolean issuingFails;
    int submissions;
    int issues;

    @BeforeEach
    void fakes() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("sendSms", sms);
        Mocks.register("requestStatus", status);
        Mocks.register("homeDelivery", homeDelivery);
        steps.request(REQUEST, CASTE);
        Mocks.register("steps", steps);
        Mocks.register("assignMitan", mitans);
        Mocks.register("assignedMitan", mitans);
        Mocks.register("registerRequest", (JavaDelegate) execution -> {
            execution.setVariable(ProcessVariables.CERTIFICATE_TYPE, CASTE);
            execution.setVariable(ProcessVariables.BODY_CODE, "RPR");
        });
        Mocks.register("documentChecklistListener", (TaskListener) task ->
                task.setVariableLocal(ProcessVariables.DOCUMENT_CHECKLIST, "- [x] Applicant's ID"));
        Mocks.register("verifyDocuments", (JavaDelegate) execution -> {
            execution.setVariable(ProcessVariables.DOCUMENTS_VERIFIED, true);
            execution.setVariable(ProcessVariables.DOCUMENT_PROBLEMS, "");
        });
        Mocks.register("captureParticulars", (TaskListener) task -> {
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                task.setVariableLocal("particular_applicantName", "Ramkumar Dhruw");
            } else {
                task.getVariableNames().stream().filter(name -> name.startsWith(ProcessVariables.PARTICULAR_PREFIX))
                        .forEach(name -> {
                            task.removeVariableLocal(name);
                            task.getExecution().removeVariable(name);
                        });
            }
        });
        Mocks.register("requestSummaryListener", (TaskListener) task -> {
            Map<String, Object> notes = new LinkedHashMap<>();
            task.getVariables().forEach((name, value) -> {
                if (name.endsWith("Finding") || name.endsWith("Remarks")) {
                    notes.put(name, value);
                }
            });
            notesSeenBy.put(task.getTaskDefinitionKey(), notes);
            task.setVariableLocal(ProcessVariables.REQUEST_SUMMARY, "**" + REQUEST + "**");
        });
        Mocks.register("submitToSingleWindow", (JavaDelegate) execution -> {
            submissions++;
            switch (singleWindow) {
                case ACCEPTS -> execution.setVariable(ProcessVariables.SUBMISSION_REFERENCE, "SW-91");
                case REFUSES -> {
                    execution.setVariable(ProcessVariables.SUBMISSION_REJECTION, "Applicant not resident in the state");
                    throw new BpmnError(ProcessErrors.SINGLE_WINDOW_REJECTED);
                }
                case IS_DOWN -> throw new IllegalStateException("single window answered 503");
            }
        });
        Mocks.register("issueCertificate", (JavaDelegate) execution -> {
            issues++;
            if (issuingFails) {
                throw new IllegalStateException("single window answered 503");
            }
            execution.setVariable(ProcessVariables.CERTIFICATE_NUMBER, "RPR/CASTE/2026/000001");
        });
    }

    @Test
    void theCallCentreStartsItFromTheSharedRegistrationForm() {
        ProcessDefinition caste = definition(CASTE);
        CamundaFormRef startForm = formService().getStartFormData(caste.getId()).getCamundaFormRef();
        assertEquals("request-registration", startForm.getKey());
        assertEquals("latest", startForm.getBinding());
        List<IdentityLink> starters = repositoryService().getIdentityLinksForProcessDefinition(caste.getId());
        assertEquals(List.of("call-centre"), starters.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId)
                .toList());
        assertTrue(caste.isStartableInTasklist());
        assertEquals("Caste certificate", caste.getName());
        assertEquals("2.0.0", caste.getVersionTag());
        assertEquals(3650, caste.getHistoryTimeToLive());
        assertFalse(definition(ProcessKeys.DOORSTEP_VISIT).isStartableInTasklist());
    }

    @Test
    void theTypesTablesGiveTheRevenueDepartmentsDaysAndTheVisitItsLimit() {
        ProcessInstance request = start();

        assertThat(request).isWaitingAt("CallActivity_DoorstepVisit")
                .hasPassed("Task_RegisterRequest");
        assertThat(request).variables()
                .doesNotContainKeys("decisionResult", "scrutinyGroup", "inquiryGroup", "authorityGroup",
                        "officerDueDays", "mitanDueDays", "legalDueDays");
        ProcessInstance visit = calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request);
        assertEquals(REQUEST, visit.getBusinessKey());
        assertThat(visit).isWaitingAt("Task_VisitCitizen").variables()
                .containsEntry("certificateType", CASTE)
                .containsEntry("maxVisits", 3);
        assertThat(task(visit)).isAssignedTo(MITAN).hasDueDate(inDays(2));
    }

    @Test
    void aRequestGoesFromTheCallCentreThroughTheInquiryAndTheTehsildarToTheCitizensDoor() {
        ProcessInstance request = start();
        ProcessInstance visit = calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request);
        complete(task(visit), withVariables("visitOutcome", "collected", "visitRemarks", "Ward declaration seen"));
        execute(job(visit));

        assertThat(request).isWaitingAt("Task_RecordParticulars").hasPassed("CallActivity_DoorstepVisit");
        Task particulars = task(request);
        assertThat(particulars).isAssignedTo(MITAN).hasDueDate(inDays(2));
        assertEquals("Ramkumar Dhruw", taskService().getVariableLocal(particulars.getId(), "particular_applicantName"));
        assertDeployedForm(particulars, "caste-certificate-particulars");
        complete(particulars, withVariables("particular_applicantName", "Ramkumar Dhruw",
                "particular_fatherName", "Sukhram Dhruw", "particular_caste", "Gond", "particular_category", "ST",
                "particular_evidence", "Declaration of the ward or gram sabha"));
        assertThat(request).variables().doesNotContainKeys("particular_caste", "particular_category");

        assertThat(request).isWaitingAt("Task_ScrutiniseDocuments");
        Task scrutiny = task(request);
        assertThat(scrutiny).hasCandidateGroup("clerk").isNotAssigned().hasDueDate(inDays(5));
        assertDeployedForm(scrutiny, "document-scrutiny");
        complete(scrutiny, withVariables("scrutinyOutcome", "accepted"));

        assertThat(request).isWaitingAt("Task_SubmitToSingleWindow");
        assertEquals(0, submissions);
        execute(job("Task_SubmitToSingleWindow", request));

        assertThat(request).isWaitingAt("Task_FieldInquiry");
        Task inquiry = task(request);
        assertThat(inquiry).hasCandidateGroup("revenue-inspector").isNotAssigned().hasDueDate(inDays(5))
                .hasName("Field inquiry by the Revenue Inspector (Patwari)");
        assertEquals(List.of("revenue-inspector"), candidateGroups(inquiry));
        assertEquals("**" + REQUEST + "**", taskService().getVariableLocal(inquiry.getId(), "requestSummary"));
        assertDeployedForm(inquiry, "field-inquiry");
        complete(inquiry, withVariables("inquiryFinding", "supported",
                "inquiryRemarks", "Gram sabha register and neighbours confirm the family is Gond"));

        assertThat(request).isWaitingAt("Task_DecideApplication");
        Task decision = task(request);
        assertThat(decision).hasCandidateGroup("tehsildar").isNotAssigned().hasDueDate(inDays(5));
        assertEquals(List.of("tehsildar"), candidateGroups(decision));
        assertDeployedForm(decision, "authority-decision");
        assertEquals(Map.of("visitRemarks", "Ward declaration seen", "inquiryFinding", "supported",
                "inquiryRemarks", "Gram sabha register and neighbours confirm the family is Gond"),
                notesSeenBy.get("Task_DecideApplication"), "the Tehsildar's summary is made with the inquiry's report");
        complete(decision, withVariables("decision", "approved"));

        assertThat(request).isWaitingAt("Task_IssueCertificate");
        execute(job("Task_IssueCertificate", request));
        ProcessInstance delivery = calledProcessInstance(ProcessKeys.HOME_DELIVERY, request);
        assertEquals(REQUEST, delivery.getBusinessKey());
        assertThat(task(delivery)).isAssignedTo(MITAN);
        complete(task(delivery), withVariables("deliveryOtp", FakeHomeDelivery.RIGHT_OTP));

        assertThat(request).isEnded()
                .hasPassed("Task_FieldInquiry", "Task_DecideApplication", "CallActivity_HomeDelivery",
                        "EndEvent_CertificateDelivered")
                .hasNotPassed("EndEvent_RequestRejected", "EndEvent_RequestClosed");
        assertEquals(1, submissions);
        assertEquals(1, issues);
        assertEquals(1, homeDelivery.arranged());
        assertEquals(List.of("UNDER_SCRUTINY", "APPROVED"), status.moves());
        assertEquals(List.of("MITAN_ASSIGNED", "FEEDBACK_REQUEST"), sms.templates());
        assertEquals(0, managementService().createJobQuery().processInstanceId(request.getId()).count(),
                "the legal deadline timer ends with the request");
    }

    @Test
    void anInquiryThatDoesNotSupportTheClaimInformsTheTehsildarWhoStillDecides() {
        ProcessInstance request = startAt("Task_FieldInquiry");

        complete(task(request), withVariables("inquiryFinding", "notSupported",
                "inquiryRemarks", "No record of the family in the village before 1950"));

        assertThat(request).isWaitingAt("Task_DecideApplication").hasPassed("Task_FieldInquiry");
        assertThat(task(request)).hasCandidateGroup("tehsildar");
        assertEquals("notSupported", notesSeenBy.get("Task_DecideApplication").get("inquiryFinding"));
        assertEquals("No record of the family in the village before 1950",
                notesSeenBy.get("Task_DecideApplication").get("inquiryRemarks"));

        complete(task(request), withVariables("decision", "approved"));

        assertThat(request).isWaitingAt("Task_IssueCertificate").hasNotPassed("Task_NotifyRejection");
        assertEquals(List.of("APPROVED"), status.moves());
        assertEquals("notSupported", historicVariable(request, "inquiryFinding"));
    }

    @Test
    void aFindingSubmittedBeforeTheInquiryIsNotTakenForTheInspectors() {
        ProcessInstance request = startAt("Task_ScrutiniseDocuments");
        complete(task(request), withVariables("scrutinyOutcome", "accepted", "inquiryFinding", "supported",
                "inquiryRemarks", "Written by the clerk"));
        execute(job("Task_SubmitToSingleWindow", request));

        assertThat(request).isWaitingAt("Task_FieldInquiry").variables()
                .doesNotContainKeys("inquiryFinding", "inquiryRemarks");
        assertEquals(Map.of(), notesSeenBy.get("Task_FieldInquiry"));
    }

    @Test
    void aClosedVisitClosesTheRequest() {
        ProcessInstance request = start();

        complete(task(calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request)),
                withVariables("visitOutcome", "withdrawn"));

        assertThat(request).isEnded().hasPassed("EndEvent_RequestClosed").hasNotPassed("Task_RecordParticulars");
        assertEquals(List.of("CLOSED"), status.moves());
        assertEquals("closed", historicVariable(request, "visitResult"));
    }

    @Test
    void documentsReturnedByTheClerkSendTheMitanBackWithTheRemarks() {
        ProcessInstance request = startAt("Task_ScrutiniseDocuments");

        complete(task(request), withVariables("scrutinyOutcome", "returned",
                "scrutinyRemarks", "Ward declaration has no seal"));

        assertEquals(List.of("DOCUMENTS_RETURNED", "MITAN_ASSIGNED"), sms.templates());
        assertThat(request).isWaitingAt("CallActivity_DoorstepVisit").hasPassed("Task_NotifyDocumentsReturned");
        ProcessInstance visit = calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request);
        assertThat(visit).isWaitingAt("Task_VisitCitizen").variables()
                .containsEntry("scrutinyRemarks", "Ward declaration has no seal");
        complete(task(visit), withVariables("visitOutcome", "collected"));
        execute(job(visit));
        complete(task(request));

        assertThat(request).isWaitingAt("Task_ScrutiniseDocuments").variables().doesNotContainKey("scrutinyOutcome");
        assertEquals(List.of("UNDER_SCRUTINY", "UNDER_SCRUTINY"), status.moves());
        assertEquals("Ward declaration has no seal",
                notesSeenBy.get("Task_ScrutiniseDocuments").get("scrutinyRemarks"));
    }

    @Test
    void theTehsildarsRejectionIsSentWithTheReasonAndEndsTheRequest() {
        ProcessInstance request = startAt("Task_DecideApplication");

        complete(task(request), withVariables("decision", "rejected",
                "decisionReason", "The record shows another caste"));

        assertThat(request).isEnded()
                .hasPassed("Gateway_RequestRejected", "Task_NotifyRejection", "EndEvent_RequestRejected")
                .hasNotPassed("Task_IssueCertificate");
        assertEquals(List.of("REJECTED"), status.moves());
        assertEquals(List.of("REJECTED"), sms.templates());
    }

    @Test
    void aRefusalByTheSingleWindowIsSentToTheCitizenAndClosesTheRequestBeforeAnyInquiry() {
        singleWindow = SingleWindow.REFUSES;
        ProcessInstance request = startAt("Task_SubmitToSingleWindow");

        execute(job("Task_SubmitToSingleWindow", request));

        assertThat(request).isEnded()
                .hasPassed("BoundaryEvent_SingleWindowRejected", "Task_NotifyRejection", "EndEvent_RequestRejected")
                .hasNotPassed("Task_FieldInquiry", "Task_DecideApplication");
        assertEquals(List.of("CLOSED"), status.moves());
        assertEquals(List.of("REJECTED"), sms.templates());
        assertEquals("Applicant not resident in the state", historicVariable(request, "submissionRejection"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Task_SubmitToSingleWindow", "Task_IssueCertificate"})
    void anOutageIsRetriedEveryTenMinutesThenBecomesAnIncident(String activity) {
        singleWindow = SingleWindow.IS_DOWN;
        issuingFails = true;
        ProcessInstance request = startAt(activity);
        Job call = job(activity, request);
        assertEquals(3, call.getRetries());

        int attempts = 0;
        while (call.getRetries() > 0) {
            String id = call.getId();
            RuntimeException failure = assertThrows(RuntimeException.class, () -> managementService().executeJob(id));
            assertTrue(failure.getMessage().contains("503"), failure.getMessage());
            attempts++;
            call = job(activity, request);
            if (call.getRetries() > 0) {
                assertEquals(Date.from(NOW.plus(Duration.ofMinutes(10))), call.getDuedate());
            }
        }

        assertEquals(3, attempts);
        assertEquals(3, submissions + issues);
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(request.getId()).singleResult();
        assertEquals(activity, incident.getActivityId());
        assertThat(request).isWaitingAt(activity).isNotEnded();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Task_RecordParticulars, BoundaryEvent_RecordParticularsOverdue, Task_NotifyParticularsOverdue, 2, Record the caste particulars",
            "Task_ScrutiniseDocuments, BoundaryEvent_ScrutiniseDocumentsOverdue, Task_NotifyScrutinyOverdue, 5, Scrutinise the documents",
            "Task_FieldInquiry, BoundaryEvent_FieldInquiryOverdue, Task_NotifyInquiryOverdue, 5, Field inquiry by the Revenue Inspector (Patwari)",
            "Task_DecideApplication, BoundaryEvent_DecideApplicationOverdue, Task_NotifyDecisionOverdue, 5, Decide on the application"})
    void anOverdueTaskRemindsTheSupervisorAndStaysOpen(String taskId, String timerId, String reminderId, int days,
            String taskName) {
        ProcessInstance request = startAt(taskId);
        Task open = task(request);
        Job overdue = job(timerId, request);
        assertEquals(inDays(days), overdue.getDuedate());
        assertEquals(inDays(days), open.getDueDate());
        assertEquals(taskName, open.getName());

        execute(overdue);

        assertThat(request).isWaitingAt(taskId).hasPassed(reminderId);
        assertEquals(open.getId(), task(request).getId());
        assertEquals(List.of(new RecordingSms.Sent("TASK_OVERDUE", "supervisor", taskId, reminderId)), sms.sent());
    }

    @Test
    void whenTheThirtyDayLegalTimeLimitPassesTheSupervisorIsToldAndTheRequestGoesOn() {
        ProcessInstance request = startAt("Task_FieldInquiry");
        Job deadline = job("StartEvent_LegalDeadlinePassed", request);
        assertEquals(inDays(30), deadline.getDuedate());

        execute(deadline);

        assertThat(request).isWaitingAt("Task_FieldInquiry")
                .hasPassed("StartEvent_LegalDeadlinePassed", "Task_NotifyLegalDeadlinePassed",
                        "EndEvent_LegalDeadlineNotified");
        assertEquals(List.of(new RecordingSms.Sent("TASK_OVERDUE", "supervisor", OverdueSteps.WHOLE_SERVICE,
                "Task_NotifyLegalDeadlinePassed")), sms.sent());
        assertEquals(0, managementService().createJobQuery().activityId("StartEvent_LegalDeadlinePassed")
                .processInstanceId(request.getId()).count(), "the supervisor is told once");
        complete(task(request), withVariables("inquiryFinding", "supported"));
        assertThat(request).isWaitingAt("Task_DecideApplication");
    }

    @Test
    void variablesSubmittedWithTheFormsChooseNeitherTheRequestNorWhoInquiresOrDecides() {
        ProcessInstance request = start();
        ProcessInstance visit = calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request);
        complete(task(visit), withVariables("visitOutcome", "collected", "requestNumber", "RPR-2026-000999",
                "certificateType", "birth-certificate", "mitanUserId", "mitan.intruder"));
        execute(job(visit));
        assertThat(task(request)).isAssignedTo(MITAN);
        complete(task(request), withVariables("inquiryGroup", "mitan", "scrutinyGroup", "mitan"));

        Task scrutiny = task(request);
        assertEquals(List.of("clerk"), candidateGroups(scrutiny));
        complete(scrutiny, withVariables("scrutinyOutcome", "accepted", "inquiryGroup", "clerk",
                "authorityGroup", "clerk", "decision", "approved"));
        execute(job("Task_SubmitToSingleWindow", request));

        assertThat(request).isWaitingAt("Task_FieldInquiry");
        Task inquiry = task(request);
        assertEquals(List.of("revenue-inspector"), candidateGroups(inquiry));
        complete(inquiry, withVariables("inquiryFinding", "supported", "authorityGroup", "revenue-inspector",
                "decision", "approved"));

        assertThat(request).isWaitingAt("Task_DecideApplication").variables().doesNotContainKey("decision");
        Task decision = task(request);
        assertEquals(List.of("tehsildar"), candidateGroups(decision));
        assertEquals(List.of(REQUEST), steps.asked().stream().distinct().toList());
        complete(decision, withVariables("decision", "approved", "mitanUserId", "mitan.intruder"));
        execute(job("Task_IssueCertificate", request));
        assertThat(task(calledProcessInstance(ProcessKeys.HOME_DELIVERY, request))).isAssignedTo(MITAN);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(CASTE, REQUEST,
                Map.of(ProcessVariables.REQUEST_NUMBER, REQUEST));
    }

    /** A request as it stands after the doorstep visit, started right before the given step. */
    private ProcessInstance startAt(String activityId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestNumber", REQUEST);
        variables.put("certificateType", CASTE);
        variables.put("bodyCode", "RPR");
        variables.put("visitResult", "verified");
        mitans.assigned(REQUEST, MITAN);
        return runtimeService().createProcessInstanceByKey(CASTE)
                .businessKey(REQUEST)
                .setVariables(variables)
                .startBeforeActivity(activityId)
                .execute();
    }

}
