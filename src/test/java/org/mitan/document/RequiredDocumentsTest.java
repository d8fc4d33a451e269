package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.dmn.DecisionsEvaluationBuilder;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class RequiredDocumentsTest {

    private static DmnEngine dmn;
    private static DmnDecision sample;

    static final RequiredDocument BIRTH_REPORT = new RequiredDocument("birth-report", "Birth report", "", true, "");
    static final RequiredDocument PARENT_ID = new RequiredDocument("parent-id", "Parent's ID proof", "", true, "");
    static final RequiredDocument AFFIDAVIT =
            new RequiredDocument("late-registration-affidavit", "Late-registration affidavit", "", false, "");
    static final RequiredDocument VOTER_ID = new RequiredDocument("voter-id", "Voter ID", "", true, "residence");
    static final RequiredDocument RATION_CARD =
            new RequiredDocument("ration-card", "Ration card", "", true, "residence");

    @BeforeAll
    static void sampleTable() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = RequiredDocumentsTest.class.getResourceAsStream("required-documents-sample.dmn")) {
            sample = dmn.parseDecision("required-documents", in);
        }
    }

    @Test
    void readsTheRowsOfTheDecisionAsTheDmnEngineReturnsThem() {
        List<RequiredDocument> birth = RequiredDocuments.fromResult(evaluateSample("birth-certificate"));

        assertThat(birth).containsExactly(
                new RequiredDocument("birth-report", "Birth report", "जन्म की सूचना", true, ""),
                new RequiredDocument("parent-id", "Parent's ID proof", "माता-पिता का पहचान पत्र", true, ""),
                new RequiredDocument("address-proof", "Address proof", "पते का प्रमाण", true, ""),
                new RequiredDocument("late-registration-affidavit", "Late-registration affidavit",
                        "विलंबित पंजीयन शपथ पत्र", false, ""));
        assertThat(birth).noneMatch(RequiredDocument::isAlternative);

        List<RequiredDocument> residence = RequiredDocuments.fromResult(evaluateSample("residence-certificate"));
        assertThat(residence).extracting(RequiredDocument::oneOfGroup).containsOnly("residence-proof");
        assertThat(RequiredDocuments.requirements(residence)).singleElement()
                .satisfies(group -> assertThat(group.label()).isEqualTo("Voter ID or Ration card"));
    }

    @Test
    void aRowWithoutDocumentTypeIsAConfigurationError() {
        assertThatThrownBy(() -> RequiredDocuments.fromResult(List.of(Map.of("label", "Something"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no documentType");
    }

    @Test
    void missingListsEachMandatoryDocumentNotUploadedAndIgnoresOptionalOnes() {
        List<RequiredDocument> rows = List.of(BIRTH_REPORT, PARENT_ID, AFFIDAVIT);

        assertThat(RequiredDocuments.missing(rows, Set.of()))
                .extracting(DocumentRequirement::label).containsExactly("Birth report", "Parent's ID proof");
        assertThat(RequiredDocuments.missing(rows, Set.of("birth-report")))
                .extracting(DocumentRequirement::label).containsExactly("Parent's ID proof");
        assertThat(RequiredDocuments.missing(rows, Set.of("birth-report", "parent-id"))).isEmpty();
    }

    @Test
    void aOneOfGroupIsMetByAnyOfItsAlternatives() {
        List<RequiredDocument> rows = List.of(BIRTH_REPORT, VOTER_ID, RATION_CARD);

        assertThat(RequiredDocuments.missing(rows, Set.of("birth-report")))
                .singleElement().satisfies(group -> {
                    assertThat(group.isChoice()).isTrue();
                    assertThat(group.alternatives()).containsExactly(VOTER_ID, RATION_CARD);
                });
        assertThat(RequiredDocuments.missing(rows, Set.of("birth-report", "ration-card"))).isEmpty();
        assertThat(RequiredDocuments.missing(rows, Set.of("birth-report", "voter-id"))).isEmpty();
    }

    @Test
    void aGroupOfOptionalAlternativesIsNeverMissing() {
        RequiredDocument a = new RequiredDocument("a", "A", "", false, "extra");
        RequiredDocument b = new RequiredDocument("b", "B", "", false, "extra");

        assertThat(RequiredDocuments.requirements(List.of(a, b))).singleElement()
                .satisfies(group -> assertThat(group.mandatory()).isFalse());
        assertThat(RequiredDocuments.missing(List.of(a, b), Set.of())).isEmpty();
    }

    @Test
    void requirementsKeepTheTableOrderAndGatherEachGroupWhereItFirstAppears() {
        List<RequiredDocument> rows = List.of(VOTER_ID, BIRTH_REPORT, RATION_CARD, AFFIDAVIT);

        assertThat(RequiredDocuments.requirements(rows)).extracting(DocumentRequirement::label)
                .containsExactly("Voter ID or Ration card", "Birth report", "Late-registration affidavit");
    }

    @Test
    void evaluatesTheDecisionAsTheApplicationAndGivesTheCallersAuthenticationBack() {
        DecisionService decisions = mock(DecisionService.class);
        IdentityService identity = mock(IdentityService.class);
        DecisionsEvaluationBuilder builder = mock(DecisionsEvaluationBuilder.class);
        DmnDecisionResult result = mock(DmnDecisionResult.class);
        Authentication mitan = new Authentication("mitan1", List.of("mitan"));
        when(identity.getCurrentAuthentication()).thenReturn(mitan);
        when(decisions.evaluateDecisionByKey("required-documents")).thenReturn(builder);
        when(builder.variables(Map.of("certificateType", "birth-certificate"))).thenReturn(builder);
        when(builder.evaluate()).thenReturn(result);
        when(result.getResultList()).thenReturn(evaluateSample("birth-certificate"));

        List<RequiredDocument> rows = new RequiredDocuments(decisions, identity).forType("birth-certificate");

        assertThat(rows).extracting(RequiredDocument::documentType)
                .containsExactly("birth-report", "parent-id", "address-proof", "late-registration-affidavit");
        InOrder order = inOrder(identity, builder);
        order.verify(identity).clearAuthentication();
        order.verify(builder).evaluate();
        order.verify(identity).setAuthentication(mitan);
    }

    @Test
    void aTypeWithoutRowsIsAConfigurationErrorNamingTheType() {
        DecisionService decisions = mock(DecisionService.class);
        DecisionsEvaluationBuilder builder = mock(DecisionsEvaluationBuilder.class);
        DmnDecisionResult result = mock(DmnDecisionResult.class);
        when(decisions.evaluateDecisionByKey("required-documents")).thenReturn(builder);
        when(builder.variables(anyMap())).thenReturn(builder);
        when(builder.evaluate()).thenReturn(result);
        when(result.getResultList()).thenReturn(List.of());

        assertThatThrownBy(() -> new RequiredDocuments(decisions, mock(IdentityService.class)).forType("gumasta"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'gumasta'");
    }

    private static List<Map<String, Object>> evaluateSample(String certificateType) {
        return dmn.evaluateDecision(sample, Map.of("certificateType", certificateType)).getResultList();
    }
}
