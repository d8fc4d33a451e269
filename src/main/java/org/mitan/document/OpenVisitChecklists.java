package org.mitan.document;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.mitan.process.ProcessVariables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps the document checklist of an open visit true: written when the visit task is made
 * ({@link DocumentChecklistListener}), it is written anew after every upload of the request, in the same transaction,
 * so the form opened afterwards (Tasklist or the field page) no longer says "not uploaded yet" for a scan that is in.
 * <p>
 * Bookkeeping of the application, not an act of the uploader (whose right to upload {@link DocumentService} has
 * checked): one engine command without authorization checks, rather than a query and three calls per task, each a
 * command of its own.
 */
@Component
class OpenVisitChecklists {

    /** Looked up when first needed: the engine's configuration is made after the beans its delegates use. */
    private final ObjectProvider<ProcessEngineConfigurationImpl> engine;
    private final DocumentChecklistWriter checklist;

    OpenVisitChecklists(ObjectProvider<ProcessEngineConfigurationImpl> engine, DocumentChecklistWriter checklist) {
        this.engine = engine;
        this.checklist = checklist;
    }

    /** Rewrites the checklist of each open task of the request that shows one. */
    void refresh(String requestNumber) {
        engine.getObject().getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            TaskQueryImpl open = new TaskQueryImpl();
            open.processInstanceBusinessKey(requestNumber);
            for (Task found : open.executeList(context, null)) {
                TaskEntity task = (TaskEntity) found;
                if (task.getVariableLocal(ProcessVariables.DOCUMENT_CHECKLIST) != null) {
                    Object problems = task.getVariable(ProcessVariables.DOCUMENT_PROBLEMS);
                    task.setVariableLocal(ProcessVariables.DOCUMENT_CHECKLIST,
                            checklist.forRequest(requestNumber, problems == null ? null : problems.toString()));
                }
            }
            return null;
        }));
    }
}
