package org.mitan.config;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Shared steps ({@code doorstep-visit}, {@code home-delivery}, the decision, the payment: processes marked not
 * startable in Tasklist) run only for a request, called by that request's own certificate process. Started on their
 * own, over the REST API by anyone who may create instances, or called from another process with a request's
 * number as business key, they would send OTPs, move Mitans or decide for any request. This start listener
 * refuses both, whoever asks: the shared step's business key must name a request whose process instance is the
 * root of the call.
 */
class SharedStepStartGuard implements ExecutionListener {

    private final String processKey;
    private final ObjectProvider<ServiceRequestRepository> serviceRequests;

    SharedStepStartGuard(String processKey, ObjectProvider<ServiceRequestRepository> serviceRequests) {
        this.processKey = processKey;
        this.serviceRequests = serviceRequests;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getSuperExecution() == null) {
            throw new ManualStartRefused("\"" + processKey + "\" is a shared step that a certificate process"
                    + " starts by itself; it cannot be started on its own. Start the certificate's process (for"
                    + " example birth-certificate) instead.");
        }
        DelegateExecution root = execution.getSuperExecution();
        while (root.getSuperExecution() != null) {
            root = root.getSuperExecution();
        }
        String number = execution.getProcessBusinessKey();
        String rootInstance = root.getProcessInstanceId();
        boolean ownRequest = number != null && serviceRequests.getObject().findByRequestNumber(number)
                .map(ServiceRequest::getProcessInstanceId).filter(rootInstance::equals).isPresent();
        if (!ownRequest) {
            throw new ManualStartRefused("\"" + processKey + "\" is a shared step of a request, called by that"
                    + " request's own certificate process; process instance " + rootInstance + (number == null
                            ? " called it without a request number." : " is not the process of request " + number
                                    + ", so it cannot call it."));
        }
    }
}
