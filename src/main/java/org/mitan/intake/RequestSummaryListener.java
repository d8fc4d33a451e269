package org.mitan.intake;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mitan.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** {@code requestSummary} (create): gives an officer's task the task-local markdown {@code requestSummary}. */
@Component("requestSummaryListener")
class RequestSummaryListener implements TaskListener {

    private final RequestSummaries summaries;

    RequestSummaryListener(RequestSummaries summaries) {
        this.summaries = summaries;
    }

    @Override
    public void notify(DelegateTask task) {
        Object requestNumber = task.getVariable(ProcessVariables.REQUEST_NUMBER);
        if (requestNumber == null) {
            throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " has no "
                    + ProcessVariables.REQUEST_NUMBER + " to summarise");
        }
        task.setVariableLocal(ProcessVariables.REQUEST_SUMMARY, summaries.markdown(requestNumber.toString(),
                text(task.getVariable(ProcessVariables.SCRUTINY_REMARKS)),
                text(task.getVariable(ProcessVariables.VISIT_REMARKS))));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
