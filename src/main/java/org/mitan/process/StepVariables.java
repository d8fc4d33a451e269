package org.mitan.process;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a step of a request knows: the variables of the processes that called its process, outermost first, then its
 * own (a name in both is the step's). The shared scrutiny and decision are called with the request's identity only,
 * not with a copy of every variable of the type's process (a third of the variables each request wrote, issue 11);
 * what an officer is shown from earlier steps (the findings and remarks of {@code RequestSummaries}) is read from
 * the callers where it was recorded.
 */
public final class StepVariables {

    private StepVariables() {
    }

    public static Map<String, Object> of(DelegateTask task) {
        Map<String, Object> known = new HashMap<>();
        DelegateExecution execution = task.getExecution();
        if (execution != null) {
            Deque<DelegateExecution> callers = new ArrayDeque<>();
            for (DelegateExecution caller = execution.getProcessInstance().getSuperExecution(); caller != null;
                    caller = caller.getProcessInstance().getSuperExecution()) {
                callers.push(caller);
            }
            while (!callers.isEmpty()) {
                known.putAll(callers.pop().getVariables());
            }
        }
        known.putAll(task.getVariables());
        return known;
    }
}
