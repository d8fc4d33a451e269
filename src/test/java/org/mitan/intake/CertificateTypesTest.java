package org.mitan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificateTypesTest {

    /** A service-level table like the deployed one; two types share a row, one input is not the type. */
    static final String SERVICE_LEVEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_ServiceLevel"
                         name="Service level" namespace="http://camunda.org/schema/1.0/dmn">
              <decision id="service-level" name="Service level and competent authority">
                <decisionTable id="DecisionTable_ServiceLevel" hitPolicy="UNIQUE">
                  <input id="Input_Channel" label="Channel">
                    <inputExpression id="InputExpression_Channel" typeRef="string"><text>channel</text></inputExpression>
                  </input>
                  <input id="Input_CertificateType" label="Certificate type">
                    <inputExpression id="InputExpression_CertificateType" typeRef="string">
                      <text>certificateType</text>
                    </inputExpression>
                  </input>
                  <output id="Output_ServiceName" name="serviceName" typeRef="string" />
                  <output id="Output_Department" name="department" typeRef="string" />
                  <output id="Output_OfficerDueDays" name="officerDueDays" typeRef="integer" />
                  <rule id="Rule_Birth">
                    <inputEntry id="E1"><text>-</text></inputEntry>
                    <inputEntry id="E2"><text>"birth-certificate"</text></inputEntry>
                    <outputEntry id="O1"><text>"Birth certificate"</text></outputEntry>
                    <outputEntry id="O2"><text>"Municipal body (Registrar of Births and Deaths)"</text></outputEntry>
                    <outputEntry id="O3"><text>2</text></outputEntry>
                  </rule>
                  <rule id="Rule_Revenue">
                    <inputEntry id="E3"><text>-</text></inputEntry>
                    <inputEntry id="E4"><text>"caste-certificate", "residence-certificate"</text></inputEntry>
                    <outputEntry id="O4"><text>"Revenue certificate"</text></outputEntry>
                    <outputEntry id="O5"><text>"Revenue (Tehsildar)"</text></outputEntry>
                    <outputEntry id="O6"><text>5</text></outputEntry>
                  </rule>
                  <rule id="Rule_Other">
                    <inputEntry id="E5"><text>-</text></inputEntry>
                    <inputEntry id="E6"><text>not("birth-certificate")</text></inputEntry>
                    <outputEntry id="O7"><text>"Anything else"</text></outputEntry>
                    <outputEntry id="O8"><text>"Nobody"</text></outputEntry>
                    <outputEntry id="O9"><text>9</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    private static final DmnModelInstance MODEL = parse(SERVICE_LEVEL);

    private final RepositoryService repository = mock(RepositoryService.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final DecisionDefinitionQuery decisions = mock(DecisionDefinitionQuery.class, RETURNS_SELF);
    private final ProcessDefinitionQuery allLatest = mock(ProcessDefinitionQuery.class, RETURNS_SELF);
    private final CertificateTypes types = new CertificateTypes(repository, identity);
    private final List<ProcessDefinition> deployed = new ArrayList<>();

    @BeforeEach
    void deploy() {
        when(repository.createDecisionDefinitionQuery()).thenReturn(decisions);
        DecisionDefinition decision = decision("service-level:1:a");
        when(decisions.singleResult()).thenReturn(decision);
        when(repository.getDmnModelInstance("service-level:1:a")).thenReturn(MODEL);
        when(repository.createProcessDefinitionQuery()).thenReturn(allLatest);
        when(allLatest.list()).thenAnswer(call -> List.copyOf(deployed));
        doAnswer(call -> {
            String key = call.getArgument(0);
            ProcessDefinitionQuery byKey = mock(ProcessDefinitionQuery.class, RETURNS_SELF);
            when(byKey.singleResult()).thenAnswer(c -> deployed.stream()
                    .filter(definition -> definition.getKey().equals(key)).findFirst().orElse(null));
            return byKey;
        }).when(allLatest).processDefinitionKey(anyString());
    }

    @Test
    void aDeployedProcessWithAServiceLevelRowIsATypeWithTheRowsNames() {
        deploy("birth-certificate", false);

        assertThat(types.find("birth-certificate")).contains(new CertificateType("birth-certificate",
                "Birth certificate", "Municipal body (Registrar of Births and Deaths)"));
        verify(decisions).decisionDefinitionKey("service-level");
        verify(decisions).latestVersion();
    }

    @Test
    void aRowWithoutADeployedProcessIsNoType() {
        assertThat(types.find("birth-certificate")).isEmpty();
    }

    @Test
    void aDeployedProcessWithoutARowIsNoType() {
        deploy("doorstep-visit", false);

        assertThat(types.find("doorstep-visit")).isEmpty();
        assertThat(types.all()).isEmpty();
    }

    @Test
    void aSuspendedProcessIsNoType() {
        deploy("birth-certificate", true);

        assertThat(types.find("birth-certificate")).isEmpty();
        assertThat(types.all()).isEmpty();
    }

    @Test
    void noServiceLevelDecisionMeansNoTypes() {
        deploy("birth-certificate", false);
        when(decisions.singleResult()).thenReturn(null);

        assertThat(types.find("birth-certificate")).isEmpty();
        assertThat(types.all()).isEmpty();
    }

    @Test
    void blankKeysAreNoTypes() {
        assertThat(types.find(null)).isEmpty();
        assertThat(types.find(" ")).isEmpty();
    }

    @Test
    void allListsTheDeployedTypesByKey() {
        deploy("residence-certificate", false);
        deploy("doorstep-visit", false);
        deploy("birth-certificate", false);

        assertThat(types.all()).extracting(CertificateType::key)
                .containsExactly("birth-certificate", "residence-certificate");
        assertThat(types.all()).extracting(CertificateType::serviceName)
                .containsExactly("Birth certificate", "Revenue certificate");
    }

    @Test
    void readsTheModelOncePerDecisionVersionAndAgainForANewVersion() {
        deploy("birth-certificate", false);
        types.find("birth-certificate");
        types.find("birth-certificate");
        types.all();
        verify(repository, times(1)).getDmnModelInstance("service-level:1:a");

        DecisionDefinition newer = decision("service-level:2:b");
        when(decisions.singleResult()).thenReturn(newer);
        when(repository.getDmnModelInstance("service-level:2:b"))
                .thenReturn(parse(SERVICE_LEVEL.replace("\"Birth certificate\"", "\"Birth registration\"")));

        assertThat(types.find("birth-certificate")).map(CertificateType::serviceName).contains("Birth registration");
        verify(repository, times(1)).getDmnModelInstance("service-level:2:b");
    }

    @Test
    void readsAsTheApplicationNotAsTheLoggedInUser() {
        deploy("birth-certificate", false);
        Authentication clerk = new Authentication("clerk1", List.of("clerk"));
        when(identity.getCurrentAuthentication()).thenReturn(clerk);

        assertThat(types.find("birth-certificate")).isPresent();

        verify(identity).clearAuthentication();
        verify(identity).setAuthentication(clerk);
    }

    @Test
    void aRowIsDescribedWhetherOrNotItsProcessCanBeStartedNow() {
        assertThat(types.row("birth-certificate")).map(CertificateType::serviceName).contains("Birth certificate");

        deploy("residence-certificate", true);
        assertThat(types.row("residence-certificate")).map(CertificateType::department)
                .contains("Revenue (Tehsildar)");
        assertThat(types.row("doorstep-visit")).isEmpty();
        assertThat(types.row(null)).isEmpty();
    }

    @Test
    void aTableWithoutTheHolderColumnNamesTheCitizen() {
        assertThat(types.row("birth-certificate")).map(CertificateType::holderParticular).isEmpty();
    }

    @Test
    void theDeployedServiceLevelTableNamesTheChildAsTheHolderOfABirthCertificate() throws Exception {
        DmnModelInstance deployedFile;
        try (InputStream file = CertificateTypesTest.class.getResourceAsStream("/processes/service-level.dmn")) {
            deployedFile = Dmn.readModelFromStream(file);
        }
        when(repository.getDmnModelInstance("service-level:1:a")).thenReturn(deployedFile);
        deploy("birth-certificate", false);

        assertThat(types.find("birth-certificate")).contains(new CertificateType("birth-certificate",
                "Birth certificate", "Municipal body (Registrar of Births and Deaths)", "childName"));
        assertThat(types.row("birth-certificate")).map(CertificateType::holderParticular).contains("childName");
    }

    @Test
    void theDeployedServiceLevelTableOffersTheCasteCertificateOfTheRevenueDepartmentNamingTheApplicant()
            throws Exception {
        DmnModelInstance deployedFile;
        try (InputStream file = CertificateTypesTest.class.getResourceAsStream("/processes/service-level.dmn")) {
            deployedFile = Dmn.readModelFromStream(file);
        }
        when(repository.getDmnModelInstance("service-level:1:a")).thenReturn(deployedFile);
        deploy("caste-certificate", false);

        assertThat(types.find("caste-certificate")).contains(new CertificateType("caste-certificate",
                "Caste certificate", "Revenue department (Tehsildar)", "applicantName"));
    }

    @Test
    void readListsEveryTypeOfARowAndIgnoresOpenEntries() {
        Map<String, CertificateType> rows = CertificateTypes.read(MODEL, "service-level");

        assertThat(rows).containsOnlyKeys("birth-certificate", "caste-certificate", "residence-certificate");
        assertThat(rows.get("caste-certificate").department()).isEqualTo("Revenue (Tehsildar)");
        assertThat(rows.get("residence-certificate").serviceName()).isEqualTo("Revenue certificate");
    }

    @Test
    void readRefusesAModelWithoutThatDecisionTable() {
        assertThatThrownBy(() -> CertificateTypes.read(MODEL, "required-documents"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("required-documents");
    }

    private void deploy(String key, boolean suspended) {
        ProcessDefinition definition = mock(ProcessDefinition.class);
        when(definition.getKey()).thenReturn(key);
        when(definition.isSuspended()).thenReturn(suspended);
        deployed.add(definition);
    }

    private static DecisionDefinition decision(String id) {
        DecisionDefinition decision = mock(DecisionDefinition.class);
        when(decision.getId()).thenReturn(id);
        when(decision.getKey()).thenReturn("service-level");
        return decision;
    }

    static DmnModelInstance parse(String xml) {
        return Dmn.readModelFromStream(new ByteArrayInputStream(xml.strip().getBytes(StandardCharsets.UTF_8)));
    }

}
