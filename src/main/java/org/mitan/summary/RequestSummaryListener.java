package org.mitan.summary;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
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
 * {@link RequestSummaries#markdown}); and, on a task of the scrutiny form ({@value #RETURN_FORM}), the task-local
 * {@code returnableDocuments}: the documents the clerk may return, the choices of its checklist
 * ({@link DocumentReturns#returnable}). Other officers' forms offer no return, so their tasks do not carry them.
 */
@ProcessBean("requestSummaryListener")
class RequestSummaryListener implements TaskListener {

    /** The form whose checklist offers the documents to return ({@code forms/document-scrutiny.form}). */
    static final String RETURN_FORM = "document-scrutiny";

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
        if (offersReturn(task.getBpmnModelElementInstance())) {
            task.setVariableLocal(ProcessVariables.RETURNABLE_DOCUMENTS,
                    Spin.JSON(returns.returnable(requestNumber)));
        }
    }

    /** Whether the user task is worked with the form that offers the documents to return. */
    static boolean offersReturn(ModelElementInstance element) {
        return element instanceof UserTask task && RETURN_FORM.equals(task.getCamundaFormRef());
    }
}
