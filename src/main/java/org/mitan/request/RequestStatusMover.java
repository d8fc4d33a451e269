package org.mitan.request;

import java.util.Arrays;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mitan.process.ProcessBean;

/**
 * {@code requestStatus}: moves a request along from the models, e.g. an execution listener
 * {@code ${requestStatus.move(execution, 'UNDER_SCRUTINY')}} on the scrutiny task. Records the milestone with
 * the current Tasklist user (or "system") and the name of the step. The request is the process instance's
 * business key.
 */
@ProcessBean("requestStatus")
public class RequestStatusMover {

    private final Requests requests;
    private final IdentityService identity;

    RequestStatusMover(Requests requests, IdentityService identity) {
        this.requests = requests;
        this.identity = identity;
    }

    public void move(DelegateExecution execution, String status) {
        RequestStatus next = parse(status);
        ServiceRequest request = requests.require(ProcessRequest.numberOf(execution));
        requests.advance(request, next, Actors.current(identity), stepName(execution));
    }

    /** The name of the flow or activity the listener sits on ("Approved", "Scrutinise the documents"). */
    private static String stepName(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        if (element != null && element.getName() != null && !element.getName().isBlank()) {
            return element.getName();
        }
        return execution.getCurrentActivityName();
    }

    private static RequestStatus parse(String status) {
        try {
            return RequestStatus.valueOf(status);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("The model moves a request to '" + status
                    + "', which is not a request status; use one of " + Arrays.toString(RequestStatus.values()), e);
        }
    }
}
