package org.mitan.certificate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.mitan.process.EngineCalls;
import org.springframework.stereotype.Component;

/**
 * What a correction type's decision {@code <key>-rules} (rows an analyst reads and edits in Camunda Modeler) makes
 * of one asked change: {@code clerical} or {@code substance}, the rule in English and Hindi, and the documents it
 * requires. The inputs are the entry ({@code field}) and two facts about the change that nobody types:
 * {@code editDistance}, how many letters differ between the register's value and the one asked for (a spelling
 * mistake is one or two), and {@code sameCharacters}, whether the new value is the old one's characters in another
 * order (a transposed date, {@code 2024-03-12} for {@code 2024-12-03}).
 */
@Component
class CorrectionRules {

    private final DecisionService decisions;
    private final IdentityService identity;

    CorrectionRules(DecisionService decisions, IdentityService identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    /** The decision's verdict on one change. */
    record Verdict(String kind, String rule, String ruleHi, List<String> documents) {
    }

    static String decisionOf(String correctionType) {
        return correctionType + "-rules";
    }

    /** The first matching row; a table without one for this change is a configuration error (an incident). */
    Verdict judge(String correctionType, String field, String oldValue, String newValue) {
        String key = decisionOf(correctionType);
        Map<String, Object> facts = Map.of("field", field, "editDistance", editDistance(oldValue, newValue),
                "sameCharacters", sameCharacters(oldValue, newValue));
        DmnDecisionRuleResult row = EngineCalls.withoutAuthentication(identity, () -> decisions
                .evaluateDecisionTableByKey(key).variables(facts).evaluate().getFirstResult());
        if (row == null) {
            throw new IllegalStateException("The decision '" + key + "' has no row for a change of '" + field
                    + "': add one (or a last row for every other entry) to " + correctionType + ".dmn and deploy it.");
        }
        String kind = text(row.get("kind"));
        if (!CorrectionChange.CLERICAL.equals(kind) && !CorrectionChange.SUBSTANCE.equals(kind)) {
            throw new IllegalStateException("The decision '" + key + "' answers the kind '" + kind + "' for '" + field
                    + "'; a row's kind is \"clerical\" or \"substance\".");
        }
        List<String> documents = Arrays.stream(text(row.get("documents")).split(",")).map(String::strip)
                .filter(type -> !type.isEmpty()).toList();
        return new Verdict(kind, text(row.get("rule")), text(row.get("ruleHi")), documents);
    }

    /** Letters that differ (Levenshtein, by code point, ignoring case and spaces at the ends). */
    static int editDistance(String oldValue, String newValue) {
        int[] a = normal(oldValue).codePoints().toArray();
        int[] b = normal(newValue).codePoints().toArray();
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    /** Whether the new value is the old one's characters in another order. */
    static boolean sameCharacters(String oldValue, String newValue) {
        String a = normal(oldValue);
        String b = normal(newValue);
        return !a.equals(b) && Arrays.equals(a.codePoints().sorted().toArray(), b.codePoints().sorted().toArray());
    }

    private static String normal(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
