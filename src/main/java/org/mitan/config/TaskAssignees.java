package org.mitan.config;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.mitan.web.Roles;

/**
 * Who a task may be given to, whoever gives it (a supervisor reassigning, an officer claiming, a delegation): a
 * member of one of the task's candidate groups (its role at the request's body, from the type and the record), or,
 * for a Mitan's task (offered to nobody, assigned by the model), a Mitan of the request's body. Taking a task back
 * (no assignee) is always allowed.
 */
class TaskAssignees {

    private final Supplier<ProcessEngineConfigurationImpl> engine;
    private final BodySupervision bodies;

    TaskAssignees(Supplier<ProcessEngineConfigurationImpl> engine, BodySupervision bodies) {
        this.engine = engine;
        this.bodies = bodies;
    }

    /** Refuses (400) giving the task to the user when they do not do its kind of work at its body. */
    void check(String taskId, String assignee) {
        if (assignee == null) {
            return;
        }
        engine.get().getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null || task.getProcessInstanceId() == null) {
                return null;
            }
            Set<String> allowed = new TreeSet<>(CandidateGroups.of(task));
            if (allowed.isEmpty()) {
                bodies.bodyOf(task.getProcessInstance().getBusinessKey())
                        .ifPresent(body -> allowed.add(Roles.ofBody(Roles.MITAN, body)));
            }
            if (allowed.isEmpty()) {
                throw new BadUserRequestException("\"" + task.getName() + "\" belongs to no request of an urban"
                        + " body, so it cannot be given to anyone by hand; ask an administrator.");
            }
            boolean member = engine.get().getIdentityService().createGroupQuery().groupMember(assignee).list()
                    .stream().map(Group::getId).anyMatch(allowed::contains);
            if (!member) {
                throw new BadUserRequestException("\"" + task.getName() + "\" can only be given to a member of "
                        + String.join(" or ", allowed) + ", and " + assignee + " is not one. Choose someone of"
                        + " that role at this urban body.");
            }
            return null;
        }));
    }
}
