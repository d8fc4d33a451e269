package org.mitan.config;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.mitan.request.Actors;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.springframework.beans.factory.ObjectProvider;

/**
 * When an auditor or administrator cancels (deletes) a certificate process instance, in Cockpit or over the REST
 * API, its request is closed: milestone {@code CANCELLED} with who did it, then status {@code CLOSED}. Otherwise
 * the request would stay open for ever and the one-open-request-per-phone rule would block the citizen.
 * <p>
 * Only a root instance counts (a shared step cancelled with its caller is the caller's business), and only the
 * instance that the request belongs to. Instances of other processes, or with a business key that names no request,
 * are left alone. The request is looked up through the repository, not {@link Requests#require}: its 404 would mark
 * the engine's transaction for rollback and so undo the cancellation.
 */
class CancelledRequestCloser implements ExecutionListener {

    static final String MILESTONE = "CANCELLED";

    private final ObjectProvider<ServiceRequestRepository> serviceRequests;
    private final ObjectProvider<Requests> requests;

    CancelledRequestCloser(ObjectProvider<ServiceRequestRepository> serviceRequests,
            ObjectProvider<Requests> requests) {
        this.serviceRequests = serviceRequests;
        this.requests = requests;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!execution.isCanceled() || execution.getSuperExecution() != null
                || !execution.getId().equals(execution.getProcessInstanceId())
                || execution.getProcessBusinessKey() == null) {
            return;
        }
        Optional<ServiceRequest> found = serviceRequests.getObject()
                .findByRequestNumber(execution.getProcessBusinessKey());
        if (found.isEmpty()) {
            return;
        }
        ServiceRequest request = found.get();
        boolean ownInstance = request.getProcessInstanceId() == null
                || request.getProcessInstanceId().equals(execution.getProcessInstanceId());
        if (!ownInstance || !request.getStatus().isOpen()) {
            return;
        }
        String actor = Actors.current(execution.getProcessEngineServices().getIdentityService());
        Requests lifecycle = requests.getObject();
        lifecycle.record(request, MILESTONE, actor, "Process instance " + execution.getProcessInstanceId()
                + " was cancelled");
        lifecycle.advance(request, RequestStatus.CLOSED, actor, "Closed because its process was cancelled");
    }
}
