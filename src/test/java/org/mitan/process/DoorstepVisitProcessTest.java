package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mitan.process.ProcessTestSupport.NOW;
import static org.mitan.process.ProcessTestSupport.assertDeployedForm;
import static org.mitan.process.ProcessTestSupport.historicVariable;
import static org.mitan.process.ProcessTestSupport.inDays;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the shared doorstep visit, started on its own as a call activity would start it. */
@Deployment(resources = {"processes/doorstep-visit.bpmn", "forms/doorstep-visit.form", "forms/mitan-assignment.form",
        "processes/birth-certificate.dmn"})
class DoorstepVisitProcessTest extends EngineProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage(ProcessKeys.DOORSTEP_VISIT);

    static final String REQUEST = "KRB-2026-000042";
    static final String MITAN = "mitan.korba.1";

    RecordingSms sms = new RecordingSms();
    FakeMitans mitans = new FakeMitans(MITAN);
    /** Results the fake verification gives, one per run; verified when empty. */
    Deque<String> verificationProblems = new ArrayDeque<>();
    /** Whether the document store answers the fake verification. */
    boolean storeDown;
    int verifications;

    @BeforeEach
    void fakes() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("sendSms", sms);
        Mocks.register("assignMitan", mitans);
        Mocks.register("assignedMitan", mitans);
        FakeSteps steps = new FakeSteps();
        steps.request(REQUEST, ProcessKeys.BIRTH_CERTIFICATE);
        Mocks.register("steps", steps);
        Mocks.register("documentChecklistListener", (TaskListener) task ->
                task.setVariableLocal(ProcessVariables.DOCUMENT_CHECKLIST, "- [ ] Birth report (mandatory)"));
        Mocks.register("verifyDocuments", (JavaDelegate) execution -> {
            verifications++;
            if (storeDown) {
                throw new IllegalStateException("The document store answered 503");
            }
            String problems = verificationProblems.isEmpty() ? "" : verificationProblems.pop();
            execution.setVariable(ProcessVariables.DOCUMENTS_VERIFIED, problems.isEmpty());
            execution.setVariable(ProcessVariables.DOCUMENT_PROBLEMS, problems);
        });
    }

    @Test
    void assignsTheMitanTellsTheCitizenAndCountsTheFirstVisit() {
        ProcessInstance visit = start(Map.of());

        assertThat(visit).isWaitingAt("Task_VisitCitizen").hasPassed("Task_AssignMitan", "Task_NotifyMitanAssigned");
        assertThat(visit).variables()
                .containsEntry("visitAttempts", 1)
                .containsEntry("maxVisits", 3)
                .containsEntry("mitanUserId", MITAN);
        assertEquals(List.of("MITAN_ASSIGNED"), sms.templates());
        Task visitTask = task(visit);
        assertThat(visitTask).isAssignedTo(MITAN).hasDueDate(inDays(2));
        assertEquals("- [ ] Birth report (mandatory)",
                taskService().getVariableLocal(visitTask.getId(), ProcessVariables.DOCUMENT_CHECKLIST));
        assertDeployedForm(visitTask, "doorstep-visit");
    }

    @Test
    void theTypesTableNotTheCallerSaysHowManyVisitsAreMade() {
        ProcessInstance visit = start(Map.of("maxVisits", 5));

        assertThat(visit).variables().containsEntry("maxVisits", 3).containsEntry("visitAttempts", 1);
    }

    @Test
    void collectedAndVerifiedDocumentsEndTheVisitAsVerified() {
        ProcessInstance visit = start(Map.of());

        complete(task(visit), withVariables("visitOutcome", "collected"));

        assertThat(visit).isWaitingAt("Task_VerifyDocuments").hasNotPassed("Gateway_DocumentsVerified");
        assertEquals(0, verifications, "verification runs as a job, after the Mitan's form is saved");
        runVerification(visit);

        assertThat(visit).isEnded()
                .hasPassed("Task_VerifyDocuments", "Gateway_DocumentsVerified", "EndEvent_DocumentsVerified");
        assertEquals("verified", historicVariable(visit, "visitResult"));
    }

    @Test
    void verificationProblemsGoBackToTheMitanWithTheList() {
        verificationProblems.push("The birth report is missing");
        ProcessInstance visit = start(Map.of());

        complete(task(visit), withVariables("visitOutcome", "collected"));
        runVerification(visit);

        assertThat(visit).isWaitingAt("Task_VisitCitizen").hasPassed("Task_VerifyDocuments", "Gateway_DocumentsVerified")
                .hasNotPassed("EndEvent_DocumentsVerified");
        assertThat(visit).variables()
                .containsEntry("documentProblems", "The birth report is missing")
                .containsEntry("visitAttempts", 1)
                .doesNotContainKey("visitOutcome");
        assertThat(task(visit)).isAssignedTo(MITAN);
        assertEquals(List.of("MITAN_ASSIGNED"), sms.templates());

        complete(task(visit), withVariables("visitOutcome", "collected"));
        runVerification(visit);

        assertThat(visit).isEnded().hasPassed("EndEvent_DocumentsVerified");
    }

    @Test
    void aDocumentStoreOutageIsRetriedEveryTenMinutesThenBecomesAnIncidentWhileTheVisitStaysReported() {
        storeDown = true;
        ProcessInstance visit = start(Map.of());

        complete(task(visit), withVariables("visitOutcome", "collected"));

        assertThat(visit).isWaitingAt("Task_VerifyDocuments");
        assertEquals(0, taskService().createTaskQuery().processInstanceId(visit.getId()).count());
        Job verification = job("Task_VerifyDocuments", visit);
        assertEquals(3, verification.getRetries());
        for (int attempt = 1; attempt <= 3; attempt++) {
            String id = verification.getId();
            RuntimeException failure = assertThrows(RuntimeException.class, () -> managementService().executeJob(id));
            assertTrue(failure.getMessage().contains("503"), failure.getMessage());
            verification = job("Task_VerifyDocuments", visit);
            assertEquals(3 - attempt, verification.getRetries());
            if (attempt < 3) {
                assertEquals(Date.from(NOW.plus(Duration.ofMinutes(10))), verification.getDuedate());
            }
        }
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(visit.getId()).singleResult();
        assertEquals("Task_VerifyDocuments", incident.getActivityId());
        assertEquals(Incident.FAILED_JOB_HANDLER_TYPE, incident.getIncidentType());
        assertEquals("collected", historicVariable(visit, "visitOutcome"));

        storeDown = false;
        managementService().setJobRetries(verification.getId(), 1);
        runVerification(visit);

        assertThat(visit).isEnded().hasPassed("EndEvent_DocumentsVerified");
        assertEquals(4, verifications);
    }

    @Test
    void missingDocumentsSendGuidanceAndTheMitanComesBackNextDay() {
        ProcessInstance visit = start(Map.of());

        complete(task(visit), withVariables("visitOutcome", "documentsMissing", "visitRemarks", "No birth report yet"));

        assertThat(visit).isWaitingAt("Timer_Revisit").hasPassed("Task_SendGuidance");
        assertEquals(List.of("MITAN_ASSIGNED", "DOCUMENTS_MISSING"), sms.templates());
        Job revisit = job(visit);
        assertEquals(inDays(1), revisit.getDuedate());

        execute(revisit);

        assertThat(visit).isWaitingAt("Task_VisitCitizen");
        assertThat(visit).variables().containsEntry("visitAttempts", 2).doesNotContainKey("visitOutcome");
        assertThat(task(visit)).isAssignedTo(MITAN);

        complete(task(visit), withVariables("visitOutcome", "collected"));
        runVerification(visit);

        assertThat(visit).isEnded().hasPassed("EndEvent_DocumentsVerified");
    }

    @Test
    void aCitizenNotAtHomeIsToldAndVisitedAgain() {
        ProcessInstance visit = start(Map.of());

        complete(task(visit), withVariables("visitOutcome", "citizenNotHome"));

        assertThat(visit).isWaitingAt("Timer_Revisit").hasPassed("Task_NotifyVisitMissed").hasNotPassed("Task_SendGuidance");
        assertEquals(List.of("MITAN_ASSIGNED", "VISIT_MISSED"), sms.templates());

        execute(job(visit));

        assertThat(visit).isWaitingAt("Task_VisitCitizen");
        assertThat(visit).variables().containsEntry("visitAttempts", 2);
    }

    @Test
    void theRequestClosesWhenTheLastAllowedVisitFails() {
        ProcessInstance visit = start(Map.of());

        complete(task(visit), withVariables("visitOutcome", "documentsMissing"));
        execute(job(visit));
        complete(task(visit), withVariables("visitOutcome", "citizenNotHome"));
        execute(job(visit));
        assertThat(visit).variables().containsEntry("visitAttempts", 3);
        complete(task(visit), withVariables("visitOutcome", "documentsMissing"));

        assertThat(visit).isEnded().hasPassed("Gateway_VisitLimit", "Task_NotifyRequestClosed", "EndEvent_VisitsExhausted");
        assertEquals(List.of("MITAN_ASSIGNED", "DOCUMENTS_MISSING", "VISIT_MISSED", "DOCUMENTS_MISSING", "REQUEST_CLOSED"),
                sms.templates());
        assertEquals("closed", historicVariable(visit, "visitResult"));
    }

    @Test
    void aLimitReachedOnAVisitStartedMidwayClosesAtOnce() {
        mitans.assigned(REQUEST, MITAN);
        ProcessInstance visit = runtimeService().createProcessInstanceByKey(ProcessKeys.DOORSTEP_VISIT)
                .businessKey(REQUEST)
                .setVariables(visitVariables())
                .setVariable("visitAttempts", 2)
                .setVariable("maxVisits", 2)
                .startBeforeActivity("Task_VisitCitizen")
                .execute();

        complete(task(visit), withVariables("visitOutcome", "citizenNotHome"));

        assertThat(visit).isEnded().hasPassed("Task_NotifyVisitMissed", "EndEvent_VisitsExhausted");
        assertEquals(List.of("VISIT_MISSED", "REQUEST_CLOSED"), sms.templates());
    }

    @Test
    void aWithdrawnRequestEndsClosedWithoutFurtherMessages() {
        ProcessInstance visit = start(Map.of());

        complete(task(visit), withVariables("visitOutcome", "withdrawn"));

        assertThat(visit).isEnded().hasPassed("EndEvent_RequestWithdrawn").hasNotPassed("Task_VerifyDocuments");
        assertEquals(List.of("MITAN_ASSIGNED"), sms.templates());
        assertEquals("closed", historicVariable(visit, "visitResult"));
    }

    @Test
    void withoutAMitanTheSupervisorChoosesOneAndAssignmentRunsAgain() {
        mitans.failNext(1);
        ProcessInstance visit = start(Map.of());

        assertThat(visit).isWaitingAt("Task_AssignMitanManually").hasPassed("BoundaryEvent_NoMitanAvailable");
        Task manual = task(visit);
        assertThat(manual).hasCandidateGroup("supervisor").isNotAssigned().hasDueDate(inDays(2));
        assertThat(visit).variables().containsEntry("assignmentProblem", FakeMitans.NO_MITAN);
        assertDeployedForm(manual, "mitan-assignment");
        assertEquals(List.of(), sms.templates());

        complete(manual, withVariables("chosenMitanUserId", "mitan.korba.7"));

        assertThat(visit).isWaitingAt("Task_VisitCitizen");
        assertThat(task(visit)).isAssignedTo("mitan.korba.7");
        assertThat(visit).variables().doesNotContainKey("chosenMitanUserId");
        assertEquals(List.of("MITAN_ASSIGNED"), sms.templates());
    }

    @Test
    void anOverdueVisitRemindsTheSupervisorAndStaysOpen() {
        ProcessInstance visit = start(Map.of());
        Job overdue = job("BoundaryEvent_VisitCitizenOverdue", visit);
        assertEquals(inDays(2), overdue.getDuedate());

        execute(overdue);

        assertThat(visit).isWaitingAt("Task_VisitCitizen").hasPassed("Task_NotifyVisitOverdue", "EndEvent_VisitOverdueNotified");
        RecordingSms.Sent reminder = sms.sent().get(1);
        assertEquals(new RecordingSms.Sent("TASK_OVERDUE", "supervisor", "Task_VisitCitizen", "Task_NotifyVisitOverdue"),
                reminder);
    }

    @Test
    void anOverdueManualAssignmentRemindsTheSupervisorAndStaysOpen() {
        mitans.failNext(1);
        ProcessInstance visit = start(Map.of());

        execute(job("BoundaryEvent_AssignMitanManuallyOverdue", visit));

        assertThat(visit).isWaitingAt("Task_AssignMitanManually").hasPassed("EndEvent_AssignmentOverdueNotified");
        assertEquals(List.of(new RecordingSms.Sent("TASK_OVERDUE", "supervisor", "Task_AssignMitanManually",
                "Task_NotifyAssignmentOverdue")), sms.sent());
    }

    @Test
    void theVisitGoesToTheMitanOfTheRequestWhateverTheVariablesSay() {
        ProcessInstance visit = start(Map.of());

        complete(task(visit), withVariables("visitOutcome", "citizenNotHome", "mitanUserId", "mitan.intruder",
                "requestNumber", "KRB-2026-000999"));
        execute(job("Timer_Revisit", visit));

        assertThat(task(visit)).isAssignedTo(MITAN);
    }

    /** The asynchronous verification step, run as the job executor would. */
    private void runVerification(ProcessInstance visit) {
        assertThat(visit).isWaitingAt("Task_VerifyDocuments");
        execute(job("Task_VerifyDocuments", visit));
    }

    private ProcessInstance start(Map<String, Object> extra) {
        Map<String, Object> variables = visitVariables();
        variables.putAll(extra);
        return runtimeService().startProcessInstanceByKey(ProcessKeys.DOORSTEP_VISIT, REQUEST, variables);
    }

    private static Map<String, Object> visitVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestNumber", REQUEST);
        variables.put("certificateType", ProcessKeys.BIRTH_CERTIFICATE);
        variables.put("bodyCode", "KRB");
        return variables;
    }
}
