package org.mitan.intake;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mitan.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * {@code requestSummaryListener} (create): gives an officer's task the task-local markdown {@code requestSummary} of
 * the process instance's request (its business key). The earlier remarks shown are the process's own text.
 */
@Component("requestSummaryListener")
class RequestSummaryListener implements TaskListener {

    private final RequestSummaries summaries;

    RequestSummaryListener(RequestSummaries summaries) {
        this.summaries = summaries;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(ProcessVariables.REQUEST_SUMMARY, summaries.markdown(ProcessRequest.numberOf(task),
                text(task.getVariable(ProcessVariables.SCRUTINY_REMARKS)),
                text(task.getVariable(ProcessVariables.VISIT_REMARKS))));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
