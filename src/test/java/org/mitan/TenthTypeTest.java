package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/** How the test-only type's deployment is put together, without an engine. */
class TenthTypeTest {

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Test
    void theAppendedTablesKeepEveryExistingRuleAsItIsAndAddTheTypesRows() {
        for (String decisionId : List.of(TenthType.SERVICE_LEVEL, TenthType.REQUIRED_DOCUMENTS)) {
            DmnModelInstance original = TenthType.table(decisionId);
            DmnModelInstance appended = decisionId.equals(TenthType.SERVICE_LEVEL) ? TenthType.serviceLevelTable()
                    : TenthType.requiredDocumentsTable();

            List<String> before = ruleXml(original, decisionId);
            List<String> after = ruleXml(appended, decisionId);
            assertThat(after.subList(0, before.size())).as(decisionId).isEqualTo(before);
            assertThat(after).as(decisionId).hasSizeGreaterThan(before.size());
            assertThat(TenthType.typesNamed(appended, decisionId))
                    .containsExactlyElementsOf(append(TenthType.typesNamed(original, decisionId), TenthType.KEY));
            for (String type : TenthType.typesNamed(original, decisionId)) {
                assertThat(evaluate(appended, decisionId, type)).as("%s for %s", decisionId, type)
                        .isEqualTo(evaluate(original, decisionId, type));
            }
        }
    }

    @Test
    void theServiceLevelRowHoldsTheValuesTypedByColumn() {
        List<Map<String, Object>> rows = evaluate(TenthType.serviceLevelTable(), TenthType.SERVICE_LEVEL,
                TenthType.KEY);

        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row).containsEntry("serviceName", "Test permit")
                .containsEntry("scrutinyGroup", "clerk")
                .containsEntry("authorityGroup", "registrar")
                .containsEntry("legalDueDays", 15)
                .containsEntry("holderParticular", "holderName");
        assertThat(row.keySet()).containsExactlyInAnyOrderElementsOf(outputNames(TenthType.table(TenthType.SERVICE_LEVEL),
                TenthType.SERVICE_LEVEL));
    }

    @Test
    void theDocumentRowsComeInTheOrderOfTheCsvWithTheirGroupsAndFlags() {
        List<Map<String, Object>> rows = evaluate(TenthType.requiredDocumentsTable(), TenthType.REQUIRED_DOCUMENTS,
                TenthType.KEY);

        assertThat(rows).extracting(row -> row.get("documentType")).containsExactly("holder-id", "purpose-letter",
                "ration-card", "electricity-bill", "supporting-note");
        assertThat(rows).extracting(row -> row.get("mandatory")).containsExactly(true, true, true, true, false);
        assertThat(rows).extracting(row -> row.get("oneOfGroup")).containsExactly("", "", "residence", "residence",
                "");
        assertThat(rows.get(0).get("labelHi")).isEqualTo("परमिट धारक का पहचान पत्र");
    }

    @Test
    void anOutputColumnTheTestDataDoesNotKnowStopsItNamingTheColumn() {
        DmnModelInstance table = TenthType.table(TenthType.SERVICE_LEVEL);
        Output stampDuty = table.newInstance(Output.class);
        stampDuty.setId("Output_StampDuty");
        stampDuty.setLabel("Stamp duty (rupees)");
        stampDuty.setName("stampDuty");
        stampDuty.setTypeRef("integer");
        decisionTable(table, TenthType.SERVICE_LEVEL).getOutputs().add(stampDuty);

        assertThatThrownBy(() -> TenthType.appendRows(table, TenthType.SERVICE_LEVEL, TenthType.KEY,
                List.of(TenthType.serviceLevelRow()), TenthType.SERVICE_LEVEL_ROW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("output column 'stampDuty'")
                .hasMessageContaining(TenthType.SERVICE_LEVEL_ROW);
    }

    @Test
    void aValueThatDoesNotFitItsColumnOrASecondRuleForTheTypeIsRefused() {
        Map<String, String> row = new LinkedHashMap<>(TenthType.serviceLevelRow());
        row.put("legalDueDays", "fifteen");
        assertThatThrownBy(() -> TenthType.appendRows(TenthType.table(TenthType.SERVICE_LEVEL),
                TenthType.SERVICE_LEVEL, TenthType.KEY, List.of(row), "the test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'legalDueDays'")
                .hasMessageContaining("'fifteen'");

        assertThatThrownBy(() -> TenthType.appendRows(TenthType.serviceLevelTable(), TenthType.SERVICE_LEVEL,
                TenthType.KEY, List.of(TenthType.serviceLevelRow()), "the test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already has a rule for 'test-permit'");
    }

    @Test
    void theDeploymentCarriesTheSharedModelsAndEveryFormTheyBindByDeployment() {
        Map<String, byte[]> resources = TenthType.deploymentResources();

        assertThat(resources).containsKeys("test-permit.bpmn", "doorstep-visit.bpmn", "home-delivery.bpmn",
                "service-level.dmn", "required-documents.dmn", "test-permit-particulars.form",
                "request-registration.form", "document-scrutiny.form", "authority-decision.form",
                "doorstep-visit.form", "mitan-assignment.form", "certificate-delivery.form");
        assertThat(resources).doesNotContainKey("birth-certificate.bpmn").doesNotContainKey("birth-particulars.form");
        assertThat(resources.get("doorstep-visit.bpmn")).isEqualTo(TenthType.classpath("processes/doorstep-visit.bpmn"));
        assertThat(TenthType.formIds(TenthType.models().values()))
                .allSatisfy(id -> assertThat(resources).containsKey(id + ".form"));
    }

    private List<Map<String, Object>> evaluate(DmnModelInstance model, String decisionId, String type) {
        return dmn.evaluateDecisionTable(dmn.parseDecision(decisionId, model), Map.of("certificateType", type))
                .getResultList();
    }

    private static List<String> ruleXml(DmnModelInstance model, String decisionId) {
        return decisionTable(model, decisionId).getRules().stream().map(Rule::getDomElement)
                .map(element -> element.getTextContent() + "|" + element.getAttribute("id")).toList();
    }

    private static List<String> outputNames(DmnModelInstance model, String decisionId) {
        return decisionTable(model, decisionId).getOutputs().stream().map(Output::getName).toList();
    }

    private static DecisionTable decisionTable(DmnModelInstance model, String decisionId) {
        return (DecisionTable) ((Decision) model.getModelElementById(decisionId)).getExpression();
    }

    private static List<String> append(List<String> list, String element) {
        List<String> all = new ArrayList<>(list);
        all.add(element);
        return all;
    }
}
