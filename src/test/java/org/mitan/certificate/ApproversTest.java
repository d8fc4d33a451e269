package org.mitan.certificate;

import static org.assertj.core.api.Assertions.assertThat;
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
    void theAssigneeOfTheCompletedDecisionTaskByName() {
        HistoricTaskInstance decision = task("t1", "registrar1");
        when(tasks.list()).thenReturn(List.of(decision));
        User user = mock(User.class);
        when(user.getFirstName()).thenReturn("Meena");
        when(user.getLastName()).thenReturn("Rao");
        when(users.singleResult()).thenReturn(user);

        assertThat(approvers.approverOf("process-1")).isEqualTo("Meena Rao (registrar1)");
        verify(tasks).processInstanceId("process-1");
        verify(tasks).taskDefinitionKey("Task_DecideApplication");
        verify(tasks).finished();
        verify(users).userId("registrar1");
    }

    @Test
    void aNameInDevanagariIsPrintedAndOneTheCertificateCannotPrintGivesWayToTheUserId() {
        HistoricTaskInstance decision = task("t1", "registrar1");
        when(tasks.list()).thenReturn(List.of(decision));
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

        assertThat(approvers.approverOf("process-1")).isEqualTo("registrar1");
    }

    @Test
    void whoCompletedTheTaskWhenItHadNoAssignee() {
        HistoricTaskInstance decision = task("t1", null);
        when(tasks.list()).thenReturn(List.of(decision));
        UserOperationLogEntry completed = mock(UserOperationLogEntry.class);
        when(completed.getUserId()).thenReturn("registrar2");
        when(operations.list()).thenReturn(List.of(completed));

        assertThat(approvers.approverOf("process-1")).isEqualTo("registrar2");
        verify(operations).taskId("t1");
        verify(operations).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
    }

    @Test
    void unknownWhenHistoryHasNoDecision() {
        when(tasks.list()).thenReturn(List.of());

        assertThat(approvers.approverOf("process-1")).isEqualTo("unknown");
    }

    private static HistoricTaskInstance task(String id, String assignee) {
        HistoricTaskInstance task = mock(HistoricTaskInstance.class);
        when(task.getId()).thenReturn(id);
        when(task.getAssignee()).thenReturn(assignee);
        return task;
    }
}
