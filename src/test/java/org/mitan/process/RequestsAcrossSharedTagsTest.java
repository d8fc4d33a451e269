package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.mitan.process.ProcessTestSupport.NOW;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request running when the shared models took new tags (their names in English and Hindi, a patch) finishes on the
 * versions it started on: its type's earlier model calls the earlier tags, which stay deployed beside the new ones, so
 * its scrutiny, decision and delivery run on the earlier shared models even when they start after the upgrade; a
 * request started after the upgrade runs on the new ones. The earlier models are today's files with the earlier names
 * and tags, which is all the upgrade changed in them.
 */
class RequestsAcrossSharedTagsTest extends EngineProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.unmeasured();

    static final String REQUEST = "RPR-2026-000456";
    static final String MITAN = "mitan.raipur.1";

    /** The version tags before the Hindi names: of the birth model and of each shared model it calls. */
    private static final Map<String, String> EARLIER = Map.of(ProcessKeys.BIRTH_CERTIFICATE, "2.2.1",
            ProcessKeys.DOORSTEP_VISIT, "2.0.0", "document-scrutiny", "1.0.0", "authority-decision", "1.0.0",
            ProcessKeys.HOME_DELIVERY, "2.0.0");
    private static final String[] FORMS = {"forms/request-registration.form", "forms/doorstep-visit.form",
        "forms/birth-certificate-particulars.form", "forms/document-scrutiny.form", "forms/authority-decision.form",
        "forms/mitan-assignment.form", "forms/certificate-delivery.form", "forms/late-registration-permission.form"};

    private final List<String> deployments = new ArrayList<>();
    private final FakeMitans mitans = new FakeMitans(MITAN);

    @BeforeEach
    void theEarlierVersionsAreDeployed() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        SharedStepFakes.register(REQUEST, ProcessKeys.BIRTH_CERTIFICATE, new RecordingSms(), new RecordingStatus(),
                new FakeHomeDelivery(), new FakeSteps(), mitans);
        Mocks.register("registrationDelay", new FakeRegistrationDelay());
        Mocks.register("captureParticulars", (TaskListener) task -> { });
        Mocks.register("requestSummaryListener", (TaskListener) task -> { });
        Mocks.register("submitToSingleWindow", (JavaDelegate) execution ->
                execution.setVariable(ProcessVariables.SUBMISSION_REFERENCE, "SW-1"));
        Mocks.register("issueCertificate", (JavaDelegate) execution ->
                execution.setVariable(ProcessVariables.CERTIFICATE_NUMBER, "RPR/B/2026/000456"));

        DeploymentBuilder earlier = repositoryService().createDeployment().name("before-the-hindi-names");
        EARLIER.keySet().forEach(key -> earlier.addInputStream(key + ".bpmn",
                new ByteArrayInputStream(asBefore(key).getBytes(StandardCharsets.UTF_8))));
        earlier.addClasspathResource("processes/birth-certificate.dmn");
        for (String form : FORMS) {
            earlier.addClasspathResource(form);
        }
        deployments.add(earlier.deploy().getId());
    }

    @AfterEach
    void undeploy() {
        deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
        ClockUtil.reset();
    }

    @Test
    void aRequestAtTheVisitWhenTheNewTagsAreDeployedGoesToTheDoorOnTheEarlierOnes() {
        ProcessInstance request = runtimeService().startProcessInstanceByKey(ProcessKeys.BIRTH_CERTIFICATE, REQUEST,
                Map.of(ProcessVariables.REQUEST_NUMBER, REQUEST));
        execute(job("Task_RegisterRequest", request));
        ProcessInstance visit = calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request);

        theNewVersionsAreDeployed();

        assertNotEquals(definition(ProcessKeys.BIRTH_CERTIFICATE).getId(), definitionOf(request).getId(),
                "the new birth model is the latest");
        complete(task(visit), withVariables("visitOutcome", "collected"));
        execute(job(visit));
        complete(task(request), withVariables("particular_childName", "Aarav", "particular_sex", "Male"));
        ProcessInstance scrutiny = calledProcessInstance("document-scrutiny", request);
        complete(task(scrutiny), withVariables("scrutinyOutcome", "accepted"));
        execute(job("Task_SubmitToSingleWindow", scrutiny));
        ProcessInstance decision = calledProcessInstance("authority-decision", request);
        complete(task(decision), withVariables("decision", "approved"));
        execute(job("Task_IssueCertificate", request));
        ProcessInstance delivery = calledProcessInstance(ProcessKeys.HOME_DELIVERY, request);
        complete(task(delivery), withVariables("deliveryOtp", FakeHomeDelivery.RIGHT_OTP));

        assertThat(request).isEnded().hasPassed("EndEvent_CertificateDelivered");
        assertEquals(List.of("2.2.1", "2.0.0", "1.0.0", "1.0.0", "2.0.0"), List.of(historicTag(request),
                historicTag(visit), historicTag(scrutiny), historicTag(decision), historicTag(delivery)));
        assertEquals("Document scrutiny", historicDefinition(scrutiny).getName(), "the earlier name");
    }

    @Test
    void aRequestStartedAfterTheUpgradeRunsOnTheNewTagsAndNames() {
        theNewVersionsAreDeployed();

        ProcessInstance request = runtimeService().startProcessInstanceByKey(ProcessKeys.BIRTH_CERTIFICATE, REQUEST,
                Map.of(ProcessVariables.REQUEST_NUMBER, REQUEST));
        execute(job("Task_RegisterRequest", request));

        ProcessDefinition visit = definitionOf(calledProcessInstance(ProcessKeys.DOORSTEP_VISIT, request));
        assertNotEquals(EARLIER.get(ProcessKeys.DOORSTEP_VISIT), visit.getVersionTag());
        assertEquals("Doorstep visit (घर पर भेंट)", visit.getName());
        assertNotEquals(EARLIER.get(ProcessKeys.BIRTH_CERTIFICATE), definitionOf(request).getVersionTag());
    }

    /** The upgrade: today's birth model and shared models, deployed as the application deploys changed files. */
    private void theNewVersionsAreDeployed() {
        DeploymentBuilder now = repositoryService().createDeployment().name("the-hindi-names");
        EARLIER.keySet().forEach(key -> now.addClasspathResource("processes/" + key + ".bpmn"));
        deployments.add(now.deploy().getId());
    }

    /**
     * Today's model of that key as it was before the Hindi names: the earlier tag, the English name of a shared model
     * (process and pool), and the birth model calling the shared models' earlier tags.
     */
    private static String asBefore(String key) {
        String text = read(key);
        String name = process(key).getName();
        String tag = process(key).getCamundaVersionTag();
        text = text.replace("camunda:versionTag=\"" + tag + "\"", "camunda:versionTag=\"" + EARLIER.get(key) + "\"");
        if (!ProcessKeys.BIRTH_CERTIFICATE.equals(key)) {
            return text.replace("name=\"" + name + "\"", "name=\"" + name.replaceFirst(" \\([^()]*\\)$", "") + "\"");
        }
        for (Map.Entry<String, String> shared : EARLIER.entrySet()) {
            text = text.replace("calledElement=\"" + shared.getKey() + "\" camunda:calledElementBinding=\"versionTag\""
                    + " camunda:calledElementVersionTag=\"" + process(shared.getKey()).getCamundaVersionTag() + "\"",
                    "calledElement=\"" + shared.getKey() + "\" camunda:calledElementBinding=\"versionTag\""
                    + " camunda:calledElementVersionTag=\"" + shared.getValue() + "\"");
        }
        return text;
    }

    /** The process of today's {@code processes/<key>.bpmn}. */
    private static Process process(String key) {
        return Bpmn.readModelFromFile(Path.of("processes", key + ".bpmn").toFile()).getModelElementById(key);
    }

    private static String read(String key) {
        try {
            return Files.readString(Path.of("processes", key + ".bpmn"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProcessDefinition definitionOf(ProcessInstance instance) {
        return repositoryService().getProcessDefinition(instance.getProcessDefinitionId());
    }

    private static ProcessDefinition historicDefinition(ProcessInstance instance) {
        return repositoryService().getProcessDefinition(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests
                .historyService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getProcessDefinitionId());
    }

    private static String historicTag(ProcessInstance instance) {
        return historicDefinition(instance).getVersionTag();
    }
}
