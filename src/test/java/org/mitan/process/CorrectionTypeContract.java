package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mitan.process.ProcessTestSupport.NOW;
import static org.mitan.process.ProcessTestSupport.assertDeployedForm;
import static org.mitan.process.ProcessTestSupport.historicVariable;
import static org.mitan.process.ProcessTestSupport.inDays;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.catalogue.CertificateType;

/**
 * What every correction type does, run for each type on its own model and tables and the real shared models; only
 * the Spring beans the models name are faked. The two correction steps' listeners are faked by what they decide: the
 * certificate named and the kind of correction ({@code clerical} or {@code substance}) with whether the documents
 * it needs are at hand; the real ones are tested in {@code CorrectionsTest} and the journey.
 */
abstract class CorrectionTypeContract extends EngineProcessTest {

    static final String REQUEST = "RPR-2026-000321";
    static final String MITAN = "mitan.raipur.1";

    RecordingSms sms = new RecordingSms();
    RecordingStatus status = new RecordingStatus();
    FakeHomeDelivery homeDelivery = new FakeHomeDelivery();
    FakeSteps steps = new FakeSteps();
    FakeMitans mitans = new FakeMitans(MITAN);
    boolean singleWindowRefuses;
    /** What the rules make of the changes: {@code clerical} or {@code substance}. */
    String kind = "clerical";
    /** How many times the changes are asked before the documents they need are at hand. */
    int documentsMissingTimes;
    final List<String> correctsTypes = new ArrayList<>();
    /** Whether the certificate named is an older paper one the clerk must enter. */
    boolean onPaper;
    int paperEntries;
    int issues;

    /** The process key of the correction type. */
    abstract String key();

    /** The certificate type it corrects. */
    abstract String corrects();

    CertificateType type() {
        return ProcessTestSupport.typeTables(Path.of("processes", key() + ".dmn"), key());
    }

    String roleOf(String taskId) {
        return type().step(taskId).orElseThrow().role();
    }

