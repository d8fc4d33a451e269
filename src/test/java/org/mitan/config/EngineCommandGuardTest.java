package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's failures that are a person's situation, not a fault, as the person's call meets them: the REST API
 * and Tasklist would answer them with 500.
 */
class EngineCommandGuardTest {

    private final IdentityService identity = mock(IdentityService.class);
    private final FormFields forms = mock(FormFields.class);
    private final EngineCommandGuard guard = new EngineCommandGuard(() -> identity, authentication ->
            Set.of("clerk-RPR"), forms, mock(TaskAssignees.class), user -> false, mock(CommentAuthors.class));
    private RuntimeException failure;

    @BeforeEach
    void aClerkAtTheTask() {
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("clerk.raipur", List.of("clerk-RPR")));
        when(forms.taskForm("task-1")).thenReturn(Optional.of(new FormFields.Form(Set.of("scrutinyOutcome"), Set.of(),
                Map.of(), Map.of(), Map.of())));
        guard.setNext(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                throw failure;
            }
        });
    }

    /** Two officers complete one task at the same moment: the second is told so, as a refused form (400). */
    @Test
    void aCompletionThatClashedWithAnotherIsRefusedAsAFormIs() {
        failure = new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed");

        assertThatThrownBy(() -> guard.execute(new CompleteTaskCmd("task-1", null)))
                .isInstanceOf(TaskCompletionRefused.class)
                .hasMessageContaining("Someone else changed this request at the same moment");
    }

    /**
     * A return needs what the form requires once "return" is chosen (the documents to take again, the remarks), over
     * the REST API as in Tasklist; an acceptance does not.
     */
    @Test
    void aFieldRequiredOnceAnotherHoldsAValueIsRequiredThen() {
        FormFields.ShownWhen returned = new FormFields.ShownWhen("scrutinyOutcome", "returned");
        when(forms.taskForm("task-2")).thenReturn(Optional.of(new FormFields.Form(
                Set.of("scrutinyOutcome", "scrutinyRemarks", "returnedDocuments"), Set.of("scrutinyOutcome"),
                Map.of(), Map.of(), Map.of("returnedDocuments", new FormFields.ListField(true, Set.of())),
                Map.of("scrutinyRemarks", returned, "returnedDocuments", returned))));
        failure = new IllegalStateException("reached the engine");

        assertThatThrownBy(() -> guard.execute(new CompleteTaskCmd("task-2", Map.of("scrutinyOutcome", "returned",
                "scrutinyRemarks", "Blurred"))))
                .isInstanceOf(TaskCompletionRefused.class)
                .hasMessageStartingWith("This task's form needs returnedDocuments; fill it in");
        assertThatThrownBy(() -> guard.execute(new CompleteTaskCmd("task-2", Map.of("scrutinyOutcome", "returned",
                "returnedDocuments", SpinValues.jsonValue("[]").create()))))
                .isInstanceOf(TaskCompletionRefused.class)
                .hasMessageStartingWith("This task's form needs returnedDocuments, scrutinyRemarks;");
        assertThatThrownBy(() -> guard.execute(new CompleteTaskCmd("task-2", Map.of("scrutinyOutcome", "accepted"))))
                .as("passed on").hasMessage("reached the engine");
        assertThatThrownBy(() -> guard.execute(new CompleteTaskCmd("task-2", Map.of("scrutinyOutcome", "returned",
                "scrutinyRemarks", "Blurred", "returnedDocuments", SpinValues.jsonValue("[\"parent-id\"]").create()))))
                .as("passed on").hasMessage("reached the engine");
    }

    /** A task claimed after it was completed: a bad request (400) saying the task is not found, not a 500. */
    @Test
    void aClaimOfATaskThatIsGoneIsABadRequest() {
        failure = new NullValueException("Cannot find task with id task-1: task is null");

        assertThatThrownBy(() -> guard.execute(new ClaimTaskCmd("task-1", null)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Cannot find task with id task-1");
    }
}
