package org.mitan.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mitan.failure.Refusal;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.text.TypedText;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's rating after delivery, reached through the link in the feedback SMS. One per request, only once
 * the certificate has been delivered; every refusal happens before anything is written.
 */
@Service
class FeedbackService {

    static final int MAX_COMMENT_LENGTH = 1000;
    static final String FEEDBACK_RECEIVED = "FEEDBACK_RECEIVED";

    private final ServiceRequestRepository serviceRequests;
    private final FeedbackRepository feedback;
    private final Requests requests;
    private final Clock clock;

    FeedbackService(ServiceRequestRepository serviceRequests, FeedbackRepository feedback, Requests requests,
            Clock clock) {
        this.serviceRequests = serviceRequests;
        this.feedback = feedback;
        this.requests = requests;
        this.clock = clock;
    }

    /** What the citizen sends; both may be missing from the JSON, which is then refused with a reason. */
    record FeedbackForm(Integer rating, String comment) {
    }

    /** What the citizen gave, as stored. */
    record GivenFeedback(int rating, String comment, Instant createdAt) {

        static GivenFeedback of(Feedback feedback) {
            return new GivenFeedback(feedback.getRating(), feedback.getComment(), feedback.getCreatedAt());
        }
    }

    /** The request behind a feedback link, or a refusal: not found. */
    @Transactional(readOnly = true)
    public ServiceRequest requestOf(String feedbackCode) {
        if (feedbackCode == null || !feedbackCode.matches("[A-Za-z0-9_-]{1,32}")) {
            throw unknownLink();
        }
        return serviceRequests.findByFeedbackCode(feedbackCode).orElseThrow(FeedbackService::unknownLink);
    }

    @Transactional
    public GivenFeedback give(String feedbackCode, FeedbackForm form) {
        ServiceRequest request = requestOf(feedbackCode);
        String comment = validComment(form);
        if (request.getStatus() != RequestStatus.DELIVERED) {
            throw Refusal.conflict("Feedback can be given once the certificate has been delivered to you.",
                    Map.of("requestStatus", request.getStatus().name()));
        }
        if (feedback.findByRequestId(request.getId()).isPresent()) {
            throw alreadyGiven();
        }
        Feedback saved;
        try {
            saved = feedback.saveAndFlush(new Feedback(request.getId(), form.rating(), comment, Instant.now(clock)));
        } catch (DataIntegrityViolationException e) {
            throw alreadyGiven();
        }
        requests.record(request, FEEDBACK_RECEIVED, null, "Rating " + saved.getRating() + " of 5");
        return GivenFeedback.of(saved);
    }

    /** Checks the whole form at once; returns the comment to store (trimmed, null when empty). */
    private static String validComment(FeedbackForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer rating = form == null ? null : form.rating();
        if (rating == null || rating < 1 || rating > 5) {
            errors.put("rating", "must be a whole number from 1 (poor) to 5 (excellent)");
        }
        String comment = form == null || form.comment() == null ? null : form.comment().strip();
        String refusal = TypedText.refusal(comment, false).orElse(null);
        if (refusal != null) {
            errors.put("comment", refusal);
        } else if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            errors.put("comment", "must be at most " + MAX_COMMENT_LENGTH + " characters");
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return comment == null || comment.isEmpty() ? null : comment;
    }

    private static Refusal unknownLink() {
        return Refusal.notFound("This feedback link is not known. Please use the link from your SMS.");
    }

    private static Refusal alreadyGiven() {
        return Refusal.conflict("Feedback for this request has already been given. Thank you!",
                Map.of("alreadyGiven", true));
    }
}
