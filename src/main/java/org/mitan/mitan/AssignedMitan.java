package org.mitan.mitan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mitan.process.ProcessBean;
import org.mitan.request.ProcessRequest;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;

/**
 * {@code assignedMitan}: the Camunda user id of the Mitan assigned to the execution's request, as recorded in the
 * request row by {@link MitanAssignmentService}. The models make that Mitan the assignee of the visit, particulars
 * and delivery tasks with
 * <pre>
 * camunda:assignee="${assignedMitan.userId(execution)}"
 * </pre>
 * rather than with the {@code mitanUserId} variable, which anyone who works a task could overwrite.
 */
@ProcessBean("assignedMitan")
public class AssignedMitan {

    private final Requests requests;
    private final MitanRepository mitans;

    AssignedMitan(Requests requests, MitanRepository mitans) {
        this.requests = requests;
        this.mitans = mitans;
    }

    public String userId(DelegateExecution execution) {
        ServiceRequest request = requests.require(ProcessRequest.numberOf(execution));
        if (request.getMitanId() == null) {
            throw new IllegalStateException("Request " + request.getRequestNumber() + " has no Mitan assigned, so "
                    + execution.getCurrentActivityId() + " has nobody to go to: the model must assign a Mitan first");
        }
        return mitans.findById(request.getMitanId()).map(Mitan::getUserId)
                .orElseThrow(() -> new IllegalStateException("Mitan " + request.getMitanId() + " assigned to request "
                        + request.getRequestNumber() + " does not exist"));
    }
}
