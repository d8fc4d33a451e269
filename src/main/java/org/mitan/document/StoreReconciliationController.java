package org.mitan.document;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.mitan.failure.Refusal;
import org.mitan.web.Caller;
import org.mitan.web.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The store reconciled against the records, for administrators and auditors. */
@RestController
class StoreReconciliationController {

    /**
     * The longest wait taken, ten years: a wait such as {@code P999999999999D} reaches back past the earliest
     * {@link java.time.Instant} there is.
     */
    static final Duration LONGEST_WAIT = Duration.ofDays(3650);

    private final StoreReconciliation reconciliation;

    StoreReconciliationController(StoreReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    /**
     * The objects in the store that no record points to and that were written more than {@code olderThan} ago (an
     * ISO-8601 duration, default {@code PT1H}; younger objects may be uploads on their way to their record). Nothing
     * is deleted. 403 for anyone but administrators and auditors; 400 for a duration that is not one, is negative or
     * is longer than {@link #LONGEST_WAIT}.
     */
    @GetMapping("/api/storage/orphans")
    Orphans orphans(@RequestParam(defaultValue = "PT1H") String olderThan) {
        if (!Caller.current().inAnyGroup(Roles.ADMIN, Roles.AUDITOR)) {
            throw Refusal.notAllowed("Only administrators and auditors reconcile the document store.");
        }
        Duration wait;
        try {
            wait = Duration.parse(olderThan);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(Map.of("olderThan", "is not an ISO-8601 duration such as PT1H or P1D"));
        }
        if (wait.isNegative()) {
            throw Refusal.invalid(Map.of("olderThan", "cannot be negative"));
        }
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            throw Refusal.invalid(Map.of("olderThan", "must be at most " + LONGEST_WAIT.toDays()
                    + " days (P" + LONGEST_WAIT.toDays() + "D)"));
        }
        List<StoredObject> objects = reconciliation.orphans(wait);
        return new Orphans(wait.toString(), objects.size(), objects.stream().mapToLong(StoredObject::sizeBytes).sum(),
                objects);
    }

    /** The report: how many, how large, and each object. */
    record Orphans(String olderThan, int count, long bytes, List<StoredObject> objects) {
    }
}
