package org.mitan.mitan;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessErrors;
import org.mitan.process.ProcessVariables;
import org.mitan.request.Actors;
import org.mitan.request.ProcessRequest;

/**
 * {@code assignMitan}: assigns the Mitan who visits (see {@link MitanAssignmentService}). Nobody available, or a
 * supervisor's choice that cannot take the request: {@code assignmentProblem} says why and the BPMN error
 * {@code NoMitanAvailable} sends the request to the supervisor's task. A supervisor's choice is used once.
 * <p>
 * The request is the process instance's business key. The chosen Mitan is recorded in the request row, which is
 * where the tasks' assignee comes from ({@link AssignedMitan}); {@code mitanUserId} is set for display only.
 */
@ProcessBean("assignMitan")
class AssignMitanDelegate implements JavaDelegate {

    private final MitanAssignmentService assignments;
    private final IdentityService identity;

    AssignMitanDelegate(MitanAssignmentService assignments, IdentityService identity) {
        this.assignments = assignments;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requestNumber = ProcessRequest.numberOf(execution);
        Object chosen = execution.getVariable(ProcessVariables.CHOSEN_MITAN_USER_ID);
        execution.removeVariable(ProcessVariables.CHOSEN_MITAN_USER_ID);
        try {
            Mitan mitan = assignments.assign(requestNumber, chosen == null ? null : chosen.toString(),
                    Actors.current(identity));
            execution.removeVariable(ProcessVariables.ASSIGNMENT_PROBLEM);
            execution.setVariable(ProcessVariables.MITAN_USER_ID, mitan.getUserId());
        } catch (NoMitanAvailableException e) {
            execution.setVariable(ProcessVariables.ASSIGNMENT_PROBLEM, e.getMessage());
            throw new BpmnError(ProcessErrors.NO_MITAN_AVAILABLE, e.getMessage());
        }
    }
}
