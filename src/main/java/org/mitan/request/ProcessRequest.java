package org.mitan.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The request a process step works on: the business key of its process instance, which is the request number
 * (the call centre's registration sets it; call activities pass it on with {@code camunda:in businessKey}).
 * <p>
 * Every delegate, listener and lookup finds its request here and never through the {@code requestNumber}
 * variable: anyone who works a task can submit variables with the form ({@code /task/{id}/submit-form}), but
 * nobody working a task can change the business key.
 */
public final class ProcessRequest {

    private ProcessRequest() {
    }

    /** The request number of the execution's process instance. */
    public static String numberOf(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        if (businessKey == null || businessKey.isBlank()) {
            throw new IllegalStateException("Process instance " + execution.getProcessInstanceId() + " at "
                    + execution.getCurrentActivityId() + " has no business key: every certificate process is"
                    + " started with the request number as its business key, and call activities pass it on");
        }
        return businessKey;
    }

    /** The request number of the process instance the task belongs to. */
    public static String numberOf(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        if (execution == null) {
            throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " belongs to no process"
                    + " instance, so it belongs to no request");
        }
        return numberOf(execution);
    }
}
