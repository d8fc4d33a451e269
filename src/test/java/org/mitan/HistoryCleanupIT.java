package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mitan.request.ServiceRequest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History cleanup as the application configures it (removal time from the end of the request's root process plus
 * the model's time to live, ten years; the cleanup window 01:00-05:00): a request taken to the door keeps its whole
 * history the day before its time to live ends, and none of it the day after. The engine clock is moved, not waited
 * for.
 */
@MitanIntegrationTest
class HistoryCleanupIT extends TypeJourney {

    @Autowired
    AuthorizationService authorizations;

    private Job cleanup;

    @AfterEach
    void putTheClockBack() {
        ClockUtil.reset();
        if (cleanup != null) {
            management.deleteJob(cleanup.getId());
        }
    }

    @Test
    void aFinishedRequestsHistoryStaysUntilItsTimeToLiveAndIsGoneAfter() throws Exception {
        JourneySteps journey = journey();
        String number = journey.birthRequestAtScrutiny("+91 98765 70001");
        journey.clerkAcceptsAndRegistrarApproves(number);
        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        deliverAtTheDoor(journey, number, request);

        HistoricProcessInstance root = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey("birth-certificate").singleResult();
        long instances = history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root.getId()).count();
        assertThat(instances).as("the request and the shared steps it called").isGreaterThan(1);
        assertThat(root.getRemovalTime()).as("removal time: end plus the ten years of the model")
                .isCloseTo(Date.from(root.getEndTime().toInstant().plus(Duration.ofDays(3650))), 60_000);
        long activities = activitiesOf(root);
        assertThat(activities).isPositive();
        // The grants to read a task's history (its officers', its Mitan's, the body's supervisors') went with the
        // task: the engine would have kept them for the ten years, one per candidate and assignee of every task.
        List<String> taskIds = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number).list()
                .stream().map(HistoricTaskInstance::getId).toList();
        assertThat(taskIds).hasSizeGreaterThan(3);
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK).list())
                .extracting(Authorization::getResourceId).doesNotContainAnyElementsOf(taskIds);

        // The day before: inside the window, the cleanup leaves all of it.
        cleanUpAt(root.getRemovalTime().toInstant().minus(Duration.ofDays(1)));
        assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root.getId()).count())
                .isEqualTo(instances);
        assertThat(activitiesOf(root)).isEqualTo(activities);

        // The day after: nothing of the request is left in the engine's history.
        cleanUpAt(root.getRemovalTime().toInstant().plus(Duration.ofDays(1)));
        assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root.getId()).count()).isZero();
        assertThat(activitiesOf(root)).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(root.getId()).count()).isZero();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    private long activitiesOf(HistoricProcessInstance root) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(root.getId()).count();
    }

    /** Moves the clock to 02:00 (inside the window) on that day and runs the cleanup until it has nothing left. */
    private void cleanUpAt(java.time.Instant day) {
        LocalDateTime twoInTheMorning = day.atZone(ZoneId.systemDefault()).toLocalDate().atTime(2, 0);
        ClockUtil.setCurrentTime(Date.from(twoInTheMorning.atZone(ZoneId.systemDefault()).toInstant()));
        cleanup = history.cleanUpHistoryAsync(false);
        assertThat(cleanup).as("the cleanup is scheduled inside its window").isNotNull();
        for (int run = 0; run < 50; run++) {
            management.executeJob(cleanup.getId());
            Job next = management.createJobQuery().jobId(cleanup.getId()).singleResult();
            if (next == null || next.getDuedate().after(ClockUtil.getCurrentTime())) {
                return;
            }
        }
    }
}
