package org.mitan.document;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.mitan.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Keeps the document checklist of an open visit true: written when the visit task is made
 * ({@link DocumentChecklistListener}), it is written anew after every upload of the request, in the same transaction,
 * so the form opened afterwards (Tasklist or the field page) no longer says "not uploaded yet" for a scan that is in.
 */
@Component
class OpenVisitChecklists {

    private final TaskService tasks;
    private final DocumentChecklistWriter checklist;

    OpenVisitChecklists(TaskService tasks, DocumentChecklistWriter checklist) {
        this.tasks = tasks;
        this.checklist = checklist;
    }

    /** Rewrites the checklist of each open task of the request that shows one. */
    void refresh(String requestNumber) {
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(requestNumber).list()) {
            if (tasks.getVariableLocal(task.getId(), ProcessVariables.DOCUMENT_CHECKLIST) != null) {
                Object problems = tasks.getVariable(task.getId(), ProcessVariables.DOCUMENT_PROBLEMS);
                tasks.setVariableLocal(task.getId(), ProcessVariables.DOCUMENT_CHECKLIST,
                        checklist.forRequest(requestNumber, problems == null ? null : problems.toString()));
            }
        }
    }
}
