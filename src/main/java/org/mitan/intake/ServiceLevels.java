package org.mitan.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mitan.process.ProcessBean;

/**
 * {@code serviceLevels}: what the version 1.0.0 models (one deployment holding every type and a shared
 * {@code service-level} table) ask, answered from today's type tables so that requests started on them finish.
 * Each question names the task being created, whose row of the type's steps table answers, as for {@link Steps}.
 * New models ask {@code steps}.
 */
@ProcessBean("serviceLevels")
public class ServiceLevels {

    private final Steps steps;

    public ServiceLevels(Steps steps) {
        this.steps = steps;
    }

    public String scrutinyGroup(DelegateExecution execution) {
        return steps.group(execution);
    }

    public String authorityGroup(DelegateExecution execution) {
        return steps.group(execution);
    }

    /** The column named the group in the old table; the task's own step names it now. */
    public String group(DelegateExecution execution, String column) {
        return steps.group(execution);
    }

    public String supervisorGroup(DelegateExecution execution) {
        return steps.supervisorGroup(execution);
    }

    public int legalDueDays(DelegateExecution execution) {
        String limit = steps.legalTimeLimit(execution);
        return Integer.parseInt(limit.substring(1, limit.length() - 1));
    }
}
