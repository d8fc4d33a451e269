package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.mitan.document.RequiredDocument;
import org.mitan.document.RequiredDocuments;
import org.mitan.process.ProcessKeys;
import org.mitan.singlewindow.ServiceCatalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The decision tables as the application reads them from what the engine deployed out of {@code processes/}:
 * no stubs, full history as in production. Configured like DocumentApiIntegrationTest, so the two share one context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedInfrastructure.class)
@ActiveProfiles("test")
class DeployedDecisionsTest {

    @Autowired RequiredDocuments requiredDocuments;
    @Autowired ServiceCatalogue catalogue;
    @Autowired HistoryService history;
    @Autowired DecisionService decisions;

    @Test
    void theBirthCertificateNamesTheChildNotTheCitizenWhoAsked() {
        assertThat(catalogue.holderParticular(ProcessKeys.BIRTH_CERTIFICATE)).contains("childName");
        ServiceCatalogue.ServiceDescription birth = catalogue.describe(ProcessKeys.BIRTH_CERTIFICATE);
        assertThat(birth.serviceName()).isEqualTo("Birth certificate");
        assertThat(birth.holderParticular()).isEqualTo("childName");
    }

    @Test
    void readingTheDocumentsATypeAsksForWritesNoDecisionHistory() {
        long before = decisionHistory();

        assertThat(requiredDocuments.forType(ProcessKeys.BIRTH_CERTIFICATE)).extracting(RequiredDocument::documentType)
                .contains("birth-report", "parent-id");
        assertThat(requiredDocuments.forType(ProcessKeys.BIRTH_CERTIFICATE)).isNotEmpty();
        catalogue.describe(ProcessKeys.BIRTH_CERTIFICATE);
        catalogue.holderParticular(ProcessKeys.BIRTH_CERTIFICATE);

        assertThat(decisionHistory()).isEqualTo(before);
    }

    /** The control: in this configuration an evaluation through the engine's DecisionService is recorded. */
    @Test
    void anEvaluationThroughTheDecisionServiceWouldHaveBeenRecorded() {
        long before = decisionHistory();

        decisions.evaluateDecisionByKey(ProcessKeys.DECISION_REQUIRED_DOCUMENTS)
                .variables(Map.of("certificateType", ProcessKeys.BIRTH_CERTIFICATE)).evaluate();

        assertThat(decisionHistory()).isEqualTo(before + 1);
    }

    private long decisionHistory() {
        return history.createHistoricDecisionInstanceQuery().count();
    }
}
