package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
        // Those given a task (and the body's supervisors) read its history; their grants go with the request's.
        List<Authorization> historyGrants = historyGrantsOf(root);
        assertThat(historyGrants).extracting(Authorization::getResourceType).contains(
                Resources.HISTORIC_TASK.resourceType(), Resources.HISTORIC_PROCESS_INSTANCE.resourceType());
        assertThat(historyGrants).extracting(Authorization::getGroupId).contains("clerk-RPR", "supervisor-RPR");
        assertThat(historyGrants).extracting(Authorization::getRemovalTime).containsOnly(root.getRemovalTime());

        // The day before: inside the window, the cleanup leaves all of it.
        cleanUpAt(root.getRemovalTime().toInstant().minus(Duration.ofDays(1)));
        assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root.getId()).count())
                .isEqualTo(instances);
        assertThat(activitiesOf(root)).isEqualTo(activities);
        assertThat(historyGrantsOf(root)).hasSameSizeAs(historyGrants);

        // The day after: nothing of the request is left in the engine's history.
        cleanUpAt(root.getRemovalTime().toInstant().plus(Duration.ofDays(1)));
        assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root.getId()).count()).isZero();
        assertThat(activitiesOf(root)).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(root.getId()).count()).isZero();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(historyGrantsOf(root)).isEmpty();
    }

    /** The grants to read the history of the request's tasks and instances, the shared steps' included. */
    private List<Authorization> historyGrantsOf(HistoricProcessInstance root) {
        List<Authorization> grants = new ArrayList<>(authorizations.createAuthorizationQuery()
                .resourceType(Resources.HISTORIC_TASK).list());
        grants.addAll(authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_PROCESS_INSTANCE)
                .list());
        return grants.stream().filter(grant -> root.getId().equals(grant.getRootProcessInstanceId())).toList();
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
