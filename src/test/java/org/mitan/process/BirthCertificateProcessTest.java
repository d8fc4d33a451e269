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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
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
 * Every path of the birth-certificate model with the real doorstep-visit and home-delivery models and the real
 * decision tables; only the Spring beans the models name are faked. The lookups that choose candidate groups and
 * assignees are faked by the business key, as the real ones read the request row, so variables a task worker
 * submits cannot change who gets a task.
 */
@Deployment(resources = {
        "processes/birth-certificate.bpmn", "processes/doorstep-visit.bpmn", "processes/home-delivery.bpmn",
        "processes/birth-certificate.dmn",
        "forms/request-registration.form", "forms/doorstep-visit.form", "forms/birth-certificate-particulars.form",
        "forms/document-scrutiny.form", "forms/authority-decision.form", "forms/mitan-assignment.form",
        "forms/certificate-delivery.form"})
class BirthCertificateProcessTest extends EngineProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage(ProcessKeys.BIRTH_CERTIFICATE);

    static final String REQUEST = "RPR-2026-000123";
    static final String MITAN = "mitan.raipur.1";

    /** What the fake single-window system does with a submission. */
    enum SingleWindow { ACCEPTS, REFUSES, IS_DOWN }

    RecordingSms sms = new RecordingSms();
    RecordingStatus status = new RecordingStatus();
    FakeHomeDelivery homeDelivery = new FakeHomeDelivery();
    FakeSteps steps = new FakeSteps();
    FakeMitans mitans = new FakeMitans(MITAN);
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
        steps.request(REQUEST, ProcessKeys.BIRTH_CERTIFICATE);
        Mocks.register("steps", steps);
        Mocks.register("assignMitan", mitans);
        Mocks.register("assignedMitan", mitans);
        Mocks.register("registerRequest", (JavaDelegate) execution -> {
            execution.setVariable(ProcessVariables.CERTIFICATE_TYPE, ProcessKeys.BIRTH_CERTIFICATE);
            execution.setVariable(ProcessVariables.BODY_CODE, "RPR");
        });
        Mocks.register("documentChecklistListener", (TaskListener) task ->
                task.setVariableLocal(ProcessVariables.DOCUMENT_CHECKLIST, "- [x] Birth report"));
        Mocks.register("verifyDocuments", (JavaDelegate) execution -> {
            execution.setVariable(ProcessVariables.DOCUMENTS_VERIFIED, true);
            execution.setVariable(ProcessVariables.DOCUMENT_PROBLEMS, "");
        });
        Mocks.register("captureParticulars", (TaskListener) task -> {
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                task.setVariableLocal("particular_childName", "Aarav");
            } else {
                task.getVariableNames().stream().filter(name -> name.startsWith(ProcessVariables.PARTICULAR_PREFIX))
                        .forEach(name -> {
                            task.removeVariableLocal(name);
                            task.getExecution().removeVariable(name);
                        });
            }
        });
        Mocks.register("requestSummaryListener", (TaskListener) task ->
                task.setVariableLocal(ProcessVariables.REQUEST_SUMMARY, "**" + REQUEST + "**"));
        Mocks.register("submitToSingleWindow", (JavaDelegate) execution -> {
            submissions++;
            switch (singleWindow) {
                case ACCEPTS -> execution.setVariable(ProcessVariables.SUBMISSION_REFERENCE, "SW-77");
                case REFUSES -> {
                    execution.setVariable(ProcessVariables.SUBMISSION_REJECTION, "Hospital not registered");
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
            execution.setVariable(ProcessVariables.CERTIFICATE_NUMBER, "RPR/B/2026/000001");
        });
    }

    @Test
    void theCallCentreStartsItFromTheRegistrationFormAndTheSharedModelsCannotBeStarted() {
        ProcessDefinition birth = definition(ProcessKeys.BIRTH_CERTIFICATE);
        CamundaFormRef startForm = formService().getStartFormData(birth.getId()).getCamundaFormRef();
        assertEquals("request-registration", startForm.getKey());
        assertEquals("latest", startForm.getBinding());
        assertTrue(read(formService().getDeployedStartForm(birth.getId())).contains("\"id\": \"request-registration\""));
        List<IdentityLink> starters = repositoryService().getIdentityLinksForProcessDefinition(birth.getId());
        assertEquals(List.of("call-centre"), starters.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList());
        assertTrue(birth.isStartableInTasklist());
        for (String key : List.of(ProcessKeys.BIRTH_CERTIFICATE, ProcessKeys.DOORSTEP_VISIT, ProcessKeys.HOME_DELIVERY)) {
            ProcessDefinition definition = definition(key);
            assertEquals("2.0.0", definition.getVersionTag(), key);
            assertEquals(3650, definition.getHistoryTimeToLive(), key);
        }
        assertFalse(definition(ProcessKeys.DOORSTEP_VISIT).isStartableInTasklist());
        assertFalse(definition(ProcessKeys.HOME_DELIVERY).isStartableInTasklist());
    }

    @Test
    void theTypesTablesAreAskedNotCopiedIntoVariablesAndTheVisitGetsWhatItNeeds() {
        ProcessInstance request = start();

        assertThat(request).isWaitingAt("CallActivity_DoorstepVisit").hasPassed("Task_RegisterRequest");
        assertThat(request).variables()
                .doesNotContainKeys("decisionResult", "scrutinyGroup", "authorityGroup", "officerDueDays",
                        "mitanDueDays", "legalDueDays");
        ProcessInstance visit = calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request);
        assertEquals(REQUEST, visit.getBusinessKey());
        assertThat(visit).isWaitingAt("Task_VisitCitizen").variables()
                .containsEntry("requestNumber", REQUEST)
                .containsEntry("certificateType", ProcessKeys.BIRTH_CERTIFICATE)
                .containsEntry("bodyCode", "RPR")
                .containsEntry("maxVisits", 3)
                .containsEntry("visitAttempts", 1);
        assertThat(task(visit)).isAssignedTo(MITAN);
    }

    @Test
    void aRequestGoesFromTheCallCentreToTheCitizensDoor() {
        ProcessInstance request = start();
        ProcessInstance visit = calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request);
        complete(task(visit), withVariables("visitOutcome", "collected", "visitRemarks", "All originals seen"));
        assertThat(visit).isWaitingAt("Task_VerifyDocuments");
        execute(job(visit));

        assertThat(request).isWaitingAt("Task_RecordParticulars").hasPassed("CallActivity_DoorstepVisit");
        assertThat(request).variables().containsEntry("mitanUserId", MITAN).containsEntry("visitResult", "verified")
                .containsEntry("visitRemarks", "All originals seen");
        Task particulars = task(request);
        assertThat(particulars).isAssignedTo(MITAN).hasDueDate(inDays(2));
        assertEquals("Aarav", taskService().getVariableLocal(particulars.getId(), "particular_childName"));
        assertDeployedForm(particulars, "birth-certificate-particulars");
        complete(particulars, withVariables("particular_childName", "Aarav", "particular_sex", "Male"));

        assertThat(request).isWaitingAt("Task_ScrutiniseDocuments");
        Task scrutiny = task(request);
        assertThat(scrutiny).hasCandidateGroup("clerk").isNotAssigned().hasDueDate(inDays(2));
        assertEquals("**" + REQUEST + "**", taskService().getVariableLocal(scrutiny.getId(), "requestSummary"));
        assertDeployedForm(scrutiny, "document-scrutiny");
        assertEquals(List.of("UNDER_SCRUTINY"), status.moves());
        complete(scrutiny, withVariables("scrutinyOutcome", "accepted"));

        assertThat(request).isWaitingAt("Task_SubmitToSingleWindow");
        assertEquals(0, submissions);
        execute(job("Task_SubmitToSingleWindow", request));

        assertThat(request).isWaitingAt("Task_DecideApplication");
        Task decision = task(request);
        assertThat(decision).hasCandidateGroup("registrar").isNotAssigned().hasDueDate(inDays(2));
        assertDeployedForm(decision, "authority-decision");
        complete(decision, withVariables("decision", "approved"));

        assertEquals(List.of("UNDER_SCRUTINY", "APPROVED"), status.moves());
        assertThat(request).isWaitingAt("Task_IssueCertificate");
        execute(job("Task_IssueCertificate", request));

        assertThat(request).isWaitingAt("CallActivity_HomeDelivery");
        ProcessInstance delivery = calledProcessInstance(ProcessKeys.HOME_DELIVERY, request);
        assertEquals(REQUEST, delivery.getBusinessKey());
        assertThat(delivery).variables().containsEntry("requestNumber", REQUEST).containsEntry("bodyCode", "RPR")
                .doesNotContainKey("mitanUserId");
        assertThat(task(delivery)).isAssignedTo(MITAN);
        complete(task(delivery), withVariables("deliveryOtp", FakeHomeDelivery.RIGHT_OTP));

        assertThat(request).isEnded().hasPassed("CallActivity_HomeDelivery", "EndEvent_CertificateDelivered")
                .hasNotPassed("EndEvent_RequestRejected", "EndEvent_RequestClosed");
        assertEquals(1, submissions);
        assertEquals(1, issues);
        assertEquals(1, homeDelivery.arranged());
        assertEquals(List.of("MITAN_ASSIGNED", "FEEDBACK_REQUEST"), sms.templates());
        assertEquals(List.of("UNDER_SCRUTINY", "APPROVED"), status.moves());
        assertEquals(0, managementService().createJobQuery().processInstanceId(request.getId()).count(),
                "the legal deadline timer ends with the request");
    }

    @Test
    void aClosedVisitClosesTheRequest() {
        ProcessInstance request = start();

        complete(task(calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request)), withVariables("visitOutcome", "withdrawn"));

        assertThat(request).isEnded().hasPassed("EndEvent_RequestClosed").hasNotPassed("Task_RecordParticulars");
        assertEquals(List.of("CLOSED"), status.moves());
        assertEquals("closed", historicVariable(request, "visitResult"));
    }

    @Test
    void documentsReturnedByTheClerkSendTheMitanBackWithTheRemarks() {
        ProcessInstance request = startAt("Task_ScrutiniseDocuments");
        assertEquals(List.of("UNDER_SCRUTINY"), status.moves());

        complete(task(request), withVariables("scrutinyOutcome", "returned", "scrutinyRemarks", "Birth report unreadable"));

        assertEquals(List.of("DOCUMENTS_RETURNED", "MITAN_ASSIGNED"), sms.templates());
        assertThat(request).isWaitingAt("CallActivity_DoorstepVisit").hasPassed("Task_NotifyDocumentsReturned");
        ProcessInstance visit = calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request);
        assertThat(visit).isWaitingAt("Task_VisitCitizen").variables()
                .containsEntry("scrutinyRemarks", "Birth report unreadable").containsEntry("visitAttempts", 1);
        complete(task(visit), withVariables("visitOutcome", "collected"));
        execute(job(visit));
        complete(task(request));

        assertThat(request).isWaitingAt("Task_ScrutiniseDocuments").variables().doesNotContainKey("scrutinyOutcome");
        assertEquals(List.of("UNDER_SCRUTINY", "UNDER_SCRUTINY"), status.moves());
    }

    @Test
    void theRegistrarsRejectionIsSentWithTheReasonAndEndsTheRequest() {
        ProcessInstance request = startAt("Task_DecideApplication");

        complete(task(request), withVariables("decision", "rejected", "decisionReason", "Born outside Raipur"));

        assertThat(request).isEnded().hasPassed("Gateway_RequestRejected", "Task_NotifyRejection", "EndEvent_RequestRejected")
                .hasNotPassed("Task_IssueCertificate");
        assertEquals(List.of("REJECTED"), status.moves());
        assertEquals(List.of("REJECTED"), sms.templates());
    }

    @Test
    void aRefusalByTheSingleWindowIsSentToTheCitizenAndClosesTheRequest() {
        singleWindow = SingleWindow.REFUSES;
        ProcessInstance request = startAt("Task_SubmitToSingleWindow");

        execute(job("Task_SubmitToSingleWindow", request));

        assertThat(request).isEnded()
                .hasPassed("BoundaryEvent_SingleWindowRejected", "Task_NotifyRejection", "EndEvent_RequestRejected")
                .hasNotPassed("Task_DecideApplication");
        assertEquals(List.of("CLOSED"), status.moves());
        assertEquals(List.of("REJECTED"), sms.templates());
        assertEquals("Hospital not registered", historicVariable(request, "submissionRejection"));
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
        assertEquals(Incident.FAILED_JOB_HANDLER_TYPE, incident.getIncidentType());
        assertThat(request).isWaitingAt(activity).isNotEnded();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Task_RecordParticulars, BoundaryEvent_RecordParticularsOverdue, Task_NotifyParticularsOverdue, Record the birth particulars",
            "Task_ScrutiniseDocuments, BoundaryEvent_ScrutiniseDocumentsOverdue, Task_NotifyScrutinyOverdue, Scrutinise the documents",
            "Task_DecideApplication, BoundaryEvent_DecideApplicationOverdue, Task_NotifyDecisionOverdue, Decide on the application"})
    void anOverdueTaskRemindsTheSupervisorAndStaysOpen(String taskId, String timerId, String reminderId, String taskName) {
        ProcessInstance request = startAt(taskId);
        Task open = task(request);
        Job overdue = job(timerId, request);
        assertEquals(inDays(2), overdue.getDuedate());
        assertEquals(inDays(2), open.getDueDate());

        execute(overdue);

        assertThat(request).isWaitingAt(taskId).hasPassed(reminderId);
        assertEquals(open.getId(), task(request).getId());
        assertEquals(taskName, open.getName());
        assertEquals(List.of(new RecordingSms.Sent("TASK_OVERDUE", "supervisor", taskId, reminderId)), sms.sent());
    }

    @Test
    void whenTheLegalTimeLimitPassesTheSupervisorIsToldAndTheRequestGoesOn() {
        ProcessInstance request = start();
        Job deadline = job("StartEvent_LegalDeadlinePassed", request);
        assertEquals(inDays(7), deadline.getDuedate());

        execute(deadline);

        assertThat(request).isWaitingAt("CallActivity_DoorstepVisit")
                .hasPassed("StartEvent_LegalDeadlinePassed", "Task_NotifyLegalDeadlinePassed",
                        "EndEvent_LegalDeadlineNotified");
        assertEquals(new RecordingSms.Sent("TASK_OVERDUE", "supervisor", OverdueSteps.WHOLE_SERVICE,
                "Task_NotifyLegalDeadlinePassed"), sms.sent().get(sms.sent().size() - 1));
        assertEquals(0, managementService().createJobQuery().activityId("StartEvent_LegalDeadlinePassed")
                .processInstanceId(request.getId()).count(), "the supervisor is told once");
        complete(task(calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request)),
                withVariables("visitOutcome", "withdrawn"));
        assertThat(request).isEnded().hasPassed("EndEvent_RequestClosed");
    }

    @Test
    void variablesSubmittedWithTheFormsChooseNeitherTheRequestNorWhoWorksOnIt() {
        ProcessInstance request = start();
        ProcessInstance visit = calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request);

        complete(task(visit), withVariables("visitOutcome", "collected", "requestNumber", "RPR-2026-000999",
                "certificateType", "some-type-with-fewer-papers", "mitanUserId", "mitan.intruder"));
        execute(job(visit));
        assertThat(task(request)).isAssignedTo(MITAN);
        complete(task(request), withVariables("scrutinyGroup", "mitan", "authorityGroup", "clerk",
                "requestNumber", "RPR-2026-000999"));
        Task scrutiny = task(request);
        assertThat(scrutiny).hasCandidateGroup("clerk");
        assertEquals(List.of("clerk"), candidateGroups(scrutiny));
        complete(scrutiny, withVariables("scrutinyOutcome", "accepted", "authorityGroup", "clerk",
                "decision", "approved"));
        execute(job("Task_SubmitToSingleWindow", request));

        assertThat(request).isWaitingAt("Task_DecideApplication").variables().doesNotContainKey("decision");
        Task decision = task(request);
        assertThat(decision).hasCandidateGroup("registrar");
        assertEquals(List.of("registrar"), candidateGroups(decision));
        assertEquals(List.of(REQUEST), steps.asked().stream().distinct().toList());
        complete(decision, withVariables("decision", "approved", "mitanUserId", "mitan.intruder"));
        execute(job("Task_IssueCertificate", request));
        assertThat(task(calledProcessInstance(ProcessKeys.HOME_DELIVERY, request))).isAssignedTo(MITAN);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(ProcessKeys.BIRTH_CERTIFICATE, REQUEST,
                Map.of(ProcessVariables.REQUEST_NUMBER, REQUEST));
    }

    /** A request as it stands after the doorstep visit, started right before the given step. */
    private ProcessInstance startAt(String activityId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestNumber", REQUEST);
        variables.put("certificateType", ProcessKeys.BIRTH_CERTIFICATE);
        variables.put("bodyCode", "RPR");
        variables.put("visitResult", "verified");
        mitans.assigned(REQUEST, MITAN);
        return runtimeService().createProcessInstanceByKey(ProcessKeys.BIRTH_CERTIFICATE)
                .businessKey(REQUEST)
                .setVariables(variables)
                .startBeforeActivity(activityId)
                .execute();
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
