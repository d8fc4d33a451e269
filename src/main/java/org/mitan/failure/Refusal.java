package org.mitan.failure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mitan.text.Excerpt;

/**
 * A call refused for a reason the person can act on: what they asked for is not there, their role does not allow
 * it, it clashes with what is there now, or what they sent is wrong. Domain code throws it before anything is
 * written, so that a refused call changes nothing. It says what happened in the domain's words ({@link Kind});
 * the web layer alone turns it into an HTTP status and an RFC 9457 problem detail with this title, detail and
 * properties.
 * <p>
 * What a refusal quotes of the input is an {@link Excerpt}, where the message is built. Behind that, every detail
 * and field error is shown {@link Excerpt#visible} (control and invisible characters by their code) and bounded
 * ({@value #MAX_DETAIL_CHARS} characters a detail, {@value #MAX_FIELD_ERROR_CHARS} a field error, an
 * {@link Excerpt} a field's name), so that a refusal built somewhere without an excerpt still neither grows with
 * the input nor carries its control characters into screens and logs.
 */
public class Refusal extends RuntimeException {

    /** The longest detail; the application's own words take far less. */
    static final int MAX_DETAIL_CHARS = 4000;
    /** The longest message of one field. */
    static final int MAX_FIELD_ERROR_CHARS = 1000;

    /** Why the call was refused. */
    public enum Kind {
        /** What was asked for is not there (or not to be known to this caller). */
        NOT_FOUND,
        /** The caller's role or relation to the request does not allow it. */
        NOT_ALLOWED,
        /** It clashes with what is there now: a state, a duplicate, a limit. */
        CONFLICT,
        /** What was sent is incomplete or wrong; the detail (and {@code fieldErrors}) say what to fix. */
        INVALID,
        /** What was sent is larger than allowed. */
        TOO_LARGE,
        /** What was sent is of a kind that is not taken (a file type). */
        UNSUPPORTED_TYPE,
        /** What was sent is of a kind that is taken, but its content is refused (a scan that does not decode). */
        UNACCEPTABLE
    }

    private final Kind kind;
    private final String title;
    private final Map<String, Object> properties;

    public Refusal(Kind kind, String title, String detail) {
        this(kind, title, detail, Map.of());
    }

    public Refusal(Kind kind, String title, String detail, Map<String, Object> properties) {
        super(Excerpt.bounded(detail, MAX_DETAIL_CHARS));
        this.kind = kind;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public static Refusal notFound(String detail) {
        return new Refusal(Kind.NOT_FOUND, "Not found", detail);
    }

    public static Refusal notAllowed(String detail) {
        return new Refusal(Kind.NOT_ALLOWED, "Not allowed", detail);
    }

    public static Refusal conflict(String detail, Map<String, Object> properties) {
        return new Refusal(Kind.CONFLICT, "Conflict", detail, properties);
    }

    /** Naming each bad field: {@code fieldErrors} maps a field to what is wrong with it. */
    public static Refusal invalid(Map<String, String> fieldErrors) {
        Map<String, String> shown = new LinkedHashMap<>();
        fieldErrors.forEach((field, error) -> shown.merge(Excerpt.of(field),
                Excerpt.bounded(error, MAX_FIELD_ERROR_CHARS), (first, second) -> first));
        return new Refusal(Kind.INVALID, "Invalid input",
                "Please correct: " + String.join("; ", shown.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList()),
                Map.of("fieldErrors", shown));
    }

    public Kind getKind() {
        return kind;
    }

    /** A short summary of the kind of refusal, the same for every occurrence ("Not found", "Scan refused"). */
    public String getTitle() {
        return title;
    }

    /** Facts a client can act on without parsing the message, e.g. {@code fieldErrors}. */
    public Map<String, Object> getProperties() {
        return properties;
    }
}
