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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
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
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.catalogue.CertificateType;

/**
 * What every certificate type does, run for each type on its own model, its own tables and the real shared models
 * (doorstep visit, document scrutiny and filing, the competent authority's decision, home delivery); only the Spring
 * beans the models name are faked. A type's class says which type it is, which particulars it records and how its
 * own officer steps between scrutiny and decision are worked (none for most types); every other expectation (who
 * works each step, days, the legal time limit) is read from the type's tables, so a new type needs no new test here.
 * The lookups that choose candidate groups and assignees are faked by the business key, as the real ones read the
 * request row, so variables a task worker submits cannot change who gets a task.
 */
abstract class CertificateTypeContract extends EngineProcessTest {

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
    FakeRegistrationDelay delay = new FakeRegistrationDelay();
    FakePayments payments = new FakePayments();
    boolean issuingFails;
    int submissions;
    int issues;

    /** The process key of the type. */
    abstract String key();

    /** Particulars the Mitan records, one of them naming the holder. */
    abstract Map<String, Object> particulars();

    /** Works the type's own officer steps between scrutiny and decision, if it has any, to a positive end. */
    void ownStepsBeforeTheDecision(ProcessInstance request) {
        // most types have none
    }

    /** The type's DMN file, deployed with the model. */
    Path tablesFile() {
        return Path.of("processes", key() + ".dmn");
    }

    /** The type's tables, as deployed with the model. */
    CertificateType type() {
        return ProcessTestSupport.typeTables(tablesFile(), key());
    }

    String roleOf(String taskId) {
        return type().step(taskId).orElseThrow().role();
    }

