package org.mitan.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.mitan.numbering.StateCalendar;
import org.mitan.process.EngineCalls;
import org.springframework.stereotype.Service;

/**
 * A type's rules on its particulars, read from its optional decision {@code <key>-particulars-rules}: every row that
 * matches the particulars (by name, dates as dates) refuses them, naming the particular, with a message in English
 * and Hindi, e.g. the marriage certificate's "groom at least 21, bride at least 18 on the date of marriage". Analysts
 * edit the rows; a type without the decision has no such rules. Evaluated in memory, like the documents table: the
 * latest deployed version, parsed once, no decision history (a refusal stores nothing). Part of the type's tables, so
 * that every module that takes particulars applies the same rows: intake where they are entered, the register's
 * corrections to an entry as it stands corrected.
 */
@Service
public class ParticularsRules {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final DeployedVersions versions;
    private final IdentityService identity;
    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Map<String, LatestDecision<DmnDecision>> decisions = new ConcurrentHashMap<>();

    ParticularsRules(DeployedVersions versions, IdentityService identity) {
        this.versions = versions;
        this.identity = identity;
    }

    static String decisionKey(String certificateType) {
        return certificateType + "-particulars-rules";
    }

    /** The rows the particulars break, in table order; none when the type has no rules. */
    public List<Broken> broken(String certificateType, Map<String, Object> particulars) {
        String key = decisionKey(certificateType);
        LatestDecision<DmnDecision> latest = decisions.computeIfAbsent(key, decisionKey -> new LatestDecision<>(
                versions, decisionKey, (definition, model) -> dmn.parseDecision(definition.getKey(), model)));
        Optional<DmnDecision> table = EngineCalls.withoutAuthentication(identity, latest::get);
        if (table.isEmpty()) {
            return List.of();
        }
        Map<String, Object> variables = new HashMap<>();
        particulars.forEach((name, value) -> variables.put(name, typed(value)));
        List<Broken> broken = new ArrayList<>();
        for (Map<String, Object> row : dmn.evaluateDecision(table.get(), variables).getResultList()) {
            broken.add(new Broken(text(row.get("field")), text(row.get("message")), text(row.get("messageHi"))));
        }
        return broken;
    }

    /** Dates as recorded ("2001-04-20", or an instant from a date picker) become dates; the rest stays as it is. */
    static Object typed(Object value) {
        if (value instanceof String text) {
            String trimmed = text.strip();
            try {
                if (DATE.matcher(trimmed).matches()) {
                    return LocalDate.parse(trimmed);
                }
                if (trimmed.length() > 10 && DATE.matcher(trimmed.substring(0, 10)).matches()
                        && trimmed.charAt(10) == 'T') {
                    return StateCalendar.dateOf(Instant.parse(trimmed));
                }
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }

    /** A rule the particulars break: the particular it names and why, in English and Hindi. */
    public record Broken(String field, String message, String messageHi) {

        public String sentence() {
            return messageHi.isEmpty() ? message : message + " / " + messageHi;
        }
    }
}
