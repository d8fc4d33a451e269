package org.mitan.summary;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessVariables;
import org.mitan.process.StepVariables;
import org.mitan.request.ProcessRequest;

/**
 * {@code requestSummaryListener} (create): gives an officer's task the task-local markdown {@code requestSummary} of
 * the process instance's request (its business key), with the findings and remarks of earlier steps that the task's
 * variables, and those of the processes that called its process, hold ({@link StepVariables},
 * {@link RequestSummaries#markdown}).
 */
@ProcessBean("requestSummaryListener")
class RequestSummaryListener implements TaskListener {

    private final RequestSummaries summaries;

    RequestSummaryListener(RequestSummaries summaries) {
        this.summaries = summaries;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(ProcessVariables.REQUEST_SUMMARY,
                summaries.markdown(ProcessRequest.numberOf(task), StepVariables.of(task)));
    }
}