    @BeforeEach
    void fakes() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        SharedStepFakes.register(REQUEST, key(), sms, status, homeDelivery, steps, mitans);
        Mocks.register("requestSummaryListener", (TaskListener) task ->
                task.setVariableLocal(ProcessVariables.REQUEST_SUMMARY, "**" + REQUEST + "**"));
        Mocks.register("linkCorrectedCertificate", (TaskListener) task -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                correctsTypes.add((String) task.getExecution().getVariableLocal(ProcessVariables.CORRECTS_TYPE));
                task.getExecution().getProcessInstance().setVariable(ProcessVariables.CERTIFICATE_ON_PAPER, onPaper);
            }
        });
        Mocks.register("captureParticulars", (TaskListener) task -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                task.getVariableNames().stream().filter(name -> name.startsWith(ProcessVariables.PARTICULAR_PREFIX))
                        .forEach(name -> task.getExecution().removeVariable(name));
            }
        });
        Mocks.register("enterPaperEntry", (TaskListener) task -> {
            paperEntries++;
            assertEquals(corrects(), task.getExecution().getVariableLocal(ProcessVariables.CORRECTS_TYPE));
        });
        Mocks.register("askCorrections", (TaskListener) task -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                task.getExecution().getProcessInstance().setVariable(ProcessVariables.CORRECTION_KIND, kind);
                task.getExecution().getProcessInstance().setVariable(
                        ProcessVariables.CORRECTION_DOCUMENTS_COMPLETE, documentsMissingTimes-- <= 0);
            }
        });
        Mocks.register("submitToSingleWindow", (JavaDelegate) execution -> {
            if (singleWindowRefuses) {
                execution.setVariable(ProcessVariables.SUBMISSION_REJECTION, "Office not registered");
                throw new BpmnError(ProcessErrors.SINGLE_WINDOW_REJECTED);
            }
            execution.setVariable(ProcessVariables.SUBMISSION_REFERENCE, "SW-88");
        });
        Mocks.register("issueCertificate", (JavaDelegate) execution -> {
            issues++;
            execution.setVariable(ProcessVariables.CERTIFICATE_NUMBER, "RPR/X/2026/000002");
        });
    }

    @Test
    void aClericalCorrectionGoesFromTheCallToTheDoorWithTheRegistrarDecidingAlone() {
        ProcessInstance request = start();
        visitCollects(request);

        Task name = task(request);
        assertThat(request).isWaitingAt("Task_NameCertificate");
        assertThat(name).isAssignedTo(MITAN).hasDueDate(inDays(type().step("Task_NameCertificate").orElseThrow()
                .dueDays()));
        assertDeployedForm(name, "correction-certificate");
        complete(name, withVariables(ProcessVariables.CERTIFICATE_TO_CORRECT, "RPR/X/2026/000001"));
        assertEquals(List.of(corrects()), correctsTypes, "the model names the type it corrects");

        Task changes = task(request);
        assertThat(request).isWaitingAt("Task_AskForChanges");
        assertThat(changes).isAssignedTo(MITAN);
        assertDeployedForm(changes, "correction-changes");
        assertEquals("**" + REQUEST + "**", taskService().getVariableLocal(changes.getId(), "requestSummary"));
        complete(changes);

        ProcessInstance scrutiny = calledProcessInstance("document-scrutiny", request);
        assertEquals(List.of(roleOf("Task_ScrutiniseDocuments")), candidateGroups(task(scrutiny)));
        complete(task(scrutiny), withVariables("scrutinyOutcome", "accepted"));
        execute(job("Task_SubmitToSingleWindow", scrutiny));

        ProcessInstance authority = calledProcessInstance("authority-decision", request);
        Task decision = task(authority);
        assertEquals(List.of(roleOf("Task_DecideApplication")), candidateGroups(decision));
        complete(decision, withVariables("decision", "approved"));
        execute(job("Task_IssueCertificate", request));
        complete(task(calledProcessInstance(ProcessKeys.HOME_DELIVERY, request)),
                withVariables("deliveryOtp", FakeHomeDelivery.RIGHT_OTP));

        assertThat(request).isEnded().hasPassed("Gateway_CorrectionKind", "EndEvent_CertificateDelivered")
                .hasNotPassed("Task_ApproveCorrection", "EndEvent_RequestRejected");
        assertEquals(1, issues);
        assertEquals(List.of("UNDER_SCRUTINY", "APPROVED"), status.moves());
    }

    @Test
    void aChangeOfSubstanceNeedsTheAffidavitThenTheHigherAuthoritysApprovalBeforeTheRegistrar() {
        kind = "substance";
        documentsMissingTimes = 1;
        ProcessInstance request = start();
        visitCollects(request);
        complete(task(request), withVariables(ProcessVariables.CERTIFICATE_TO_CORRECT, "RPR/X/2026/000001"));
        complete(task(request));

        // The affidavit is missing: the Mitan visits again, names the certificate and asks again (prefilled).
        assertThat(request).isWaitingAt("CallActivity_DoorstepVisit").hasPassed("Gateway_CorrectionDocumentsCollected");
        visitCollects(request);
        complete(task(request));
        complete(task(request));

        ProcessInstance scrutiny = calledProcessInstance("document-scrutiny", request);
        complete(task(scrutiny), withVariables("scrutinyOutcome", "accepted"));
        execute(job("Task_SubmitToSingleWindow", scrutiny));

        assertThat(request).isWaitingAt("Task_ApproveCorrection");
        Task approval = task(request);
        assertEquals(List.of(roleOf("Task_ApproveCorrection")), candidateGroups(approval));
        assertEquals("municipal-commissioner", roleOf("Task_ApproveCorrection"));
        assertDeployedForm(approval, "correction-approval");
        assertThat(approval).isNotAssigned().hasDueDate(inDays(type().step("Task_ApproveCorrection").orElseThrow()
                .dueDays()));
        complete(approval, withVariables("correctionApproval", "granted", "correctionApprovalRemarks",
                "Order 12/2026 on the affidavit"));

        Task decision = task(calledProcessInstance("authority-decision", request));
        assertEquals(List.of(roleOf("Task_DecideApplication")), candidateGroups(decision));
        complete(decision, withVariables("decision", "approved"));
        execute(job("Task_IssueCertificate", request));

        assertThat(request).hasPassed("Task_ApproveCorrection", "Gateway_ReadyForDecision")
                .isWaitingAt("CallActivity_HomeDelivery");
        assertEquals(1, issues);
    }

    @Test
    void anOlderPaperCertificateIsEnteredByTheClerkBeforeTheChangesAreAsked() {
        onPaper = true;
        ProcessInstance request = start();
        visitCollects(request);
        complete(task(request), withVariables(ProcessVariables.CERTIFICATE_TO_CORRECT, "RPR/X/1998/000123",
                ProcessVariables.PAPER_CERTIFICATE, true));

        assertThat(request).isWaitingAt("Task_EnterPaperEntry").hasPassed("Gateway_CertificateInRegister");
        Task entry = task(request);
        assertEquals(List.of(roleOf("Task_EnterPaperEntry")), candidateGroups(entry));
        assertEquals("clerk", roleOf("Task_EnterPaperEntry"));
        assertThat(entry).isNotAssigned().hasDueDate(inDays(type().step("Task_EnterPaperEntry").orElseThrow()
                .dueDays()));
        assertDeployedForm(entry, key() + "-paper-entry");
        complete(entry, withVariables("particular_sex", "female"));

        assertEquals(1, paperEntries);
        assertThat(request).isWaitingAt("Task_AskForChanges").variables().doesNotContainKey("particular_sex");
    }

    @Test
    void theHigherAuthoritysRefusalIsSentToTheCitizenAndEndsTheRequest() {
        ProcessInstance request = startAt("Task_ApproveCorrection", Map.of("correctionKind", "substance"));

        complete(task(request), withVariables("correctionApproval", "refused", "correctionApprovalRemarks",
                "The affidavit does not name the father"));

        assertThat(request).isEnded().hasPassed("Task_NotifyCorrectionRefused", "EndEvent_CorrectionRefused")
                .hasNotPassed("CallActivity_AuthorityDecision", "Task_IssueCertificate");
        assertEquals(List.of("REJECTED"), status.moves());
        assertEquals(List.of("REJECTED"), sms.templates());
        assertEquals("The affidavit does not name the father", historicVariable(request, "correctionApprovalRemarks"));
        assertEquals(0, issues);
    }

    @Test
    void theRegistrarsRejectionEndsTheRequestWithoutACertificate() {
        ProcessInstance request = startAt("CallActivity_AuthorityDecision", Map.of("correctionKind", "clerical"));

        complete(task(calledProcessInstance("authority-decision", request)),
                withVariables("decision", "rejected", "decisionReason", "The school record says otherwise"));

        assertThat(request).isEnded().hasPassed("EndEvent_RequestRejected").hasNotPassed("Task_IssueCertificate");
        assertEquals(List.of("REJECTED"), sms.templates());
        assertEquals(0, issues);
    }

    @Test
    void aClosedVisitClosesTheRequest() {
        ProcessInstance request = start();

        complete(task(calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request)),
                withVariables("visitOutcome", "withdrawn"));

        assertThat(request).isEnded().hasPassed("EndEvent_RequestClosed").hasNotPassed("Task_NameCertificate");
        assertEquals(List.of("CLOSED"), status.moves());
    }

    @Test
    void documentsReturnedByTheClerkSendTheMitanBackAndARefusalOfTheSingleWindowEndsIt() {
        ProcessInstance request = startAt("CallActivity_DocumentScrutiny", Map.of("correctionKind", "clerical"));
        complete(task(calledProcessInstance("document-scrutiny", request)),
                withVariables("scrutinyOutcome", "returned", "scrutinyRemarks", "Affidavit unreadable"));
        assertThat(request).isWaitingAt("CallActivity_DoorstepVisit");
        visitCollects(request);
        complete(task(request));
        complete(task(request));

        singleWindowRefuses = true;
        ProcessInstance scrutiny = calledProcessInstance("document-scrutiny", request);
        complete(task(scrutiny), withVariables("scrutinyOutcome", "accepted"));
        execute(job("Task_SubmitToSingleWindow", scrutiny));

        assertThat(request).isEnded().hasPassed("Gateway_VisitNeeded", "EndEvent_RequestRefused")
                .hasNotPassed("Gateway_CorrectionKind");
    }

    @Test
    void anOverdueStepOfTheTypesOwnRemindsTheSupervisorNamingTheStepAndStaysOpen() {
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition(key()).getId());
        List<BoundaryEvent> timers = List.copyOf(model.getModelElementsByType(BoundaryEvent.class));
        assertEquals(4, timers.size(), "naming the certificate, entering it from paper, asking, the approval");
        for (BoundaryEvent timer : timers) {
            String step = timer.getAttachedTo().getId();
            ProcessInstance request = startAt(step, Map.of("correctionKind", "substance"));
            Job overdue = job(timer.getId(), request);
            assertEquals(inDays(type().step(step).orElseThrow().dueDays()), overdue.getDuedate(), step);
            sms.sent().clear();

            execute(overdue);

            assertThat(request).isWaitingAt(step);
            String reminder = timer.getOutgoing().iterator().next().getTarget().getId();
            assertEquals(List.of(new RecordingSms.Sent("TASK_OVERDUE", "supervisor", step, reminder)), sms.sent());
            runtimeService().deleteProcessInstance(request.getId(), "next step");
        }
    }

    @Test
    void theCallCentreAgentFindsItInTasklistInEnglishAndHindi() {
        assertEquals(ProcessTestSupport.nameInTasklist(type()), definition(key()).getName());
    }

    @Test
    void whenTheLegalTimeLimitPassesTheSupervisorIsToldAndTheRequestGoesOn() {
        ProcessInstance request = start();
        Job deadline = job("StartEvent_LegalDeadlinePassed", request);
        assertEquals(inDays(type().legalDueDays()), deadline.getDuedate());

        execute(deadline);

        assertThat(request).isWaitingAt("CallActivity_DoorstepVisit").hasPassed("EndEvent_LegalDeadlineNotified");
        assertFalse(sms.sent().isEmpty());
    }

    private void visitCollects(ProcessInstance request) {
        ProcessInstance visit = calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request);
        complete(task(visit), withVariables("visitOutcome", "collected"));
        execute(job(visit));
    }

    /** A request registered, gone on from the registration's save point (the job executor's work). */
    ProcessInstance start() {
        ProcessInstance request = runtimeService().startProcessInstanceByKey(key(), REQUEST,
                Map.of(ProcessVariables.REQUEST_NUMBER, REQUEST));
        execute(job("Task_RegisterRequest", request));
        return request;
    }

    ProcessInstance startAt(String activityId, Map<String, Object> more) {
        mitans.assigned(REQUEST, MITAN);
        Map<String, Object> variables = new HashMap<>(Map.of("requestNumber", REQUEST, "certificateType", key(),
                "bodyCode", "RPR", "visitResult", "verified"));
        variables.putAll(more);
        return runtimeService().createProcessInstanceByKey(key()).businessKey(REQUEST).setVariables(variables)
                .startBeforeActivity(activityId).execute();
    }
}
