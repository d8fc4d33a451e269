package org.mitan.config;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Whoever is given a task reads its history while the task is open: Camunda's historic instance permissions
 * ({@code enable-historic-instance-permissions}) grant it to the task's candidate groups and users and its assignee
 * ({@link BodySupervision} to the body's supervisors), because Tasklist's History tab and Camunda's comments look the
 * task up in the history. The engine would keep those grants as long as the request's history, ten years: one for
 * each candidate and assignee of every task ever made, in the table every task list joins to. They are removed when
 * the task is completed or deleted, in the same transaction, as the engine removes the task's own grants. Finished
 * tasks are read by those who read all history (auditors, state supervisors), through the process definitions.
 */
class TaskHistoryGrants implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Context.getCommandContext().getAuthorizationManager()
                .deleteAuthorizationsByResourceId(Resources.HISTORIC_TASK, task.getId());
    }
}
