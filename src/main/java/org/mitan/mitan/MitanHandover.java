package org.mitan.mitan;

import java.util.Optional;

import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Mitan's task of a request (the visit, the particulars, the delivery) given by hand to another Mitan, by a
 * supervisor in Tasklist or over the REST API, hands that Mitan the request: from then on the scans, the fee at the
 * door and the delivery OTP are theirs ({@link RequestAccess#isAssignedMitan}), and so are the request's next tasks
 * ({@link AssignedMitan}). The task may go only to an active Mitan of the request's body.
 */
@Service
public class MitanHandover {

    static final String MILESTONE = "MITAN_CHANGED";

    private final MitanRepository mitans;
    private final Requests requests;
    private final ServiceRequestRepository rows;
    private final ApplicationEventPublisher events;

    MitanHandover(MitanRepository mitans, Requests requests, ServiceRequestRepository rows,
            ApplicationEventPublisher events) {
        this.mitans = mitans;
        this.requests = requests;
        this.rows = rows;
        this.events = events;
    }

    /**
     * The request's Mitan's task is now {@code userId}'s; nothing changes when that is the request's active Mitan
     * already, or when the number names no request. Looked up through the repository: a not-found refusal would mark
     * the engine's transaction for rollback.
     *
     * @throws NotTheBodysMitan when {@code userId} is not an active Mitan of the request's body
     */
    @Transactional
    public void taskGivenTo(String requestNumber, String userId, String actor) {
        ServiceRequest request = rows.findByRequestNumber(requestNumber).orElse(null);
        if (request == null) {
            return;
        }
        Optional<Mitan> current = Optional.ofNullable(request.getMitanId()).flatMap(mitans::findById);
        if (current.filter(Mitan::isActive).map(mitan -> mitan.getUserId().equals(userId)).orElse(false)) {
            return;
        }
        Mitan mitan = mitans.findByUserId(userId)
                .filter(Mitan::isActive)
                .filter(candidate -> candidate.getBodyCode().equals(request.getBodyCode()))
                .orElseThrow(() -> new NotTheBodysMitan(userId + " is not an active Mitan of urban body "
                        + request.getBodyCode() + ", so request " + requestNumber + " cannot be handed to them."
                        + " Choose an active Mitan of the body (Mitans are listed by GET /api/mitans?body="
                        + request.getBodyCode() + ")."));
        request.setMitanId(mitan.getId());
        rows.save(request);
        String from = current.map(Mitan::getUserId).orElse(null);
        requests.record(request, MILESTONE, actor, (from == null ? "" : "From " + from + " to ") + mitan.getName()
                + " (" + mitan.getUserId() + ")");
        events.publishEvent(new MitanHandedOver(request.getId(), requestNumber, from, mitan.getUserId()));
    }

    /** Whether the user is a Mitan no longer active: their tasks wait to be given to another Mitan. */
    @Transactional(readOnly = true)
    public boolean isDeactivatedMitan(String userId) {
        return mitans.findByUserId(userId).map(mitan -> !mitan.isActive()).orElse(false);
    }

    /** The request {@code requestId} is now the Mitan {@code toUserId}'s. */
    public record MitanHandedOver(Long requestId, String requestNumber, String fromUserId, String toUserId) {
    }

    /** The user a Mitan's task was given to cannot take the request; the message says why and what to do. */
    public static class NotTheBodysMitan extends RuntimeException {

        NotTheBodysMitan(String problem) {
            super(problem);
        }
    }
}