    @BeforeEach
    void fakes() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        SharedStepFakes.register(REQUEST, key(), sms, status, homeDelivery, steps, mitans);
        Mocks.register("captureParticulars", (TaskListener) task -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                task.getVariableNames().stream().filter(name -> name.startsWith(ProcessVariables.PARTICULAR_PREFIX))
                        .forEach(name -> {
                            task.removeVariableLocal(name);
                            task.getExecution().removeVariable(name);
                        });
            }
        });
        // Types with a "Work out the registration delay" step: registered in time unless a test says otherwise.
        Mocks.register("registrationDelay", delay);
        // Types with the shared step "Payment before the decision": the gateway takes every order.
        Mocks.register("requestPayment", payments);
        Mocks.register("paymentNotice", payments);
        Mocks.register("requestSummaryListener", (TaskListener) task ->
                task.setVariableLocal(ProcessVariables.REQUEST_SUMMARY, "**" + REQUEST + "**"));
        Mocks.register("submitToSingleWindow", (JavaDelegate) execution -> {
            submissions++;
            switch (singleWindow) {
                case ACCEPTS -> execution.setVariable(ProcessVariables.SUBMISSION_REFERENCE, "SW-77");
                case REFUSES -> {
                    execution.setVariable(ProcessVariables.SUBMISSION_REJECTION, "Office not registered");
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
            execution.setVariable(ProcessVariables.CERTIFICATE_NUMBER, "RPR/X/2026/000001");
        });
    }

    @Test
    void theCallCentreStartsItFromTheSharedRegistrationFormAndNoSharedStepCanBeStarted() throws IOException {
        ProcessDefinition definition = definition(key());
        CamundaFormRef startForm = formService().getStartFormData(definition.getId()).getCamundaFormRef();
        assertEquals("request-registration", startForm.getKey());
        assertEquals("latest", startForm.getBinding());
        try (InputStream form = formService().getDeployedStartForm(definition.getId())) {
            assertTrue(new String(form.readAllBytes()).contains("\"id\": \"request-registration\""));
        }
        List<IdentityLink> starters = repositoryService().getIdentityLinksForProcessDefinition(definition.getId());
        assertEquals(List.of("call-centre"), starters.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId)
                .toList());
        assertTrue(definition.isStartableInTasklist());
        assertEquals(ProcessTestSupport.nameInTasklist(type()), definition.getName());
        assertEquals(3650, definition.getHistoryTimeToLive());
        for (String shared : List.of(ProcessKeys.DOORSTEP_VISIT, "document-scrutiny", "authority-decision",
                ProcessKeys.HOME_DELIVERY)) {
            assertFalse(definition(shared).isStartableInTasklist(), shared);
        }
    }

    @Test
    void theCallIsAnsweredOnceTheRequestIsRegisteredAndTheVisitIsArrangedAfterIt() {
        ProcessInstance request = registered();
        assertThat(request).hasPassed("Task_RegisterRequest").variables()
                .containsEntry(ProcessVariables.CERTIFICATE_TYPE, key());
        assertEquals(0, runtimeService().createProcessInstanceQuery().superProcessInstanceId(request.getId()).count());
        assertEquals(List.of(), sms.templates());

        execute(job("Task_RegisterRequest", request));
        assertThat(request).isWaitingAt("CallActivity_DoorstepVisit");
        assertEquals(List.of("MITAN_ASSIGNED"), sms.templates());
    }

    @Test
    void aFailureAfterTheSavePointIsRetriedEveryMinuteThenBecomesAnIncidentAndTheRequestStaysRegistered() {
        Mocks.register("assignMitan", (JavaDelegate) execution -> {
            throw new IllegalStateException("Database unavailable");
        });
        ProcessInstance request = registered();

        assertEquals(5, failUntilIncident("Task_RegisterRequest", request, "Database unavailable",
                Duration.ofMinutes(1)));
        assertThat(request).hasPassed("Task_RegisterRequest").isNotEnded();
    }

    @Test
    void aRequestGoesFromTheCallCentreToTheCitizensDoorWithEachStepWorkedByItsRole() {
        ProcessInstance request = start();
        assertThat(request).isWaitingAt("CallActivity_DoorstepVisit").hasPassed("Task_RegisterRequest");
        assertThat(request).variables().doesNotContainKeys("officerDueDays", "mitanDueDays", "legalDueDays");
        ProcessInstance visit = calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request);
        assertEquals(REQUEST, visit.getBusinessKey());
        assertThat(visit).variables().containsEntry("maxVisits", type().maxVisits());
        complete(task(visit), withVariables("visitOutcome", "collected", "visitRemarks", "All originals seen"));
        execute(job(visit));

        assertThat(request).isWaitingAt("Task_RecordParticulars").variables().containsEntry("mitanUserId", MITAN)
                .containsEntry("visitResult", "verified");
        Task particulars = task(request);
        assertThat(particulars).isAssignedTo(MITAN)
                .hasDueDate(inDays(type().step("Task_RecordParticulars").orElseThrow().dueDays()));
        assertDeployedForm(particulars, key() + "-particulars");
        complete(particulars, particulars());

        ProcessInstance scrutiny = calledProcessInstance("document-scrutiny", request);
        assertEquals(REQUEST, scrutiny.getBusinessKey());
        Task scrutinyTask = task(scrutiny);
        assertEquals(List.of(roleOf("Task_ScrutiniseDocuments")), candidateGroups(scrutinyTask));
        assertThat(scrutinyTask).isNotAssigned()
                .hasDueDate(inDays(type().step("Task_ScrutiniseDocuments").orElseThrow().dueDays()));
        assertEquals("**" + REQUEST + "**", taskService().getVariableLocal(scrutinyTask.getId(), "requestSummary"));
        assertDeployedForm(scrutinyTask, "document-scrutiny");
        complete(scrutinyTask, withVariables("scrutinyOutcome", "accepted"));
        execute(job("Task_SubmitToSingleWindow", scrutiny));
        assertEquals(1, submissions);
        assertThat(request).variables().containsEntry("submissionReference", "SW-77");

        ownStepsBeforeTheDecision(request);

        ProcessInstance authority = calledProcessInstance("authority-decision", request);
        Task decision = task(authority);
        assertEquals(List.of(roleOf("Task_DecideApplication")), candidateGroups(decision));
        assertThat(decision).isNotAssigned()
                .hasDueDate(inDays(type().step("Task_DecideApplication").orElseThrow().dueDays()));
        assertDeployedForm(decision, "authority-decision");
        complete(decision, withVariables("decision", "approved"));

        assertEquals(List.of("UNDER_SCRUTINY", "APPROVED"), status.moves());
        assertThat(request).isWaitingAt("Task_IssueCertificate");
        execute(job("Task_IssueCertificate", request));
        ProcessInstance delivery = calledProcessInstance(ProcessKeys.HOME_DELIVERY, request);
        assertThat(task(delivery)).isAssignedTo(MITAN);
        complete(task(delivery), withVariables("deliveryOtp", FakeHomeDelivery.RIGHT_OTP));

        assertThat(request).isEnded().hasPassed("EndEvent_CertificateDelivered")
                .hasNotPassed("EndEvent_RequestRejected", "EndEvent_RequestClosed", "EndEvent_RequestRefused");
        assertEquals(1, issues);
        assertEquals(1, homeDelivery.arranged());
        assertEquals(List.of("MITAN_ASSIGNED", "FEEDBACK_REQUEST"), sms.templates());
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
        ProcessInstance request = startAt("CallActivity_DocumentScrutiny");
        ProcessInstance scrutiny = calledProcessInstance("document-scrutiny", request);

        complete(task(scrutiny), withVariables("scrutinyOutcome", "returned", "scrutinyRemarks", "Unreadable"));

        assertEquals(List.of("DOCUMENTS_RETURNED", "MITAN_ASSIGNED"), sms.templates());
        assertThat(request).isWaitingAt("CallActivity_DoorstepVisit").hasPassed("Gateway_VisitNeeded");
        ProcessInstance visit = calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request);
        assertThat(visit).isWaitingAt("Task_VisitCitizen").variables().containsEntry("scrutinyRemarks", "Unreadable");
        complete(task(visit), withVariables("visitOutcome", "collected"));
        execute(job(visit));
        complete(task(request), particulars());

        assertThat(calledProcessInstance("document-scrutiny", request)).isWaitingAt("Task_ScrutiniseDocuments")
                .variables().doesNotContainKey("scrutinyOutcome");
        assertEquals(List.of("UNDER_SCRUTINY", "UNDER_SCRUTINY"), status.moves());
    }

    @Test
    void aRefusalByTheSingleWindowIsSentToTheCitizenAndClosesTheRequest() {
        singleWindow = SingleWindow.REFUSES;
        ProcessInstance request = startAt("CallActivity_DocumentScrutiny");
        ProcessInstance scrutiny = calledProcessInstance("document-scrutiny", request);
        complete(task(scrutiny), withVariables("scrutinyOutcome", "accepted"));

        execute(job("Task_SubmitToSingleWindow", scrutiny));

        assertThat(request).isEnded().hasPassed("EndEvent_RequestRefused")
                .hasNotPassed("CallActivity_AuthorityDecision");
        assertEquals(List.of("UNDER_SCRUTINY", "CLOSED"), status.moves());
        assertEquals(List.of("REJECTED"), sms.templates());
        assertEquals("Office not registered", historicVariable(scrutiny, "submissionRejection"));
    }

    @Test
    void theAuthoritysRejectionIsSentWithTheReasonAndEndsTheRequest() {
        ProcessInstance request = startAt("CallActivity_AuthorityDecision");

        complete(task(calledProcessInstance("authority-decision", request)),
                withVariables("decision", "rejected", "decisionReason", "Not within the body"));

        assertThat(request).isEnded().hasPassed("EndEvent_RequestRejected").hasNotPassed("Task_IssueCertificate");
        assertEquals(List.of("REJECTED"), status.moves());
        assertEquals(List.of("REJECTED"), sms.templates());
        assertEquals("Not within the body", historicVariable(request, "decisionReason"));
    }

    @Test
    void anOutageWhenIssuingIsRetriedEveryTenMinutesThenBecomesAnIncident() {
        issuingFails = true;
        ProcessInstance request = startAt("Task_IssueCertificate");
        assertEquals(3, job("Task_IssueCertificate", request).getRetries());

        assertEquals(3, failUntilIncident("Task_IssueCertificate", request, "503", Duration.ofMinutes(10)));
        assertEquals(3, issues);
        assertThat(request).isWaitingAt("Task_IssueCertificate").isNotEnded();
    }

    /**
     * Runs the step's job until its retries are used up, each run failing with the message and due again after the
     * pause; the step is then an incident. Gives the number of runs.
     */
    private int failUntilIncident(String activityId, ProcessInstance request, String message, Duration pause) {
        Job job = job(activityId, request);
        int runs = 0;
        while (job.getRetries() > 0) {
            String id = job.getId();
            RuntimeException failure = assertThrows(RuntimeException.class, () -> managementService().executeJob(id));
            assertTrue(failure.getMessage().contains(message), failure.getMessage());
            runs++;
            job = job(activityId, request);
            if (job.getRetries() > 0) {
                assertEquals(Date.from(NOW.plus(pause)), job.getDuedate());
            }
        }
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(request.getId()).singleResult();
        assertEquals(activityId, incident.getActivityId());
        return runs;
    }

    /** Each of the type's own steps with an "overdue" timer (the particulars, an inquiry...), one after the other. */
    @Test
    void anOverdueStepOfTheTypesOwnRemindsTheSupervisorNamingTheStepAndStaysOpen() {
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition(key()).getId());
        List<BoundaryEvent> timers = model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(event -> event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance))
                .toList();
        assertFalse(timers.isEmpty(), "the particulars at least have an overdue timer");
        for (BoundaryEvent timer : timers) {
            String step = timer.getAttachedTo().getId();
            ProcessInstance request = startAt(step);
            int days = type().step(step).orElseThrow().dueDays();
            Job overdue = job(timer.getId(), request);
            assertEquals(inDays(days), overdue.getDuedate(), step);
            sms.sent().clear();

            execute(overdue);

            assertThat(request).isWaitingAt(step);
            String reminder = timer.getOutgoing().iterator().next().getTarget().getId();
            assertEquals(List.of(new RecordingSms.Sent("TASK_OVERDUE", "supervisor", step, reminder)), sms.sent(),
                    step);
            runtimeService().deleteProcessInstance(request.getId(), "next step");
        }
    }

    @Test
    void whenTheLegalTimeLimitPassesTheSupervisorIsToldOnceAndTheRequestGoesOn() {
        ProcessInstance request = start();
        Job deadline = job("StartEvent_LegalDeadlinePassed", request);
        assertEquals(inDays(type().legalDueDays()), deadline.getDuedate());

        execute(deadline);

        assertThat(request).isWaitingAt("CallActivity_DoorstepVisit").hasPassed("Task_NotifyLegalDeadlinePassed",
                "EndEvent_LegalDeadlineNotified");
        assertEquals(new RecordingSms.Sent("TASK_OVERDUE", "supervisor", OverdueSteps.WHOLE_SERVICE,
                "Task_NotifyLegalDeadlinePassed"), sms.sent().get(sms.sent().size() - 1));
        assertEquals(0, managementService().createJobQuery().activityId("StartEvent_LegalDeadlinePassed")
                .processInstanceId(request.getId()).count());
    }

    @Test
    void variablesSubmittedWithTheFormsChooseNeitherTheRequestNorWhoWorksOnIt() {
        ProcessInstance request = start();
        ProcessInstance visit = calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request);
        complete(task(visit), withVariables("visitOutcome", "collected", "requestNumber", "RPR-2026-000999",
                "certificateType", "some-type-with-fewer-papers", "mitanUserId", "mitan.intruder"));
        execute(job(visit));
        assertThat(task(request)).isAssignedTo(MITAN);
        complete(task(request), withVariables("scrutinyGroup", "mitan", "requestNumber", "RPR-2026-000999"));
        ProcessInstance scrutiny = calledProcessInstance("document-scrutiny", request);
        assertEquals(List.of(roleOf("Task_ScrutiniseDocuments")), candidateGroups(task(scrutiny)));
        complete(task(scrutiny), withVariables("scrutinyOutcome", "accepted", "decision", "approved"));
        execute(job("Task_SubmitToSingleWindow", scrutiny));
        ownStepsBeforeTheDecision(request);

        ProcessInstance authority = calledProcessInstance("authority-decision", request);
        assertThat(authority).isWaitingAt("Task_DecideApplication").variables().doesNotContainKey("decision");
        assertEquals(List.of(roleOf("Task_DecideApplication")), candidateGroups(task(authority)));
        assertEquals(List.of(REQUEST), steps.asked().stream().distinct().toList());
        complete(task(authority), withVariables("decision", "approved", "mitanUserId", "mitan.intruder"));
        execute(job("Task_IssueCertificate", request));
        assertThat(task(calledProcessInstance(ProcessKeys.HOME_DELIVERY, request))).isAssignedTo(MITAN);
    }

    /** A request registered, gone on from the registration's save point (the job executor's work). */
    ProcessInstance start() {
        ProcessInstance request = registered();
        execute(job("Task_RegisterRequest", request));
        return request;
    }

    /** A request as the call centre's answer leaves it: registered, waiting at the save point. */
    ProcessInstance registered() {
        return runtimeService().startProcessInstanceByKey(key(), REQUEST,
                Map.of(ProcessVariables.REQUEST_NUMBER, REQUEST));
    }

    /** A request as it stands after the doorstep visit, started right before the given step. */
    ProcessInstance startAt(String activityId) {
        mitans.assigned(REQUEST, MITAN);
        return runtimeService().createProcessInstanceByKey(key()).businessKey(REQUEST)
                .setVariables(Map.of("requestNumber", REQUEST, "certificateType", key(), "bodyCode", "RPR",
                        "visitResult", "verified"))
                .startBeforeActivity(activityId).execute();
    }
}
