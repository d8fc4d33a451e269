package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mitan.process.ProcessTestSupport.NOW;
import static org.mitan.process.ProcessTestSupport.inDays;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.TestTypes;
import org.mitan.intake.ServiceLevels;
import org.mitan.intake.Steps;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;

/**
 * A request started on the version 1.0.0 models (one deployment with every type, the shared {@code service-level}
 * table, everything bound by deployment; kept in {@code src/test/resources/legacy-1.0.0/}) finishes after the
 * upgrade: the new shape is deployed beside it, and the real {@code serviceLevels} bean answers the old models'
 * questions from the type's new tables, by the task being created.
 */
class LegacyRequestsTest extends EngineProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.unmeasured();

    static final String REQUEST = "RPR-2025-000900";
    static final String MITAN = "mitan.raipur.1";
    private static final String[] LEGACY = {"birth-certificate.bpmn", "doorstep-visit.bpmn", "home-delivery.bpmn",
        "service-level.dmn", "required-documents.dmn", "request-registration.form", "doorstep-visit.form",
        "birth-particulars.form", "document-scrutiny.form", "authority-decision.form", "mitan-assignment.form",
        "certificate-delivery.form"};
    private static final String[] CURRENT = {"processes/birth-certificate.bpmn", "processes/birth-certificate.dmn",
        "processes/doorstep-visit.bpmn", "processes/home-delivery.bpmn", "forms/request-registration.form",
        "forms/doorstep-visit.form", "forms/birth-certificate-particulars.form", "forms/document-scrutiny.form",
        "forms/authority-decision.form", "forms/mitan-assignment.form", "forms/certificate-delivery.form"};

    private final List<String> deployments = new ArrayList<>();
    private final RecordingSms sms = new RecordingSms();
    private final FakeMitans mitans = new FakeMitans(MITAN);

    @BeforeEach
    void theOldVersionRunsAndTheNewShapeIsDeployedBesideIt() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        deployments.add(deploy("mitanApplication", "legacy-1.0.0/", LEGACY));
        deployments.add(deploy("birth-certificate", "", CURRENT));

        Requests requests = mock(Requests.class);
        when(requests.require(REQUEST)).thenReturn(new ServiceRequest(REQUEST, ProcessKeys.BIRTH_CERTIFICATE, "RPR",
                12, "Asha Verma", "9876543210", "12 Station Road", VisitWindow.MORNING, "hi", "code", NOW));
        IdentityService identity = mock(IdentityService.class);
        Catalogue catalogue = TestTypes.catalogue(repositoryService(), identity);
        Mocks.register("serviceLevels", new ServiceLevels(new Steps(requests, catalogue, repositoryService(),
                identity)));
        Mocks.register("sendSms", sms);
        Mocks.register("requestStatus", new RecordingStatus());
        Mocks.register("homeDelivery", new FakeHomeDelivery());
        mitans.assigned(REQUEST, MITAN);
        Mocks.register("assignedMitan", mitans);
        Mocks.register("requestSummaryListener", (TaskListener) task -> { });
        Mocks.register("submitToSingleWindow", (JavaDelegate) execution ->
                execution.setVariable(ProcessVariables.SUBMISSION_REFERENCE, "SW-1"));
        Mocks.register("issueCertificate", (JavaDelegate) execution ->
                execution.setVariable(ProcessVariables.CERTIFICATE_NUMBER, "RPR/B/2025/000900"));
    }

    @AfterEach
    void undeploy() {
        deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
        ClockUtil.reset();
    }

    @Test
    void aBirthRequestWaitingForScrutinyOnTheOldModelGoesToTheDoorOnIt() {
        ProcessDefinition legacy = repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ProcessKeys.BIRTH_CERTIFICATE).versionTag("1.0.0").singleResult();
        assertEquals(2, definition(ProcessKeys.BIRTH_CERTIFICATE).getVersion(), "the new shape is the latest");
        ProcessInstance request = runtimeService().createProcessInstanceById(legacy.getId()).businessKey(REQUEST)
                .setVariables(Map.of("requestNumber", REQUEST, "certificateType", ProcessKeys.BIRTH_CERTIFICATE,
                        "bodyCode", "RPR", "officerDueDays", 2, "mitanDueDays", 2, "legalDueDays", 7,
                        "visitResult", "verified"))
                .startBeforeActivity("Task_ScrutiniseDocuments").execute();

        // The old model's legal time limit and groups are answered from the new tables.
        assertEquals(inDays(7), managementService().createJobQuery().processInstanceId(request.getId())
                .timers().activityId("StartEvent_LegalDeadlinePassed").singleResult().getDuedate());
        Task scrutiny = task(request);
        assertEquals(List.of("clerk-RPR"), candidateGroups(scrutiny));
        complete(scrutiny, withVariables("scrutinyOutcome", "accepted"));
        execute(job("Task_SubmitToSingleWindow", request));

        Task decision = task(request);
        assertEquals(List.of("registrar-RPR"), candidateGroups(decision));
        complete(decision, withVariables("decision", "approved"));
        execute(job("Task_IssueCertificate", request));

        ProcessInstance delivery = calledProcessInstance(ProcessKeys.HOME_DELIVERY, request);
        assertEquals("1.0.0", repositoryService().getProcessDefinition(delivery.getProcessDefinitionId())
                .getVersionTag(), "the old model calls the home delivery deployed with it");
        complete(task(delivery), withVariables("deliveryOtp", FakeHomeDelivery.RIGHT_OTP));

        assertThat(request).isEnded().hasPassed("EndEvent_CertificateDelivered");
        assertEquals(legacy.getId(), historicDefinition(request));
    }

    private static String historicDefinition(ProcessInstance instance) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
                .createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getProcessDefinitionId();
    }

    private static String deploy(String name, String folder, String... resources) {
        DeploymentBuilder builder = repositoryService().createDeployment().name(name);
        for (String resource : resources) {
            builder.addClasspathResource(folder + resource);
        }
        Deployment deployment = builder.deploy();
        return deployment.getId();
    }
}
