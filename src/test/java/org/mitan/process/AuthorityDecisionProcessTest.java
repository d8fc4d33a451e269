package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mitan.process.ProcessTestSupport.NOW;
import static org.mitan.process.ProcessTestSupport.inDays;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of the shared decision of the competent authority (the role the type's steps table names for
 * {@code Task_DecideApplication}), started as a type's call activity starts it.
 */
@Deployment(resources = {"processes/authority-decision.bpmn", "forms/authority-decision.form",
        "processes/caste-certificate.dmn"})
class AuthorityDecisionProcessTest extends EngineProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage("authority-decision");

    static final String REQUEST = "RPR-2026-000654";

    RecordingSms sms = new RecordingSms();
    RecordingStatus status = new RecordingStatus();

    @BeforeEach
    void fakes() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        FakeSteps steps = new FakeSteps();
        steps.request(REQUEST, "caste-certificate");
        Mocks.register("steps", steps);
        Mocks.register("sendSms", sms);
        Mocks.register("requestStatus", status);
        Mocks.register("requestSummaryListener", (TaskListener) task -> { });
    }

    @Test
    void theAuthorityOfTheTypeApprovesAndNoDecisionSubmittedEarlierCounts() {
        ProcessInstance decision = start(Map.of("decision", "approved"));
        assertThat(decision).variables().doesNotContainKey("decision");
        assertThat(task(decision)).hasCandidateGroup("tehsildar").hasDueDate(inDays(5));

        complete(task(decision), withVariables("decision", "approved"));

        assertThat(decision).isEnded().hasPassed("EndEvent_Approved");
        assertEquals(List.of("APPROVED"), status.moves());
        assertEquals(List.of(), sms.templates());
    }

    @Test
    void aRejectionIsToldToTheCitizenWithTheReason() {
        ProcessInstance decision = start(Map.of());

        complete(task(decision), withVariables("decision", "rejected", "decisionReason", "Claim not proved"));

        assertThat(decision).isEnded().hasPassed("Task_NotifyRejection", "EndEvent_Rejected");
        assertEquals(List.of("REJECTED"), status.moves());
        assertEquals(List.of("REJECTED"), sms.templates());
    }

    @Test
    void anOverdueDecisionRemindsTheSupervisorNamingTheStepAndStaysOpen() {
        ProcessInstance decision = start(Map.of());

        execute(job("BoundaryEvent_DecideApplicationOverdue", decision));

        assertThat(decision).isWaitingAt("Task_DecideApplication").hasPassed("EndEvent_DecisionOverdueNotified");
        assertEquals(List.of(new RecordingSms.Sent("TASK_OVERDUE", "supervisor", "Task_DecideApplication",
                "Task_NotifyDecisionOverdue")), sms.sent());
    }

    private ProcessInstance start(Map<String, Object> variables) {
        return runtimeService().startProcessInstanceByKey("authority-decision", REQUEST, variables);
    }
}
