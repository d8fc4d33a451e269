package org.mitan.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.File;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.TestTypes;
import org.mitan.catalogue.TypeTables;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;

/**
 * What a request pays, from the Gumasta licence's own DMN file as deployed: a fixed fee from its fees table, the
 * government fee from the department's table over the recorded particulars, and no guess when no row prices it.
 */
class FeeAmountsTest {

    private final DmnModelInstance tables = Dmn.readModelFromFile(new File("processes/gumasta-licence.dmn"));
    private final Catalogue catalogue = mock(Catalogue.class);
    private final RepositoryService repository = mock(RepositoryService.class, RETURNS_DEEP_STUBS);
    private final FeeAmounts amounts = new FeeAmounts(catalogue, TestTypes.askingEveryTime(repository),
            mock(IdentityService.class));

    @BeforeEach
    void deployed() {
        when(catalogue.require("gumasta-licence")).thenReturn(TypeTables.read(tables, "gumasta-licence"));
        DecisionDefinition definition = mock(DecisionDefinition.class);
        when(definition.getId()).thenReturn("gumasta-licence-government-fee:1:1");
        when(definition.getKey()).thenReturn("gumasta-licence-government-fee");
        when(repository.createDecisionDefinitionQuery().decisionDefinitionKey("gumasta-licence-government-fee")
                .latestVersion().singleResult()).thenReturn(definition);
        when(repository.getDmnModelInstance("gumasta-licence-government-fee:1:1")).thenReturn(tables);
    }

    @Test
    void theGovernmentFeeOfARestaurantWithTwelveEmployeesComesFromTheDepartmentsTable() {
        FeeDue fee = amounts.of(request(Map.of("category", "hotel-restaurant", "menEmployees", 8,
                "womenEmployees", 4)), "government-fee");

        assertThat(fee).isEqualTo(new FeeDue("government-fee", 1000, "Government registration fee",
                "सरकारी पंजीयन शुल्क"));
    }

    @Test
    void aFixedFeeComesFromTheFeesTable() {
        assertThat(amounts.of(request(Map.of()), "mitan-service"))
                .isEqualTo(new FeeDue("mitan-service", 50, "Mitan service fee", "मितान सेवा शुल्क"));
    }

    @Test
    void particularsNoRowPricesStopTheStepNamingTheTableRatherThanChargingAGuess() {
        assertThatThrownBy(() -> amounts.of(request(Map.of("category", "factory", "menEmployees", 8,
                "womenEmployees", 4)), "government-fee"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gumasta-licence-government-fee gives 0 rows")
                .hasMessageContaining("RPR-2026-000042");
    }

    @Test
    void aFeeTheTypeDoesNotPriceAtAllIsAnErrorNamingWhereToPriceIt() {
        when(repository.createDecisionDefinitionQuery().decisionDefinitionKey("gumasta-licence-stamp-duty")
                .latestVersion().singleResult()).thenReturn(null);

        assertThatThrownBy(() -> amounts.of(request(Map.of()), "stamp-duty"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prices no fee 'stamp-duty'")
                .hasMessageContaining("gumasta-licence-fees");
    }

    private static ServiceRequest request(Map<String, Object> particulars) {
        ServiceRequest request = new ServiceRequest("RPR-2026-000042", "gumasta-licence", "RPR", 12, "Ramesh Sahu",
                "9876543210", "Shop 4", VisitWindow.MORNING, "hi", "feedback-code",
                Instant.parse("2026-03-01T10:00:00Z"));
        request.setParticulars(particulars);
        return request;
    }
}
