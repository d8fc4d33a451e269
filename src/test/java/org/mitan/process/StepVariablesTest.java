package org.mitan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

class StepVariablesTest {

    /** A decision called by a process that the request's own process called: three processes deep. */
    @Test
    void aStepSeesItsCallersVariablesOutermostFirstAndItsOwnOverThem() {
        DelegateExecution request = instance(null);
        DelegateExecution callFromRequest = execution(request,
                Map.of("inquiryFinding", "supported", "visitRemarks", "first visit"));
        DelegateExecution middle = instance(callFromRequest);
        DelegateExecution callFromMiddle = execution(middle, Map.of("visitRemarks", "second visit",
                "paymentFee", "licence"));
        DelegateExecution decision = instance(callFromMiddle);
        DelegateTask task = task(execution(decision, Map.of()), Map.of("paymentFee", "own", "decision", "approved"));

        assertThat(StepVariables.of(task)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "inquiryFinding", "supported", "visitRemarks", "second visit", "paymentFee", "own",
                "decision", "approved"));
    }

    @Test
    void aStepOfTheRequestsOwnProcessSeesItsOwnVariables() {
        DelegateTask task = task(execution(instance(null), Map.of()), Map.of("visitRemarks", "all in order"));

        assertThat(StepVariables.of(task)).containsExactly(Map.entry("visitRemarks", "all in order"));
    }

    /** A process instance, called by {@code caller} (null: not called). */
    private static DelegateExecution instance(DelegateExecution caller) {
        DelegateExecution instance = mock(DelegateExecution.class);
        when(instance.getProcessInstance()).thenReturn(instance);
        when(instance.getSuperExecution()).thenReturn(caller);
        return instance;
    }

    /** An execution of the process instance that sees these variables. */
    private static DelegateExecution execution(DelegateExecution instance, Map<String, Object> variables) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessInstance()).thenReturn(instance);
        when(execution.getVariables()).thenReturn(variables);
        return execution;
    }

    private static DelegateTask task(DelegateExecution execution, Map<String, Object> variables) {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getExecution()).thenReturn(execution);
        when(task.getVariables()).thenReturn(variables);
        return task;
    }
}
