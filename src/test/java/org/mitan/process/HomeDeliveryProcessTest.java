package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mitan.process.ProcessTestSupport.NOW;
import static org.mitan.process.ProcessTestSupport.assertDeployedForm;
import static org.mitan.process.ProcessTestSupport.inDays;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the shared home delivery: the OTP decides whether the Mitan's task may be completed. */
@Deployment(resources = {"processes/home-delivery.bpmn", "forms/certificate-delivery.form",
        "processes/birth-certificate.dmn"})
class HomeDeliveryProcessTest extends EngineProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage(ProcessKeys.HOME_DELIVERY);

    static final String REQUEST = "RPR-2026-000007";
    static final String MITAN = "mitan.raipur.3";

    RecordingSms sms = new RecordingSms();
    FakeHomeDelivery homeDelivery = new FakeHomeDelivery();
    FakeMitans mitans = new FakeMitans("mitan.raipur.never");

    @BeforeEach
    void fakes() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("sendSms", sms);
        Mocks.register("homeDelivery", homeDelivery);
        mitans.assigned(REQUEST, MITAN);
        Mocks.register("assignedMitan", mitans);
        FakeSteps steps = new FakeSteps();
        steps.request(REQUEST, ProcessKeys.BIRTH_CERTIFICATE);
        Mocks.register("steps", steps);
        Mocks.register("requestSummaryListener", (TaskListener) task ->
                task.setVariableLocal(ProcessVariables.REQUEST_SUMMARY, "**" + REQUEST + "** Birth certificate"));
    }

    @Test
    void theMitanDeliversWithTheRightOtpAndTheCitizenIsAskedForFeedback() {
        ProcessInstance delivery = start();

        assertThat(delivery).isWaitingAt("Task_DeliverCertificate").hasPassed("Task_ArrangeDelivery");
        assertEquals(1, homeDelivery.arranged());
        Task deliver = task(delivery);
        assertThat(deliver).isAssignedTo(MITAN).hasDueDate(inDays(2));
        assertEquals("**" + REQUEST + "** Birth certificate",
                taskService().getVariableLocal(deliver.getId(), ProcessVariables.REQUEST_SUMMARY));
        assertDeployedForm(deliver, "certificate-delivery");

        complete(deliver, withVariables("deliveryOtp", FakeHomeDelivery.RIGHT_OTP));

        assertThat(delivery).isEnded().hasPassed("Task_RequestFeedback", "EndEvent_CertificateDelivered");
        assertEquals(List.of("FEEDBACK_REQUEST"), sms.templates());
    }

    @Test
    void aWrongOtpIsRefusedWithItsMessageAndTheTaskStaysOpen() {
        ProcessInstance delivery = start();
        Task deliver = task(delivery);

        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> taskService().complete(deliver.getId(), withVariables("deliveryOtp", "111111")));

        assertTrue(refused.getMessage().contains("The OTP is wrong"), refused.getMessage());
        assertThat(delivery).isWaitingAt("Task_DeliverCertificate").hasNotPassed("Task_RequestFeedback");
        assertEquals(deliver.getId(), task(delivery).getId());
        assertEquals(List.of(), sms.templates());

        complete(task(delivery), withVariables("deliveryOtp", FakeHomeDelivery.RIGHT_OTP));

        assertThat(delivery).isEnded();
    }

    @Test
    void anOverdueDeliveryRemindsTheSupervisorAndStaysOpen() {
        ProcessInstance delivery = start();
        Job overdue = job("BoundaryEvent_DeliverCertificateOverdue", delivery);
        assertEquals(inDays(2), overdue.getDuedate());

        execute(overdue);

        assertThat(delivery).isWaitingAt("Task_DeliverCertificate").hasPassed("EndEvent_DeliveryOverdueNotified");
        assertEquals(List.of(new RecordingSms.Sent("TASK_OVERDUE", "supervisor", "Task_DeliverCertificate",
                "Task_NotifyDeliveryOverdue")), sms.sent());
    }

    @Test
    void theCertificateGoesToTheMitanOfTheRequestNotOfAVariable() {
        ProcessInstance delivery = runtimeService().startProcessInstanceByKey(ProcessKeys.HOME_DELIVERY, REQUEST,
                Map.of("requestNumber", "RPR-2026-000999", "mitanUserId", "mitan.intruder", "mitanDueDays", 2));

        assertThat(task(delivery)).isAssignedTo(MITAN);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(ProcessKeys.HOME_DELIVERY, REQUEST, Map.of(
                "requestNumber", REQUEST, "bodyCode", "RPR", "mitanDueDays", 2));
    }
}
