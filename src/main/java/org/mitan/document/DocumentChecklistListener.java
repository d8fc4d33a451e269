package org.mitan.document;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mitan.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Create listener of the Mitan's visit task: puts the document checklist (markdown) into the task-local
 * variable {@code documentChecklist} for the form's text view.
 */
@Component("documentChecklistListener")
class DocumentChecklistListener implements TaskListener {

    private final DocumentChecklistWriter checklist;

    DocumentChecklistListener(DocumentChecklistWriter checklist) {
        this.checklist = checklist;
    }

    @Override
    public void notify(DelegateTask task) {
        Object requestNumber = task.getVariable(ProcessVariables.REQUEST_NUMBER);
        if (requestNumber == null) {
            throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " has no variable "
                    + ProcessVariables.REQUEST_NUMBER + ": the document checklist needs it");
        }
        Object certificateType = task.getVariable(ProcessVariables.CERTIFICATE_TYPE);
        Object problems = task.getVariable(ProcessVariables.DOCUMENT_PROBLEMS);
        task.setVariableLocal(ProcessVariables.DOCUMENT_CHECKLIST, checklist.forRequest(requestNumber.toString(),
                certificateType == null ? null : certificateType.toString(),
                problems == null ? null : problems.toString()));
    }
}
