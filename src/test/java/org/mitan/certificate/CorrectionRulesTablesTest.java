package org.mitan.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The correction types' rules tables ({@code <key>-rules}) evaluated without an engine, on the facts
 * {@link CorrectionRules} works out from the register's value and the one asked for: what is clerical (the registrar
 * corrects) and what is of substance (affidavit and the higher authority's approval).
 */
class CorrectionRulesTablesTest {

    static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @ParameterizedTest(name = "{0}: {1} ''{2}'' to ''{3}'' is {4}")
    @CsvSource(delimiter = '|', textBlock = """
            birth-correction    | fatherName       | Mohan Sahu                | Mohan Saahu               | clerical
            birth-correction    | motherName       | Kamla Sahu                | Kamala Sahu               | clerical
            birth-correction    | fatherName       | Mohan Sahu                | Ramesh Verma              | substance
            birth-correction    | childName        | Aarav Sahu                | Vivaan Sahu               | substance
            birth-correction    | dateOfBirth      | 2024-03-12                | 2024-12-03                | clerical
            birth-correction    | dateOfBirth      | 2024-03-12                | 2024-03-02                | substance
            birth-correction    | sex              | male                      | female                    | substance
            birth-correction    | placeOfBirth     | District Hospital, Raipur | Mekahara Hospital, Raipur | clerical
            death-correction    | dateOfDeath      | 2025-11-21                | 2025-12-11                | clerical
            death-correction    | dateOfDeath      | 2025-11-21                | 2025-10-21                | substance
            death-correction    | sex              | female                    | male                      | substance
            death-correction    | spouseName       | Ramlal Sahu               | Shyamlal Verma            | substance
            death-correction    | deceasedName     | शांति बाई                   | शान्ति बाई                   | clerical
            death-correction    | ageAtDeath       | 78                        | 87                        | clerical
            marriage-correction | dateOfMarriage   | 2023-02-14                | 2023-04-12                | clerical
            marriage-correction | brideDateOfBirth | 2001-05-06                | 2003-05-06                | substance
            marriage-correction | brideName        | Rekha Patel               | Rekha Patil               | clerical
            marriage-correction | groomName        | Suresh Kumar              | Dinesh Verma              | substance
            marriage-correction | witnessOneAddress | Ward 4                   | Ward 14, Raipur           | clerical
            """)
    void eachChangeIsClericalOrOfSubstanceAsTheTypesRulesSay(String type, String field, String oldValue,
            String newValue, String kind) {
        Map<String, Object> row = judge(type, field, oldValue, newValue);

        assertThat(row).containsEntry("kind", kind)
                .containsEntry("documents", kind.equals("substance") ? "correction-affidavit" : "");
        assertThat(row.get("rule").toString()).isNotBlank();
        assertThat(row.get("ruleHi").toString()).matches(".*[\\u0900-\\u097F].*");
    }

    @Test
    void theFactsAreWorkedOutAsPeopleWouldCountThem() {
        assertThat(CorrectionRules.editDistance("Mohan Sahu", "mohan saahu")).isEqualTo(1);
        assertThat(CorrectionRules.editDistance("Sahu", "Verma")).isEqualTo(5);
        assertThat(CorrectionRules.sameCharacters("2024-03-12", "2024-12-03")).isTrue();
        assertThat(CorrectionRules.sameCharacters("2024-03-12", "2024-03-12")).isFalse();
        assertThat(CorrectionRules.sameCharacters("2024-03-12", "2024-03-13")).isFalse();
    }

    private static Map<String, Object> judge(String type, String field, String oldValue, String newValue) {
        DmnDecisionResultEntries row = DMN.evaluateDecision(parse(type), Variables.createVariables()
                .putValue("field", field)
                .putValue("editDistance", CorrectionRules.editDistance(oldValue, newValue))
                .putValue("sameCharacters", CorrectionRules.sameCharacters(oldValue, newValue))).getFirstResult();
        assertThat(row).as("%s has a row for %s", type, field).isNotNull();
        return row.getEntryMap();
    }

    private static DmnDecision parse(String type) {
        try (InputStream file = CorrectionRulesTablesTest.class.getResourceAsStream("/processes/" + type + ".dmn")) {
            return DMN.parseDecision(type + "-rules", file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
