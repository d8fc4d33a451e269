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

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The late-registration paths of a type that registers an event (a birth, a death), on top of what every type does:
 * the step "Work out the registration delay" (configured with the particular holding the event's date) chooses a
 * path by the type's {@code <key>-registration-delay} decision, and the model's gateways take it. The real step is
 * tested with the real tables in {@code RegistrationDelayIT} and the journeys; here it is faked by the path.
 */
abstract class LateRegistrationContract extends CertificateTypeContract {

    /** The particular holding the event's date, as the model configures the step. */
    abstract String eventParticular();

    @Test
    void theDelayIsWorkedOutFromTheParticularNamedInTheModelAfterTheParticularsAreRecorded() {
        ProcessInstance request = startAt("Task_RecordParticulars");

        complete(task(request), particulars());

        assertEquals(1, delay.runs);
        assertEquals(eventParticular(), delay.eventParticular);
        assertThat(request).hasPassed("Task_WorkOutRegistrationDelay", "Gateway_PathDocumentsCollected")
                .variables().containsEntry("registrationPath", "registrar");
        assertThat(calledProcessInstance("document-scrutiny", request)).isWaitingAt("Task_ScrutiniseDocuments");
    }

    @Test
    void withinTwentyOneDaysTheRegistrarDecidesWithoutAPermission() {
        ProcessInstance request = scrutinisedOn("registrar");

        assertThat(calledProcessInstance("authority-decision", request)).isWaitingAt("Task_DecideApplication");
        assertThat(request).hasPassed("Gateway_RegistrationPath").hasNotPassed("Task_GrantLatePermission");
        assertEquals("registrar", historicVariable(request, "registrationPath"));
    }

    @Test
    void upToAYearLateThePrescribedAuthorityPermitsItBeforeTheRegistrarDecides() {
        ProcessInstance request = scrutinisedOn("permission");

        assertThat(request).isWaitingAt("Task_GrantLatePermission");
        Task permission = task(request);
        assertEquals(List.of(roleOf("Task_GrantLatePermission")), candidateGroups(permission));
        assertEquals("municipal-commissioner", roleOf("Task_GrantLatePermission"));
        assertThat(permission).isNotAssigned()
                .hasDueDate(inDays(type().step("Task_GrantLatePermission").orElseThrow().dueDays()));
        assertDeployedForm(permission, "late-registration-permission");
        complete(permission, withVariables("latePermission", "granted", "latePermissionRemarks", "Order 12/2026"));

        assertThat(calledProcessInstance("authority-decision", request)).isWaitingAt("Task_DecideApplication");
        assertEquals("granted", historicVariable(request, "latePermission"));
        complete(task(calledProcessInstance("authority-decision", request)), withVariables("decision", "approved"));
        execute(job("Task_IssueCertificate", request));
        assertThat(request).hasPassed("Task_GrantLatePermission", "Task_IssueCertificate");
    }

    @Test
    void aRefusedPermissionIsSentToTheCitizenWithTheReasonAndEndsTheRequest() {
        ProcessInstance request = scrutinisedOn("permission");

        complete(task(request), withVariables("latePermission", "refused",
                "latePermissionRemarks", "No affidavit of the parents"));

        assertThat(request).isEnded().hasPassed("EndEvent_LatePermissionRefused")
                .hasNotPassed("CallActivity_AuthorityDecision", "Task_IssueCertificate");
        assertEquals(List.of("UNDER_SCRUTINY", "REJECTED"), status.moves());
        assertEquals(List.of("REJECTED"), sms.templates());
    }

    @Test
    void overAYearLateTheRegistrarDecidesOnTheMagistratesOrderWithoutThePermission() {
        ProcessInstance request = scrutinisedOn("magistrate");

        assertThat(calledProcessInstance("authority-decision", request)).isWaitingAt("Task_DecideApplication");
        assertThat(request).hasNotPassed("Task_GrantLatePermission");
        assertEquals("magistrate", historicVariable(request, "registrationPath"));
    }

    @Test
    void documentsTheLatePathNeedsButTheMitanDidNotBringSendTheMitanBackFirst() {
        delay.answers("permission", false);
        ProcessInstance request = startAt("Task_RecordParticulars");

        complete(task(request), particulars());

        assertThat(request).isWaitingAt("CallActivity_DoorstepVisit").hasPassed("Gateway_PathDocumentsCollected")
                .hasNotPassed("CallActivity_DocumentScrutiny");
        ProcessInstance visit = calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request);
        assertThat(visit).variables().containsEntry("scrutinyRemarks", "Registered late: bring the affidavit.");
        delay.answers("permission", true);
        complete(task(visit), withVariables("visitOutcome", "collected"));
        execute(job(visit));
        complete(task(request), particulars());
        assertThat(calledProcessInstance("document-scrutiny", request)).isWaitingAt("Task_ScrutiniseDocuments");
    }

    /** A request whose particulars gave this path, accepted at scrutiny and filed. */
    private ProcessInstance scrutinisedOn(String path) {
        delay.answers(path, true);
        ProcessInstance request = startAt("Task_RecordParticulars");
        complete(task(request), particulars());
        ProcessInstance scrutiny = calledProcessInstance("document-scrutiny", request);
        complete(task(scrutiny), withVariables("scrutinyOutcome", "accepted"));
        execute(job("Task_SubmitToSingleWindow", scrutiny));
        return request;
    }
}
