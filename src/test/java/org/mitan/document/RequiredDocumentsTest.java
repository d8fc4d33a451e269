package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mitan.catalogue.TestTypes;
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
    void readsTheLatestDeployedTableAsTheApplicationAndGivesTheCallersAuthenticationBack() {
        Deployed deployed = new Deployed();
        Authentication mitan = new Authentication("mitan1", List.of("mitan"));
        when(deployed.identity.getCurrentAuthentication()).thenReturn(mitan);

        List<RequiredDocument> rows = deployed.requiredDocuments.forType("birth-certificate");

        assertThat(rows).extracting(RequiredDocument::documentType)
                .containsExactly("birth-report", "parent-id", "address-proof", "late-registration-affidavit");
        assertThat(rows).isEqualTo(RequiredDocuments.fromResult(evaluateSample("birth-certificate")));
        verify(deployed.query).decisionDefinitionKey("birth-certificate-documents");
        verify(deployed.query).latestVersion();
        InOrder order = inOrder(deployed.identity, deployed.repository);
        order.verify(deployed.identity).clearAuthentication();
        order.verify(deployed.repository).getDmnModelInstance("required-documents:1:a");
        order.verify(deployed.identity).setAuthentication(mitan);
    }

    @Test
    void parsesEachDeployedVersionOnceAndPicksUpANewVersion() throws Exception {
        Deployed deployed = new Deployed();
        deployed.requiredDocuments.forType("birth-certificate");
        deployed.requiredDocuments.forType("birth-certificate");
        verify(deployed.repository, times(1)).getDmnModelInstance("required-documents:1:a");

        DecisionDefinition newer = definition("required-documents:2:b");
        when(deployed.query.singleResult()).thenReturn(newer);
        when(deployed.repository.getDmnModelInstance("required-documents:2:b")).thenReturn(Dmn.readModelFromStream(
                new ByteArrayInputStream(sampleXml().replace("\"Birth report\"", "\"Hospital birth report\"")
                        .getBytes(StandardCharsets.UTF_8))));

        assertThat(deployed.requiredDocuments.forType("birth-certificate")).first()
                .extracting(RequiredDocument::label).isEqualTo("Hospital birth report");
        assertThat(deployed.requiredDocuments.forType("birth-certificate")).first()
                .extracting(RequiredDocument::label).isEqualTo("Hospital birth report");
        verify(deployed.repository, times(1)).getDmnModelInstance("required-documents:2:b");
    }

    @Test
    void evaluatesEachParsedTableOncePerTypeAndAgainForANewVersion() throws Exception {
        Deployed deployed = new Deployed();
        List<RequiredDocument> first = deployed.requiredDocuments.forType("birth-certificate");

        assertThat(deployed.requiredDocuments.forType("birth-certificate")).isSameAs(first);
        assertThat(deployed.requiredDocuments.forType("residence-certificate")).isNotEqualTo(first);

        DecisionDefinition version2 = definition("required-documents:2:b");
        when(deployed.query.singleResult()).thenReturn(version2);
        when(deployed.repository.getDmnModelInstance("required-documents:2:b")).thenReturn(Dmn.readModelFromStream(
                new ByteArrayInputStream(sampleXml().replace("\"Birth report\"", "\"Hospital birth report\"")
                        .getBytes(StandardCharsets.UTF_8))));
        List<RequiredDocument> newer = deployed.requiredDocuments.forType("birth-certificate");

        assertThat(newer).isNotSameAs(first).first().extracting(RequiredDocument::label)
                .isEqualTo("Hospital birth report");
        assertThat(deployed.requiredDocuments.forType("birth-certificate")).isSameAs(newer);
    }

    @Test
    void aTypeWithoutRowsIsAConfigurationErrorNamingTheType() {
        assertThatThrownBy(() -> new Deployed().requiredDocuments.forType("gumasta"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'gumasta'");
    }

    @Test
    void withoutADeployedTableNothingCanBeAskedFor() {
        Deployed deployed = new Deployed();
        when(deployed.query.singleResult()).thenReturn(null);

        assertThatThrownBy(() -> deployed.requiredDocuments.forType("birth-certificate"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("birth-certificate-documents")
                .hasMessageContaining("birth-certificate.dmn");
    }

    /**
     * The sample table deployed as version 1 of every type's documents table, behind mocked engine services (it
     * answers for several types, as a type's table answers for its own).
     */
    private static final class Deployed {

        final RepositoryService repository = mock(RepositoryService.class);
        final IdentityService identity = mock(IdentityService.class);
        final DecisionDefinitionQuery query = mock(DecisionDefinitionQuery.class, RETURNS_SELF);
        final RequiredDocuments requiredDocuments = new RequiredDocuments(TestTypes.askingEveryTime(repository),
                identity);

        Deployed() {
            when(repository.createDecisionDefinitionQuery()).thenReturn(query);
            DecisionDefinition first = definition("required-documents:1:a");
            when(query.singleResult()).thenReturn(first);
            when(repository.getDmnModelInstance("required-documents:1:a")).thenReturn(Dmn.readModelFromStream(
                    new ByteArrayInputStream(sampleXml().getBytes(StandardCharsets.UTF_8))));
        }
    }

    private static DecisionDefinition definition(String id) {
        DecisionDefinition definition = mock(DecisionDefinition.class);
        when(definition.getId()).thenReturn(id);
        when(definition.getKey()).thenReturn("required-documents");
        return definition;
    }

    private static String sampleXml() {
        try (InputStream in = RequiredDocumentsTest.class.getResourceAsStream("required-documents-sample.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> evaluateSample(String certificateType) {
        return dmn.evaluateDecision(sample, Map.of("certificateType", certificateType)).getResultList();
    }
}
