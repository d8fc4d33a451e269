package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.CertificateType;
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
    @Autowired Catalogue types;
    @Autowired RepositoryService repository;

    @Test
    void eachTypeIsADeploymentOfItsOwnAndTheSharedStepsAreTheApplicationsDeployment() {
        assertThat(resourcesOf("birth-certificate")).containsExactlyInAnyOrder("birth-certificate.bpmn",
                "birth-certificate.dmn", "birth-certificate-particulars.form");
        assertThat(resourcesOf("caste-certificate")).containsExactlyInAnyOrder("caste-certificate.bpmn",
                "caste-certificate.dmn", "caste-certificate-particulars.form");
        assertThat(resourcesOf("mitan-shared")).contains("doorstep-visit.bpmn", "home-delivery.bpmn",
                "request-registration.form", "document-scrutiny.form", "authority-decision.form")
                .noneMatch(name -> name.startsWith("birth-certificate") || name.startsWith("caste-certificate"));
        assertThat(types.all()).extracting(CertificateType::key).contains("birth-certificate", "caste-certificate");
        assertThat(types.find("caste-certificate")).map(type -> type.names().hi()).contains("जाति प्रमाण पत्र");
    }

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

        decisions.evaluateDecisionByKey(ProcessKeys.BIRTH_CERTIFICATE + "-documents")
                .variables(Map.of("certificateType", ProcessKeys.BIRTH_CERTIFICATE)).evaluate();

        assertThat(decisionHistory()).isEqualTo(before + 1);
    }

    /** The files of the newest deployment of that name, as the application deployed them at start. */
    private List<String> resourcesOf(String deploymentName) {
        Deployment deployment = repository.createDeploymentQuery().deploymentName(deploymentName)
                .orderByDeploymentTime().desc().list().get(0);
        return repository.getDeploymentResourceNames(deployment.getId());
    }

    private long decisionHistory() {
        return history.createHistoricDecisionInstanceQuery().count();
    }
}
