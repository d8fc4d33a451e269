package org.mitan.request;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.mitan.failure.Refusal;
import org.mitan.text.Excerpt;
import org.mitan.text.Graphemes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finding requests and moving them along, with a dated milestone for each step. Used by every capability. */
@Service
public class Requests {

    /** The milestone detail column's size. */
    static final int MAX_DETAIL_LENGTH = 1000;

    private final ServiceRequestRepository requests;
    private final RequestMilestoneRepository milestones;
    private final Clock clock;

    public Requests(ServiceRequestRepository requests, RequestMilestoneRepository milestones, Clock clock) {
        this.requests = requests;
        this.milestones = milestones;
        this.clock = clock;
    }

    /** The request, or a refusal (not found) naming the number. */
    @Transactional(readOnly = true)
    public ServiceRequest require(String requestNumber) {
        return requests.findByRequestNumber(requestNumber).orElseThrow(() -> notFound(requestNumber));
    }

    /**
     * The refusal of a request number that names no request, in English and Hindi (a Mitan may read it). It is also
     * the refusal of a request the caller may not know of ({@code RequestAccess}), so it does not say which.
     */
    public static Refusal notFound(String requestNumber) {
        return Refusal.notFound("No request with number " + Excerpt.of(requestNumber)
                + " that you may see. Check the number; if it is right, ask its officer or a supervisor. / इस संख्या"
                + " का कोई आवेदन आपके लिए नहीं है; संख्या जाँचें, या इसके अधिकारी या पर्यवेक्षक से पूछें।");
    }

    /** Moves the request to {@code status} and records the milestone of the same name. */
    @Transactional
    public void advance(ServiceRequest request, RequestStatus status, String actor, String detail) {
        request.moveTo(status, Instant.now(clock));
        requests.save(request);
        record(request, status.name(), actor, detail);
    }

    /**
     * Records a milestone that does not change the status (an SMS sent, a visit missed, a task overdue). A detail
     * longer than its column is shortened between characters as people see them (a reason typed in Hindi).
     */
    @Transactional
    public void record(ServiceRequest request, String milestone, String actor, String detail) {
        milestones.save(new RequestMilestone(request.getId(), milestone, Instant.now(clock), actor,
                Graphemes.truncate(detail, MAX_DETAIL_LENGTH, "…")));
    }

    @Transactional(readOnly = true)
    public List<RequestMilestone> milestonesOf(ServiceRequest request) {
        return milestones.findByRequestIdOrderByOccurredAtAscIdAsc(request.getId());
    }
}
