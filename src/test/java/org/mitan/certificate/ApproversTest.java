package org.mitan.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApproversTest {

    private final HistoryService history = mock(HistoryService.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final HistoricTaskInstanceQuery tasks = mock(HistoricTaskInstanceQuery.class, RETURNS_SELF);
    private final UserOperationLogQuery operations = mock(UserOperationLogQuery.class, RETURNS_SELF);
    private final UserQuery users = mock(UserQuery.class, RETURNS_SELF);
    /** Stand-in for the certificate's fonts: everything but emoji. */
    private final Approvers approvers = new Approvers(history, identity, text -> text.codePoints()
            .filter(c -> c > 0xFFFF).findFirst());

    @BeforeEach
    void queries() {
        when(history.createHistoricTaskInstanceQuery()).thenReturn(tasks);
        when(history.createUserOperationLogQuery()).thenReturn(operations);
        when(identity.createUserQuery()).thenReturn(users);
        when(operations.list()).thenReturn(List.of());
    }

    @Test
    void theOfficerWhoCompletedTheDecisionTaskByName() {
        HistoricTaskInstance decision = task("t1", "registrar1");
        when(tasks.list()).thenReturn(List.of(decision));
        completedBy("registrar1");
        User user = mock(User.class);
        when(user.getFirstName()).thenReturn("Meena");
        when(user.getLastName()).thenReturn("Rao");
        when(users.singleResult()).thenReturn(user);

        assertThat(approvers.approverOf("process-1")).isEqualTo("Meena Rao (registrar1)");
        verify(tasks).rootProcessInstanceId("process-1");
        verify(tasks).taskDefinitionKey("Task_DecideApplication");
        verify(tasks).finished();
        verify(users).userId("registrar1");
        verify(operations).taskId("t1");
        verify(operations).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
    }

    @Test
    void aNameInDevanagariIsPrintedAndOneTheCertificateCannotPrintGivesWayToTheUserId() {
        HistoricTaskInstance decision = task("t1", "registrar1");
        when(tasks.list()).thenReturn(List.of(decision));
        completedBy("registrar1");
        User user = mock(User.class);
        when(user.getFirstName()).thenReturn("मीना");
        when(user.getLastName()).thenReturn("राव");
        when(users.singleResult()).thenReturn(user);

        assertThat(approvers.approverOf("process-1")).isEqualTo("मीना राव (registrar1)");

        when(user.getLastName()).thenReturn("Rao \uD83C\uDF38");
        assertThat(approvers.approverOf("process-1")).isEqualTo("registrar1");
    }

    @Test
    void theUserIdWhenCamundaHasNoSuchUser() {
        HistoricTaskInstance decision = task("t1", "registrar1");
        when(tasks.list()).thenReturn(List.of(decision));
        completedBy("registrar1");

        assertThat(approvers.approverOf("process-1")).isEqualTo("registrar1");
    }

    @Test
    void whoCompletedTheTaskNotWhomItWasAssignedTo() {
        HistoricTaskInstance decision = task("t1", "supervisor.raipur");
        when(tasks.list()).thenReturn(List.of(decision));
        completedBy("registrar2");

        assertThat(approvers.approverOf("process-1")).isEqualTo("registrar2");
    }

    @Test
    void refusesWhenHistoryHasNoDecision() {
        when(tasks.list()).thenReturn(List.of());

        assertThatThrownBy(() -> approvers.approverOf("process-1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No officer completed the decision task");
    }

    @Test
    void refusesWhenNoOfficerCompletedTheDecision() {
        // completed by the engine itself (nobody logged in), e.g. after a start at a later step
        HistoricTaskInstance decision = task("t1", "registrar1");
        when(tasks.list()).thenReturn(List.of(decision));

        assertThatThrownBy(() -> approvers.approverOf("process-1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no approval");
    }

    private void completedBy(String userId) {
        UserOperationLogEntry completed = mock(UserOperationLogEntry.class);
        when(completed.getUserId()).thenReturn(userId);
        when(operations.list()).thenReturn(List.of(completed));
    }

    private static HistoricTaskInstance task(String id, String assignee) {
        HistoricTaskInstance task = mock(HistoricTaskInstance.class);
        when(task.getId()).thenReturn(id);
        when(task.getAssignee()).thenReturn(assignee);
        return task;
    }
}
