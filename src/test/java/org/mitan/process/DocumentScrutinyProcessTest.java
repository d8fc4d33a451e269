package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mitan.process.ProcessTestSupport.NOW;
import static org.mitan.process.ProcessTestSupport.inDays;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * Every path of the shared document scrutiny and filing, started on its own as a type's call activity starts it: the
 * clerk of the type's steps table accepts or returns; accepted documents are filed with the single window, which
 * may refuse or be down. Its outcome ({@code accepted}, {@code returned}, {@code refused}) is what the type's model
 * goes on with.
 */
@Deployment(resources = {"processes/document-scrutiny.bpmn", "forms/document-scrutiny.form",
        "processes/birth-certificate.dmn"})
class DocumentScrutinyProcessTest extends EngineProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage("document-scrutiny");

    static final String REQUEST = "RPR-2026-000321";

    RecordingSms sms = new RecordingSms();
    RecordingStatus status = new RecordingStatus();
    boolean refuses;
    boolean down;
    int submissions;

    @BeforeEach
    void fakes() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        FakeSteps steps = new FakeSteps();
        steps.request(REQUEST, ProcessKeys.BIRTH_CERTIFICATE);
        Mocks.register("steps", steps);
        Mocks.register("sendSms", sms);
        Mocks.register("requestStatus", status);
        Mocks.register("requestSummaryListener", (TaskListener) task -> { });
        Mocks.register("submitToSingleWindow", (JavaDelegate) execution -> {
            submissions++;
            if (down) {
                throw new IllegalStateException("single window answered 503");
            }
            if (refuses) {
                execution.setVariable(ProcessVariables.SUBMISSION_REJECTION, "Office not registered");
                throw new BpmnError(ProcessErrors.SINGLE_WINDOW_REJECTED);
            }
            execution.setVariable(ProcessVariables.SUBMISSION_REFERENCE, "SW-9");
        });
    }

    @Test
    void acceptedDocumentsAreFiledWithTheSingleWindow() {
        ProcessInstance scrutiny = start();
        assertThat(task(scrutiny)).hasCandidateGroup("clerk").hasDueDate(inDays(2));
        assertEquals(List.of("UNDER_SCRUTINY"), status.moves());

        complete(task(scrutiny), withVariables("scrutinyOutcome", "accepted"));
        execute(job("Task_SubmitToSingleWindow", scrutiny));

        assertThat(scrutiny).isEnded().hasPassed("EndEvent_Submitted").variables()
                .containsEntry("scrutinyOutcome", "accepted").containsEntry("submissionReference", "SW-9");
        assertEquals(List.of(), sms.templates());
    }

    @Test
    void returnedDocumentsAreToldToTheCitizen() {
        ProcessInstance scrutiny = start();

        complete(task(scrutiny), withVariables("scrutinyOutcome", "returned", "scrutinyRemarks", "Unreadable"));

        assertThat(scrutiny).isEnded().hasPassed("Task_NotifyDocumentsReturned", "EndEvent_DocumentsReturned")
                .hasNotPassed("Task_SubmitToSingleWindow");
        assertEquals(List.of("DOCUMENTS_RETURNED"), sms.templates());
        assertEquals(0, submissions);
    }

    @Test
    void aRefusalByTheSingleWindowClosesTheRequestAndIsToldToTheCitizen() {
        refuses = true;
        ProcessInstance scrutiny = start();
        complete(task(scrutiny), withVariables("scrutinyOutcome", "accepted"));

        execute(job("Task_SubmitToSingleWindow", scrutiny));

        assertThat(scrutiny).isEnded().hasPassed("Task_NotifyRefusal", "EndEvent_SingleWindowRefused");
        assertEquals(List.of("UNDER_SCRUTINY", "CLOSED"), status.moves());
        assertEquals(List.of("REJECTED"), sms.templates());
        assertEquals("refused", ProcessTestSupport.historicVariable(scrutiny, "scrutinyOutcome"));
    }

    @Test
    void aSingleWindowOutageIsRetriedEveryTenMinutesThenBecomesAnIncident() {
        down = true;
        ProcessInstance scrutiny = start();
        complete(task(scrutiny), withVariables("scrutinyOutcome", "accepted"));
        Job call = job("Task_SubmitToSingleWindow", scrutiny);
        while (call.getRetries() > 0) {
            String id = call.getId();
            assertThrows(RuntimeException.class, () -> managementService().executeJob(id));
            call = job("Task_SubmitToSingleWindow", scrutiny);
            if (call.getRetries() > 0) {
                assertEquals(Date.from(NOW.plus(Duration.ofMinutes(10))), call.getDuedate());
            }
        }

        assertEquals(3, submissions);
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(scrutiny.getId())
                .singleResult();
        assertEquals("Task_SubmitToSingleWindow", incident.getActivityId());
    }

    @Test
    void anOverdueScrutinyRemindsTheSupervisorNamingTheStepAndStaysOpen() {
        ProcessInstance scrutiny = start();

        execute(job("BoundaryEvent_ScrutiniseDocumentsOverdue", scrutiny));

        assertThat(scrutiny).isWaitingAt("Task_ScrutiniseDocuments").hasPassed("EndEvent_ScrutinyOverdueNotified");
        assertEquals(List.of(new RecordingSms.Sent("TASK_OVERDUE", "supervisor", "Task_ScrutiniseDocuments",
                "Task_NotifyScrutinyOverdue")), sms.sent());
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("document-scrutiny", REQUEST,
                Map.of(ProcessVariables.REQUEST_NUMBER, REQUEST, "scrutinyOutcome", "accepted"));
    }
}
