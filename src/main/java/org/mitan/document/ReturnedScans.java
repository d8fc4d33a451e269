package org.mitan.document;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the clerk's returns make of a request's scans. A returned document type is <em>awaiting</em> a new scan until
 * one of its type is uploaded after the latest return that named it; until then it does not count as collected (a
 * "one of" line is still met by another alternative that does). A scan uploaded after the latest return is
 * <em>new</em>; one of a returned type uploaded before that return is <em>replaced</em> once a new scan of its type
 * is in, and <em>returned</em> while none is. The scans themselves are all kept.
 */
public final class ReturnedScans {

    /** What a scan is, as the clerk's returns left it. */
    public enum State {
        /** Uploaded before any return that named its type, or no return at all: as it was. */
        CURRENT,
        /** Uploaded after the latest return: what the clerk has not seen yet. */
        NEW,
        /** Its type was returned after it was uploaded, and a newer scan of the type is in. */
        REPLACED,
        /** Its type was returned after it was uploaded, and no newer scan of the type is in yet. */
        RETURNED
    }

    /** No return: every scan as it is. */
    static final ReturnedScans NONE = new ReturnedScans(Map.of(), null, Map.of());

    /** The latest return naming each type. */
    private final Map<String, Instant> returnedAt;
    /** The latest return of the request, null when there was none. */
    private final Instant lastReturn;
    /** The newest upload of each type. */
    private final Map<String, Instant> newestUpload;

    private ReturnedScans(Map<String, Instant> returnedAt, Instant lastReturn, Map<String, Instant> newestUpload) {
        this.returnedAt = returnedAt;
        this.lastReturn = lastReturn;
        this.newestUpload = newestUpload;
    }

    /** What the returns of a request, read from {@code returns}, make of its scans. */
    public static ReturnedScans of(DocumentReturnRepository returns, Long requestId, Collection<Document> scans) {
        return of(returns.findByRequestIdOrderByReturnedAtAsc(requestId), scans);
    }

    /** The returns (in any order) and the scans of one request. */
    public static ReturnedScans of(Collection<DocumentReturn> returns, Collection<Document> scans) {
        if (returns.isEmpty()) {
            return NONE;
        }
        Map<String, Instant> returnedAt = new HashMap<>();
        Instant last = null;
        for (DocumentReturn back : returns) {
            Instant at = back.getReturnedAt();
            back.getDocumentTypes().forEach(type -> returnedAt.merge(type, at, ReturnedScans::later));
            last = last == null ? at : later(last, at);
        }
        Map<String, Instant> newest = new HashMap<>();
        scans.forEach(scan -> newest.merge(scan.getDocumentType(), scan.getUploadedAt(), ReturnedScans::later));
        return new ReturnedScans(Map.copyOf(returnedAt), last, Map.copyOf(newest));
    }

    /** The latest return of the request, if any. */
    public Optional<Instant> lastReturn() {
        return Optional.ofNullable(lastReturn);
    }

    /** Whether the type was returned and no scan of it has been uploaded since. */
    public boolean awaitingNewScan(String documentType) {
        Instant returned = returnedAt.get(documentType);
        if (returned == null) {
            return false;
        }
        Instant newest = newestUpload.get(documentType);
        return newest == null || !newest.isAfter(returned);
    }

    /** The uploaded types that count as collected: all but those awaiting a new scan. */
    public Set<String> collected(Collection<String> uploadedTypes) {
        return uploadedTypes.stream().filter(type -> !awaitingNewScan(type)).collect(Collectors.toSet());
    }

    /**
     * The requirements returned and not yet taken again: a returned alternative awaits a new scan and no other
     * alternative of the line counts as collected.
     */
    public List<DocumentRequirement> returnedRequirements(List<DocumentRequirement> requirements,
            Collection<String> uploadedTypes) {
        Set<String> collected = collected(uploadedTypes);
        return requirements.stream()
                .filter(requirement -> !requirement.metBy(collected))
                .filter(requirement -> requirement.alternatives().stream()
                        .anyMatch(document -> awaitingNewScan(document.documentType())))
                .toList();
    }

    /** What the returns made of the scan. */
    public State stateOf(Document scan) {
        if (lastReturn == null) {
            return State.CURRENT;
        }
        if (scan.getUploadedAt().isAfter(lastReturn)) {
            return State.NEW;
        }
        Instant returned = returnedAt.get(scan.getDocumentType());
        if (returned == null || scan.getUploadedAt().isAfter(returned)) {
            return State.CURRENT;
        }
        return awaitingNewScan(scan.getDocumentType()) ? State.RETURNED : State.REPLACED;
    }

    private static Instant later(Instant first, Instant second) {
        return first.isAfter(second) ? first : second;
    }
}
