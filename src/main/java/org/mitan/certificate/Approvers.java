package org.mitan.certificate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.mitan.text.PrintableCharacters;
import org.springframework.stereotype.Component;

/**
 * Who approved a request: the officer who completed its decision task ({@value #DECISION_TASK}, in the shared
 * {@code authority-decision} process the certificate process calls, or in the certificate process itself for the
 * version 1.0.0 models), as the engine's
 * user operation log records the completion (the person logged in, whoever the task was assigned to). With no
 * such officer there is no approval, and issuing stops with an incident rather than print a certificate that no
 * competent officer decided.
 */
@Component
class Approvers {

    static final String DECISION_TASK = "Task_DecideApplication";

    private final HistoryService history;
    private final IdentityService identity;
    private final PrintableCharacters printable;

    Approvers(HistoryService history, IdentityService identity, PrintableCharacters printable) {
        this.history = history;
        this.identity = identity;
        this.printable = printable;
    }

    /**
     * "Asha Verma (registrar1)" or "मीना राव (registrar1)"; the bare user id when Camunda has no name for it, or a
     * name the certificate cannot print (it is typed freely in Camunda Admin, and the certificate must still be
     * issued). Refuses when no officer completed the decision.
     */
    String approverOf(String processInstanceId) {
        List<HistoricTaskInstance> decisions = history.createHistoricTaskInstanceQuery()
                .rootProcessInstanceId(processInstanceId)
                .taskDefinitionKey(DECISION_TASK)
                .finished()
                .orderByHistoricTaskInstanceEndTime().desc()
                .list();
        return decisions.stream().findFirst()
                .flatMap(this::completedBy)
                .map(this::displayName)
                .orElseThrow(() -> new IllegalStateException("No officer completed the decision task ("
                        + DECISION_TASK + ") of process instance " + processInstanceId + ", so there is no approval"
                        + " to print. The certificate is issued only after the competent officer decides in"
                        + " Tasklist."));
    }

    private Optional<String> completedBy(HistoricTaskInstance task) {
        return history.createUserOperationLogQuery()
                .taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .list().stream()
                .map(UserOperationLogEntry::getUserId)
                .filter(Objects::nonNull)
                .findFirst();
    }

    private String displayName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = String.join(" ", Optional.ofNullable(user.getFirstName()).orElse(""),
                Optional.ofNullable(user.getLastName()).orElse("")).strip();
        return name.isEmpty() || printable.firstUnprintable(name).isPresent() ? userId : name + " (" + userId + ")";
    }
}
