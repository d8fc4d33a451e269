package org.mitan.intake;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.mockito.quality.Strictness;

/**
 * Executions and tasks whose variables live in plain maps, so that a test can look at what a delegate or
 * listener left behind in each scope. A task's own variables shadow its execution's, as in the engine.
 */
public final class Scopes {

    private Scopes() {
    }

    public static DelegateExecution execution(Map<String, Object> variables) {
        return execution(null, variables);
    }

    /** An execution of a process instance whose business key (the request number) is {@code businessKey}. */
    public static DelegateExecution execution(String businessKey, Map<String, Object> variables) {
        DelegateExecution execution = mock(DelegateExecution.class, withSettings().strictness(Strictness.LENIENT));
        lenient().when(execution.getProcessBusinessKey()).thenReturn(businessKey);
        // the instance itself, called by no other process (no super execution)
        lenient().when(execution.getProcessInstance()).thenReturn(execution);
        lenient().when(execution.getVariable(anyString()))
                .thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        lenient().when(execution.hasVariable(anyString()))
                .thenAnswer(call -> variables.containsKey(call.<String>getArgument(0)));
        lenient().when(execution.getVariables()).thenAnswer(call -> new HashMap<>(variables));
        lenient().when(execution.getVariableNames()).thenAnswer(call -> new LinkedHashSet<>(variables.keySet()));
        doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
                .when(execution).setVariable(anyString(), any());
        doAnswer(call -> variables.remove(call.<String>getArgument(0))).when(execution).removeVariable(anyString());
        doAnswer(call -> {
            call.<Collection<String>>getArgument(0).forEach(variables::remove);
            return null;
        }).when(execution).removeVariables(anyCollection());
        return execution;
    }

    public static DelegateTask task(String eventName, Map<String, Object> local, DelegateExecution execution) {
        DelegateTask task = mock(DelegateTask.class, withSettings().strictness(Strictness.LENIENT));
        lenient().when(task.getEventName()).thenReturn(eventName);
        lenient().when(task.getTaskDefinitionKey()).thenReturn("Task_Test");
        lenient().when(task.getExecution()).thenReturn(execution);
        lenient().when(task.getVariable(anyString())).thenAnswer(call -> {
            String name = call.getArgument(0);
            return local.containsKey(name) ? local.get(name) : execution.getVariable(name);
        });
        lenient().when(task.getVariableLocal(anyString())).thenAnswer(call -> local.get(call.<String>getArgument(0)));
        lenient().when(task.getVariables()).thenAnswer(call -> {
            Map<String, Object> all = new HashMap<>(execution.getVariables());
            all.putAll(local);
            return all;
        });
        lenient().when(task.getVariableNames()).thenAnswer(call -> {
            Set<String> names = new LinkedHashSet<>(local.keySet());
            names.addAll(execution.getVariableNames());
            return names;
        });
        doAnswer(call -> local.put(call.getArgument(0), call.getArgument(1)))
                .when(task).setVariableLocal(anyString(), any());
        doAnswer(call -> {
            call.<Collection<String>>getArgument(0).forEach(local::remove);
            return null;
        }).when(task).removeVariablesLocal(anyCollection());
        return task;
    }
}
