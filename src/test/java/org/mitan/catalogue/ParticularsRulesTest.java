package org.mitan.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;

/**
 * The marriage certificate's rules on its particulars, from its real DMN file: the groom at least 21 and the bride
 * at least 18 years old on the date of marriage (not on the day of the call), to the day.
 */
class ParticularsRulesTest {

    static final String MARRIAGE = "marriage-certificate";

    final RepositoryService repository = mock(RepositoryService.class, RETURNS_DEEP_STUBS);
    final ParticularsRules rules = TestTypes.particularsRules(repository, MARRIAGE);

    @Test
    void aGroomOfTwentyAndABrideOfSeventeenAreBothRefusedNamingTheirDatesOfBirth() {
        assertThat(rules.broken(MARRIAGE, Map.of("groomDateOfBirth", "2005-06-01", "brideDateOfBirth", "2008-06-01",
                "dateOfMarriage", "2026-04-20", "groomName", "Ravi")))
                .extracting(ParticularsRules.Broken::field).containsExactly("groomDateOfBirth", "brideDateOfBirth");
        assertThat(rules.broken(MARRIAGE, Map.of("groomDateOfBirth", "2005-06-01", "brideDateOfBirth", "2000-06-01",
                "dateOfMarriage", "2026-04-20"))).singleElement().satisfies(broken -> {
                    assertThat(broken.message()).contains("groom must be at least 21");
                    assertThat(broken.messageHi()).contains("वर की आयु कम से कम 21 वर्ष");
                });
    }

    @Test
    void theAgeIsCountedOnTheDateOfMarriageToTheDay() {
        // the groom turns 21 and the bride 18 on the wedding day: allowed
        assertThat(rules.broken(MARRIAGE, Map.of("groomDateOfBirth", "2005-04-20", "brideDateOfBirth", "2008-04-20",
                "dateOfMarriage", "2026-04-20"))).isEmpty();
        // one day short each
        assertThat(rules.broken(MARRIAGE, Map.of("groomDateOfBirth", "2005-04-21", "brideDateOfBirth", "2008-04-21",
                "dateOfMarriage", "2026-04-20"))).hasSize(2);
        // a bride of 17 at the wedding is refused even if she is 18 on the day of the call
        assertThat(rules.broken(MARRIAGE, Map.of("groomDateOfBirth", "1999-01-01", "brideDateOfBirth", "2007-12-01",
                "dateOfMarriage", "2025-06-01"))).extracting(ParticularsRules.Broken::field)
                .containsExactly("brideDateOfBirth");
    }

    @Test
    void datesFromADatePickerCountInTheStatesCalendar() {
        // midnight of 20 April 2005 in Raipur is 18:30 UTC on the 19th
        assertThat(rules.broken(MARRIAGE, Map.of("groomDateOfBirth", "2005-04-19T18:30:00Z",
                "brideDateOfBirth", "2000-01-01", "dateOfMarriage", "2026-04-19T18:30:00Z"))).isEmpty();
    }

    @Test
    void particularsWithoutTheDatesBreakNoRuleAndATypeWithoutRulesHasNone() {
        assertThat(rules.broken(MARRIAGE, Map.of("groomName", "Ravi"))).isEmpty();
        when(repository.createDecisionDefinitionQuery().decisionDefinitionKey("birth-certificate-particulars-rules")
                .latestVersion().singleResult()).thenReturn(null);
        assertThat(rules.broken("birth-certificate", Map.of("dateOfBirth", "2026-04-20"))).isEmpty();
    }
}
