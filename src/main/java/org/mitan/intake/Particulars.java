package org.mitan.intake;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.mitan.process.ProcessVariables;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
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

    private final Requests requests;
    private final ServiceRequestRepository repository;
    private final PrintableCharacters printable;
    private final ParticularsRules rules;

    Particulars(Requests requests, ServiceRequestRepository repository, PrintableCharacters printable,
            ParticularsRules rules) {
        this.requests = requests;
        this.repository = repository;
        this.printable = printable;
        this.rules = rules;
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
     * a {@link FormFieldValidationException}, so the task stays open and Tasklist shows why. So are particulars
     * that break a row of the type's rules ({@link ParticularsRules}, e.g. a groom under 21 on the date of marriage).
     */
    @Transactional
    void merge(String requestNumber, Map<String, Object> values, String actor) {
        values.forEach((name, value) -> {
            if (value instanceof String text) {
                String field = ProcessVariables.PARTICULAR_PREFIX + name;
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
