package org.mitan.intake;

import java.util.Optional;

import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the open request that made an insert fail on the one-open-request-per-phone-and-type index. The failed
 * insert has aborted the caller's transaction, so the committed row is read in a transaction of its own.
 */
@Component
class OpenRequests {

    private final ServiceRequestRepository requests;

    OpenRequests(ServiceRequestRepository requests) {
        this.requests = requests;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Optional<String> committedRequestNumber(String citizenPhone, String certificateType) {
        return requests.findOpen(citizenPhone, certificateType).map(ServiceRequest::getRequestNumber);
    }
}
