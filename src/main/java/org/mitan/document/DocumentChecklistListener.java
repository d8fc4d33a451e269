package org.mitan.document;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessVariables;
import org.mitan.request.ProcessRequest;

/**
 * Create listener of the Mitan's visit task: puts the document checklist (markdown) into the task-local
 * variable {@code documentChecklist} for the form's text view. The request is the process instance's business key
 * and the documents are those of its certificate type as stored in the request row, never of a variable.
 */
@ProcessBean("documentChecklistListener")
class DocumentChecklistListener implements TaskListener {

    private final DocumentChecklistWriter checklist;

    DocumentChecklistListener(DocumentChecklistWriter checklist) {
        this.checklist = checklist;
    }

    @Override
    public void notify(DelegateTask task) {
        Object problems = task.getVariable(ProcessVariables.DOCUMENT_PROBLEMS);
        task.setVariableLocal(ProcessVariables.DOCUMENT_CHECKLIST, checklist.forRequest(ProcessRequest.numberOf(task),
                problems == null ? null : problems.toString()));
    }
}
