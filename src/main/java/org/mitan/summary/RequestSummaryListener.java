package org.mitan.summary;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.mitan.document.DocumentReturns;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessVariables;
import org.mitan.process.StepVariables;
import org.mitan.request.ProcessRequest;

/**
 * {@code requestSummaryListener} (create): gives an officer's task the task-local markdown {@code requestSummary} of
 * the process instance's request (its business key), with the findings and remarks of earlier steps that the task's
 * variables, and those of the processes that called its process, hold ({@link StepVariables},
 * {@link RequestSummaries#markdown}); and the task-local {@code returnableDocuments}, the document types the request
 * has scans of, which a form offers as the choices of the documents to return ({@link DocumentReturns#returnable}).
 */
@ProcessBean("requestSummaryListener")
class RequestSummaryListener implements TaskListener {

    private final RequestSummaries summaries;
    private final DocumentReturns returns;

    RequestSummaryListener(RequestSummaries summaries, DocumentReturns returns) {
        this.summaries = summaries;
        this.returns = returns;
    }

    @Override
    public void notify(DelegateTask task) {
        String requestNumber = ProcessRequest.numberOf(task);
        task.setVariableLocal(ProcessVariables.REQUEST_SUMMARY,
                summaries.markdown(requestNumber, StepVariables.of(task)));
        task.setVariableLocal(ProcessVariables.RETURNABLE_DOCUMENTS, Spin.JSON(returns.returnable(requestNumber)));
    }
}
