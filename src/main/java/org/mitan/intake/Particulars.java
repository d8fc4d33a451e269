package org.mitan.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.mitan.catalogue.ParticularsRules;
import org.mitan.numbering.StateCalendar;
import org.mitan.process.ProcessVariables;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.text.Excerpt;
import org.mitan.text.PrintableCharacters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The type-specific particulars of a request (a child's date of birth, parents' names...), kept in the request
 * row rather than in the engine.
 */
@Service
class Particulars {

    static final String MILESTONE = "PARTICULARS_RECORDED";
    /** Longest text a particular may hold: the longest the certificate's fields take (its holder's name included). */
    static final int MAX_TEXT_LENGTH = 500;
    /** A calendar date as a date field of a Camunda Form submits it; checked strictly (no 30 February). */
    /** A date (a sign and more than four digits in its year included), or a moment on it. */
    private static final Pattern DATE_LIKE = Pattern.compile("[+-]?\\d{4,}-\\d{2}-\\d{2}(T.*)?", Pattern.DOTALL);

    private final Requests requests;
    private final ServiceRequestRepository repository;
    private final PrintableCharacters printable;
    private final ParticularsRules rules;
    private final Clock clock;

    Particulars(Requests requests, ServiceRequestRepository repository, PrintableCharacters printable,
            ParticularsRules rules, Clock clock) {
        this.requests = requests;
        this.repository = repository;
        this.printable = printable;
        this.rules = rules;
        this.clock = clock;
    }

    /** The stored particulars, without empty ones. */
    Map<String, Object> of(String requestNumber) {
        Map<String, Object> stored = new LinkedHashMap<>();
        requests.require(requestNumber).getParticulars().forEach((name, value) -> {
            if (value != null) {
                stored.put(name, value);
            }
        });
        return stored;
    }

    /**
     * Merges the values into the stored particulars: a value replaces the stored one, an empty value removes it,
     * particulars not mentioned stay. Records who recorded which particulars. Text the certificate could not take
     * (too long, or with a character it cannot print) is refused, naming the form field, and nothing is stored:
     * a {@link FormFieldValidationException}, so the task stays open and Tasklist shows why. So is a date that is
     * not a real calendar date or lies after today in India: every particular date records something that has
     * happened (a birth, the start of a residence), for every certificate type alike, so it is not after today nor
     * before {@link StateCalendar#EARLIEST_RECORDED}. So are particulars that
     * break a row of the type's rules ({@link ParticularsRules}, e.g. a groom under 21 on the date of marriage).
     */
    @Transactional
    void merge(String requestNumber, Map<String, Object> values, String actor) {
        LocalDate today = StateCalendar.dateOf(Instant.now(clock));
        values.forEach((name, value) -> {
            String field = ProcessVariables.PARTICULAR_PREFIX + name;
            if (value instanceof Date date) {
                checkHappened(field, StateCalendar.dateOf(date.toInstant()), today);
            }
            if (value instanceof String text) {
                checkDate(field, text.strip(), today);
                if (text.strip().length() > MAX_TEXT_LENGTH) {
                    throw new FormFieldValidationException(field, field + " must be at most " + MAX_TEXT_LENGTH
                            + " characters.");
                }
                printable.refusal(text).ifPresent(refusal -> {
                    throw new FormFieldValidationException(field, field + " " + refusal + ".");
                });
            }
        });
        ServiceRequest request = requests.require(requestNumber);
        Map<String, Object> merged = new LinkedHashMap<>(request.getParticulars());
        values.forEach((name, value) -> {
            if (value == null || (value instanceof String text && text.isBlank())) {
                merged.remove(name);
            } else {
                merged.put(name, storable(value));
            }
        });
        rules.broken(request.getCertificateType(), merged).stream().findFirst().ifPresent(broken -> {
            String field = ProcessVariables.PARTICULAR_PREFIX + broken.field();
            throw new FormFieldValidationException(field, field + ": " + broken.sentence());
        });
        request.setParticulars(merged);
        repository.save(request);
        requests.record(request, MILESTONE, actor, String.join(", ", values.keySet()));
    }

    /**
     * Text shaped like a date must be a real date of something that has happened ({@link StateCalendar#notHappened}):
     * a form's date (2026-11-20), a signed or long year (-0001-01-01, +10000-01-01) and a moment (0000-01-01T00:00Z)
     * alike, since the certificate and the type's rules read each of them as a date.
     */
    private static void checkDate(String field, String text, LocalDate today) {
        if (!DATE_LIKE.matcher(text).matches()) {
            return;
        }
        LocalDate date;
        try {
            date = text.contains("T") ? StateCalendar.dateOf(Instant.parse(text)) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new FormFieldValidationException(field, field + " is not a real date: " + Excerpt.of(text)
                    + " (यह तिथि कैलेंडर में नहीं है).");
        }
        checkHappened(field, date, today);
    }

    private static void checkHappened(String field, LocalDate date, LocalDate today) {
        StateCalendar.notHappened(date, today).ifPresent(refusal -> {
            throw new FormFieldValidationException(field, field + " " + refusal + ".");
        });
    }

    /** JSON-friendly: text, numbers and booleans as they are; dates as ISO-8601 text; anything else as text. */
    private static Object storable(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        return value.toString();
    }
}
