package org.mitan.config;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.mitan.mitan.MitanHandover;
import org.mitan.request.Actors;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A Mitan's task (offered to no group: the model gives it to the request's Mitan) given by hand to someone else hands
 * them the request ({@link MitanHandover}), so that the scans, the fee at the door and the delivery OTP follow the
 * task; giving it to anyone but an active Mitan of the request's body is refused with 400. Not when the task is
 * created: the model has just given it to the request's own Mitan.
 */
class MitanTaskHandover implements TaskListener {

    /** The task's state while the engine creates it (then "Updated" once anyone changes it). */
    private static final String CREATED = "Created";

    private final ObjectProvider<MitanHandover> handover;

    MitanTaskHandover(ObjectProvider<MitanHandover> handover) {
        this.handover = handover;
    }

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null || task.getExecution() == null || task.getExecution().getProcessBusinessKey() == null
                || (task instanceof TaskEntity entity && CREATED.equals(entity.getTaskState()))
                || !CandidateGroups.of(task).isEmpty()) {
            return;
        }
        try {
            handover.getObject().taskGivenTo(task.getExecution().getProcessBusinessKey(), assignee,
                    Actors.current(task.getProcessEngineServices().getIdentityService()));
        } catch (MitanHandover.NotTheBodysMitan refused) {
            throw new BadUserRequestException("\"" + task.getName() + "\" is a Mitan's task: " + refused.getMessage());
        }
    }
}
