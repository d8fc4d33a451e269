package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mitan.AfterRegistration;
import org.mitan.MitanIntegrationTest;
import org.mitan.request.RequestMilestone;
import org.mitan.request.RequestMilestoneRepository;
import org.mitan.request.RequestStatus;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The rules {@link ProcessGuards} adds to every model, on the application's engine and through {@code /engine-rest}
 * as the demo users: who may complete a task, that shared steps start only as call activities, and that
 * cancelling a certificate process closes its request.
 */
@MitanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessGuardsIT {

    private static final String MODEL = "guards-test";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    ServiceRequestRepository requests;
    @Autowired
    RequestMilestoneRepository milestones;
    @Autowired
    ProcessEngineConfigurationImpl configuration;

    private String deploymentId;

    @BeforeAll
    void deployTestModel() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(MODEL).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Decide").name("Decide").camundaCandidateGroups("registrar-RPR")
                .userTask("Task_Deliver").name("Deliver").camundaAssignee("mitan.raipur")
                .userTask("Task_SortOut").name("Sort out")
                .endEvent()
                .done();
        deploymentId = repository.createDeployment().name(MODEL).addModelInstance(MODEL + ".bpmn", model)
                .deploy().getId();
    }

    @AfterAll
    void removeTestModel() {
        repository.deleteDeployment(deploymentId, true);
    }

    @AfterEach
    void logOut() {
        identity.clearAuthentication();
    }

    // Completion guard, on the engine

    @Test
    void aTaskOfferedToGroupsIsCompletedOnlyByAMemberEvenIfSomeoneElseHoldsIt() {
        ProcessInstance instance = runtime.startProcessInstanceByKey(MODEL);
        Task decide = task(instance, "Task_Decide");
        tasks.setAssignee(decide.getId(), "supervisor.raipur");

        identity.setAuthentication("supervisor.raipur", List.of("supervisor-RPR"));
        assertThatThrownBy(() -> tasks.complete(decide.getId()))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Only a member of registrar-RPR may complete \"Decide\"")
                .hasMessageContaining("supervisor.raipur is not one");
        assertThat(task(instance, "Task_Decide")).isNotNull();

        identity.clearAuthentication();
        tasks.setAssignee(decide.getId(), null);
        identity.setAuthentication("registrar.raipur", List.of("registrar-RPR"));
        tasks.complete(decide.getId());
        assertThat(task(instance, "Task_Deliver")).isNotNull();
    }

    @Test
    void aStoredObjectOfAClassNotAllowedIsNeverInstantiated() {
        ProcessInstance instance = runtime.startProcessInstanceByKey(MODEL);
        // As an administrator's variable, or a row written past the API, could hold it: JSON naming a class to make.
        runtime.setVariable(instance.getId(), "gadget", Variables.serializedObjectValue("{\"command\": \"rm -rf /\"}")
                .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .objectTypeName("java.util.concurrent.ConcurrentHashMap").create());

        assertThatThrownBy(() -> runtime.getVariable(instance.getId(), "gadget"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("java.util.concurrent.ConcurrentHashMap");
        // Its text stays readable, for Cockpit and an auditor.
        assertThat(runtime.<ObjectValue>getVariableTyped(instance.getId(), "gadget", false).getValueSerialized())
                .isEqualTo("{\"command\": \"rm -rf /\"}");
    }

    @Test
    void aTaskWithoutGroupsIsCompletedOnlyByItsAssigneeNotEvenByAnAdministrator() {
        ProcessInstance instance = runtime.startProcessInstanceByKey(MODEL);
        tasks.complete(task(instance, "Task_Decide").getId());
        Task deliver = task(instance, "Task_Deliver");

        identity.setAuthentication("admin", List.of("camunda-admin"));
        assertThatThrownBy(() -> tasks.complete(deliver.getId()))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("assigned to mitan.raipur; only they may complete it");

        identity.setAuthentication("mitan.raipur", List.of("mitan-RPR"));
        tasks.complete(deliver.getId());

        Task sortOut = task(instance, "Task_SortOut");
        identity.setAuthentication("admin", List.of("camunda-admin"));
        assertThatThrownBy(() -> tasks.complete(sortOut.getId()))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("assigned to nobody");
    }

    @Test
    void groupsAreLookedUpWhenTheLoginCarriesNone() {
        ProcessInstance instance = runtime.startProcessInstanceByKey(MODEL);
        Task decide = task(instance, "Task_Decide");

        tasks.setAssignee(decide.getId(), "clerk.raipur");
        identity.setAuthenticatedUserId("clerk.raipur");
        assertThatThrownBy(() -> tasks.complete(decide.getId())).isInstanceOf(FormFieldValidationException.class);

        identity.clearAuthentication();
        tasks.setAssignee(decide.getId(), "registrar.raipur");
        identity.setAuthenticatedUserId("registrar.raipur");
        tasks.complete(decide.getId());
        assertThat(task(instance, "Task_Deliver")).isNotNull();
    }

    @Test
    void theEngineItselfCompletesAnyTask() {
        ProcessInstance instance = runtime.startProcessInstanceByKey(MODEL);
        tasks.complete(task(instance, "Task_Decide").getId());
        tasks.complete(task(instance, "Task_Deliver").getId());
        tasks.complete(task(instance, "Task_SortOut").getId());

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    // Completion guard, through /engine-rest on the real model

    @Test
    void aSupervisorCannotTakeOrDecideTheRegistrarsTaskButCanHandItToARegistrar() {
        String number = DemoRequests.register(http, processEngine, DemoRequests.freshPhone());
        String instanceId = requests.findByRequestNumber(number).orElseThrow().getProcessInstanceId();
        runtime.createProcessInstanceModification(instanceId)
                .cancelAllForActivity("CallActivity_DoorstepVisit")
                .startBeforeActivity("CallActivity_AuthorityDecision")
                .execute();
        String decisionInstanceId = runtime.createProcessInstanceQuery().superProcessInstanceId(instanceId)
                .singleResult().getId();
        JsonNode decision = restTask("supervisor.raipur", decisionInstanceId, "Task_DecideApplication");
        String taskId = decision.path("id").asText();

        ResponseEntity<String> assigned = as("supervisor.raipur").postForEntity("/engine-rest/task/{id}/assignee",
                Map.of("userId", "supervisor.raipur"), String.class, taskId);
        assertThat(assigned.getStatusCode()).as(assigned.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(assigned.getBody()).contains("can only be given to a member of registrar-RPR");
        ResponseEntity<String> selfApproval = submit("supervisor.raipur", taskId, Map.of("decision", "approved"));
        assertThat(selfApproval.getStatusCode().is4xxClientError()).as(selfApproval.getBody()).isTrue();
        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus())
                .isNotEqualTo(RequestStatus.APPROVED);

        ResponseEntity<String> handedOver = as("supervisor.raipur").postForEntity(
                "/engine-rest/task/{id}/assignee", Map.of("userId", "registrar.raipur"), String.class, taskId);
        assertThat(handedOver.getStatusCode()).as(handedOver.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> decided = submit("registrar.raipur", taskId, Map.of("decision", "approved"));
        assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus()).isEqualTo(RequestStatus.APPROVED);
    }

    // Shared steps

    @Test
    void sharedStepsRunOnlyAsCallActivities() {
        String number = DemoRequests.register(http, processEngine, DemoRequests.freshPhone());

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("doorstep-visit")
                .processInstanceBusinessKey(number).count()).isOne();
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("doorstep-visit", number))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("\"doorstep-visit\" is a shared step");
    }

    @Test
    void theCallCentreCannotStartASharedStepOverTheRestApi() {
        String number = DemoRequests.register(http, processEngine, DemoRequests.freshPhone());
        long deliveriesBefore = runtime.createProcessInstanceQuery().processDefinitionKey("home-delivery").count();

        ResponseEntity<String> started = as("callcentre").postForEntity(
                "/engine-rest/process-definition/key/home-delivery/start", Map.of(), String.class);
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(started.getBody()).contains("is a shared step that a certificate process starts by itself");

        ResponseEntity<String> forRequest = as("callcentre").postForEntity(
                "/engine-rest/process-definition/key/home-delivery/start",
                Map.of("businessKey", number, "variables", Map.of("requestNumber", Map.of("value", number),
                        "mitanUserId", Map.of("value", "mitan.korba"))), String.class);
        ResponseEntity<String> startedMidway = as("callcentre").postForEntity(
                "/engine-rest/process-definition/key/home-delivery/start",
                Map.of("skipCustomListeners", true,
                        "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                                "activityId", "Task_DeliverCertificate")),
                        "variables", Map.of("requestNumber", Map.of("value", number),
                                "mitanUserId", Map.of("value", "mitan.korba"))), String.class);
        ResponseEntity<String> submitted = as("callcentre").postForEntity(
                "/engine-rest/process-definition/key/doorstep-visit/submit-form",
                Map.of("businessKey", number, "variables", Map.of("requestNumber", Map.of("value", number))),
                String.class);

        assertThat(forRequest.getStatusCode()).as(forRequest.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forRequest.getBody()).contains("Leave the business key empty");
        assertThat(startedMidway.getStatusCode()).as(startedMidway.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(startedMidway.getBody()).contains("Only an administrator");
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(submitted.getBody()).contains("Leave the business key empty");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("home-delivery").count())
                .isEqualTo(deliveriesBefore);
    }

    // Start forms

    /**
     * The engine reads a stored deployment back into its cache after a restart, or when the cache let it go; whoever's
     * call needs it, that is not a deployment made by that person. A refused start form is a 400 in the application's
     * words, naming the field, with no engine prefix or definition id.
     */
    @Test
    void aStartFormWorksAfterTheEngineReadsItsModelsBackAndAWrongWardIsA400NamingTheWard() {
        configuration.getDeploymentCache().purgeCache();
        ResponseEntity<JsonNode> refused = as("callcentre").postForEntity(
                "/engine-rest/process-definition/key/caste-certificate/submit-form", startForm(120), JsonNode.class);

        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("message").asText()).isEqualTo(
                "The request was not registered. Please correct: ward must be a ward number from 1 to 70 of Raipur");

        configuration.getDeploymentCache().purgeCache();
        ResponseEntity<JsonNode> started = as("callcentre").postForEntity(
                "/engine-rest/process-definition/key/caste-certificate/submit-form", startForm(12), JsonNode.class);

        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        String number = started.getBody().path("businessKey").asText();
        assertThat(requests.findByRequestNumber(number)).isPresent();
        configuration.getDeploymentCache().purgeCache();
        AfterRegistration.carryOn(runtime, processEngine.getManagementService(), number);
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(started.getBody().path("id").asText())
                .processDefinitionKey("doorstep-visit").count()).as("the shared visit it calls").isEqualTo(1);
    }

    /** {@link DefinitionsCachedWhole} is in the application's engine: no definition is read back half made. */
    @Test
    void theEngineReadsItsModelsBackWholeBeforeOtherThreadsSeeThem() {
        assertThat(configuration.getDeployers())
                .hasAtLeastOneElementOfType(DefinitionsCachedWhole.WholeBeforeCached.class)
                .noneMatch(deployer -> deployer.getClass() == BpmnDeployer.class);
    }

    /** {@link MappingPropertyReads} reads the engine's mapping conditions: each read method is found once. */
    @Test
    void theEnginesStatementsReadQueryPropertiesThroughTheRememberedReads() throws Exception {
        assertThat(OgnlRuntime.getPropertyAccessor(Object.class)).isInstanceOf(MappingPropertyReads.Remembered.class);
        assertThat(OgnlRuntime.getPropertyAccessor(TaskQueryImpl.class))
                .isInstanceOf(MappingPropertyReads.Remembered.class);
    }

    private static Map<String, Object> startForm(int ward) {
        Map<String, Object> variables = Map.of(
                "bodyCode", Map.of("value", "RPR"), "ward", Map.of("value", ward, "type", "Long"),
                "citizenName", Map.of("value", "Meena Sahu"), "citizenPhone", Map.of("value", DemoRequests.freshPhone()),
                "address", Map.of("value", "House 3, Civil Lines, Raipur"),
                "preferredVisitWindow", Map.of("value", "MORNING"), "language", Map.of("value", "hi"));
        return Map.of("variables", variables);
    }

    // Cancellation

    @Test
    void cancellingACertificateProcessClosesTheRequestAndFreesThePhone() {
        String phone = DemoRequests.freshPhone();
        String number = DemoRequests.register(http, processEngine, phone);
        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();

        ResponseEntity<String> cancelled = as("admin").exchange(
                "/engine-rest/process-instance/{id}?skipCustomListeners=true&skipSubprocesses=false",
                HttpMethod.DELETE, null, String.class, request.getProcessInstanceId());

        assertThat(cancelled.getStatusCode()).as(cancelled.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        ServiceRequest closed = requests.findByRequestNumber(number).orElseThrow();
        assertThat(closed.getStatus()).isEqualTo(RequestStatus.CLOSED);
        assertThat(closed.getClosedAt()).isNotNull();
        List<RequestMilestone> story = milestones.findByRequestIdOrderByOccurredAtAscIdAsc(request.getId());
        assertThat(story).extracting(RequestMilestone::getMilestone).endsWith("CANCELLED", "CLOSED");
        assertThat(story.get(story.size() - 2).getActor()).isEqualTo("admin");
        assertThat(DemoRequests.registerRaw(http, phone).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void cancellingSomethingElseLeavesRequestsAlone() {
        String number = DemoRequests.register(http, processEngine, DemoRequests.freshPhone());
        ProcessInstance unrelated = runtime.startProcessInstanceByKey(MODEL, "no-such-request");
        ProcessInstance sameKeyOtherProcess = runtime.startProcessInstanceByKey(MODEL, number);

        assertThatCode(() -> {
            runtime.deleteProcessInstance(unrelated.getId(), "test");
            runtime.deleteProcessInstance(sameKeyOtherProcess.getId(), "test");
        }).doesNotThrowAnyException();

        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus()).isNotEqualTo(RequestStatus.CLOSED);
    }

    /** The task as the engine sees it, whoever is logged in. */
    private Task task(ProcessInstance instance, String key) {
        identity.clearAuthentication();
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private JsonNode restTask(String user, String instanceId, String key) {
        ResponseEntity<JsonNode> found = as(user).getForEntity(
                "/engine-rest/task?processInstanceId={id}&taskDefinitionKey={key}", JsonNode.class, instanceId, key);
        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(found.getBody()).hasSize(1);
        return found.getBody().get(0);
    }

    private ResponseEntity<String> submit(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return as(user).postForEntity("/engine-rest/task/{id}/submit-form", Map.of("variables", variables),
                String.class, taskId);
    }
}
