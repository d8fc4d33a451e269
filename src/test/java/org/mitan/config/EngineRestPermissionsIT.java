package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.mitan.MitanIntegrationTest;
import org.mitan.request.RequestStatus;
import org.mitan.request.ServiceRequestRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** What each role may do in {@code /engine-rest}, tried as the demo users: what the work needs and no more. */
@MitanIntegrationTest
class EngineRestPermissionsIT {

    private static final String MY_GROUPS_TASKS = "My groups' tasks (मेरे समूहों के कार्य)";
    private static final String CLERKS_TASKS = "Clerk's tasks (लिपिक के कार्य)";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ServiceRequestRepository requests;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    RolesAndAuthorizations roles;
    @Autowired
    IdentityService identity;

    @Test
    void theCallCentreListsAndStartsCertificatesButReadsNoHistoryAndDeploysNothing() {
        ResponseEntity<JsonNode> definitions = as("callcentre").getForEntity(
                "/engine-rest/process-definition?key=birth-certificate&latestVersion=true", JsonNode.class);
        assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(definitions.getBody()).hasSize(1);
        assertThat(definitions.getBody().get(0).path("key").asText()).isEqualTo("birth-certificate");

        ResponseEntity<JsonNode> started = as("callcentre").postForEntity(
                "/engine-rest/process-definition/key/birth-certificate/submit-form", Map.of("variables", Map.of(
                        "bodyCode", Map.of("value", "RPR"), "ward", Map.of("value", 40),
                        "citizenName", Map.of("value", "Geeta Sahu"),
                        "citizenPhone", Map.of("value", DemoRequests.freshPhone()),
                        "address", Map.of("value", "Tatibandh, Raipur"),
                        "preferredVisitWindow", Map.of("value", "MORNING"), "language", Map.of("value", "en"))),
                JsonNode.class);
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(started.getBody().path("businessKey").asText()).matches("RPR-\\d{4}-\\d{6}");

        ResponseEntity<JsonNode> history = as("callcentre").getForEntity("/engine-rest/history/process-instance",
                JsonNode.class);
        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(history.getBody()).isEmpty();
        assertThat(deploy("callcentre", "callcentre-sketch").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theAuditorReadsFinishedRequestsAndTheOperationLogButChangesNothing() {
        String cancelledId = instanceOf(DemoRequests.register(http, processEngine, DemoRequests.freshPhone()));
        assertThat(as("admin").exchange("/engine-rest/process-instance/{id}", HttpMethod.DELETE, null, String.class,
                cancelledId).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String runningId = instanceOf(DemoRequests.register(http, processEngine, DemoRequests.freshPhone()));

        ResponseEntity<JsonNode> finished = as("auditor").getForEntity(
                "/engine-rest/history/process-instance?finished=true&processInstanceId={id}", JsonNode.class,
                cancelledId);
        assertThat(finished.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(finished.getBody()).hasSize(1);
        assertThat(finished.getBody().get(0).path("state").asText()).isEqualTo("EXTERNALLY_TERMINATED");

        ResponseEntity<JsonNode> log = as("auditor").getForEntity(
                "/engine-rest/history/user-operation?processInstanceId={id}", JsonNode.class, cancelledId);
        assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(log.getBody().findValuesAsText("operationType")).contains("Delete");
        assertThat(log.getBody().findValuesAsText("userId")).contains("admin");

        assertThat(setVariable("auditor", runningId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("auditor").exchange("/engine-rest/process-instance/{id}", HttpMethod.DELETE, null,
                String.class, runningId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy("auditor", "auditor-sketch").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theAnalystDeploysAndWatchesButCannotTouchARunningInstanceNorDeleteADeployment() {
        ResponseEntity<JsonNode> deployed = deploy("analyst", "analyst-sketch");
        assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
        String deploymentId = deployed.getBody().path("id").asText();
        String instanceId = runtime.startProcessInstanceByKey("analyst-sketch").getId();

        ResponseEntity<JsonNode> watched = as("analyst").getForEntity(
                "/engine-rest/process-instance?processDefinitionKey=analyst-sketch", JsonNode.class);
        assertThat(watched.getBody().findValuesAsText("id")).containsExactly(instanceId);
        assertThat(setVariable("analyst", instanceId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        String request = instanceOf(DemoRequests.register(http, processEngine, DemoRequests.freshPhone()));
        assertThat(setVariable("analyst", request).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("analyst").exchange("/engine-rest/process-instance/{id}", HttpMethod.DELETE, null,
                String.class, instanceId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("analyst").postForEntity("/engine-rest/process-definition/key/analyst-sketch/start",
                Map.of(), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        runtime.deleteProcessInstance(instanceId, "test over");
        // Deleting a deployment (and with it the history of its requests) is an administrator's act.
        assertThat(as("analyst").exchange("/engine-rest/deployment/{id}", HttpMethod.DELETE, null, String.class,
                deploymentId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("admin").exchange("/engine-rest/deployment/{id}", HttpMethod.DELETE, null, String.class,
                deploymentId).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void theSupervisorReassignsAVisitOnlyToAMitanOfTheBodyAndEachMitanSeesOnlyTheirOwn() {
        String number = DemoRequests.register(http, processEngine, DemoRequests.freshPhone());
        JsonNode visits = as("mitan.raipur").getForEntity(
                "/engine-rest/task?processInstanceBusinessKey={number}", JsonNode.class, number).getBody();
        assertThat(visits).hasSize(1);
        assertThat(as("mitan.raipur2").getForEntity("/engine-rest/task?processInstanceBusinessKey={number}",
                JsonNode.class, number).getBody()).isEmpty();

        // Only to a Mitan of the request's body: not to the supervisor, not to Korba's Mitan.
        for (String outsider : List.of("supervisor.raipur", "mitan.korba")) {
            ResponseEntity<String> refused = as("supervisor.raipur").postForEntity(
                    "/engine-rest/task/{id}/assignee", Map.of("userId", outsider), String.class,
                    visits.get(0).path("id").asText());
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).contains("mitan-RPR");
        }
        ResponseEntity<String> reassigned = as("supervisor.raipur").postForEntity(
                "/engine-rest/task/{id}/assignee", Map.of("userId", "mitan.raipur2"), String.class,
                visits.get(0).path("id").asText());

        assertThat(reassigned.getStatusCode()).as(reassigned.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("mitan.raipur2").getForEntity("/engine-rest/task?processInstanceBusinessKey={number}",
                JsonNode.class, number).getBody()).hasSize(1);
        assertThat(as("clerk.raipur").postForEntity("/engine-rest/process-definition/key/birth-certificate/start",
                Map.of(), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theRevenueInspectorAndTheTehsildarSeeAndCompleteOnlyTheirOwnStepsOfACasteCertificate() {
        String number = DemoRequests.register(http, processEngine, DemoRequests.freshPhone(), "caste-certificate");
        runtime.createProcessInstanceModification(instanceOf(number))
                .cancelAllForActivity("CallActivity_DoorstepVisit")
                .startBeforeActivity("Task_FieldInquiry")
                .execute();

        String inspectors = "Revenue inspector's tasks (राजस्व निरीक्षक के कार्य)";
        String tehsildars = "Tehsildar's tasks (तहसीलदार के कार्य)";
        assertThat(filterNames("inspector.raipur")).contains(inspectors, MY_GROUPS_TASKS)
                .doesNotContain(tehsildars, "Registrar's tasks (रजिस्ट्रार के कार्य)");
        assertThat(filterNames("tehsildar.raipur")).contains(tehsildars, MY_GROUPS_TASKS)
                .doesNotContain(inspectors, CLERKS_TASKS);
        JsonNode inquiry = onlyTask("inspector.raipur", number);
        assertThat(inquiry.path("taskDefinitionKey").asText()).isEqualTo("Task_FieldInquiry");
        assertThat(tasksOf("tehsildar.raipur", number)).isEmpty();
        assertThat(tasksOf("clerk.raipur", number)).isEmpty();
        assertThat(submit("tehsildar.raipur", inquiry, Map.of("inquiryFinding", "supported"))
                .getStatusCode().is4xxClientError()).isTrue();

        assertThat(as("inspector.raipur").postForEntity("/engine-rest/task/{id}/claim",
                Map.of("userId", "inspector.raipur"), String.class, inquiry.path("id").asText()).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> reported = submit("inspector.raipur", inquiry, Map.of("inquiryFinding",
                "notSupported", "inquiryRemarks", "No family of that name in the ward's old records"));
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode decision = onlyTask("tehsildar.raipur", number);
        assertThat(decision.path("taskDefinitionKey").asText()).isEqualTo("Task_DecideApplication");
        assertThat(tasksOf("inspector.raipur", number)).isEmpty();
        assertThat(submit("inspector.raipur", decision, Map.of("decision", "approved"))
                .getStatusCode().is4xxClientError()).isTrue();
        ResponseEntity<String> decided = submit("tehsildar.raipur", decision, Map.of("decision", "rejected",
                "decisionReason", "The inquiry found no record of the caste"));
        assertThat(decided.getStatusCode()).as("%s", decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus()).isEqualTo(RequestStatus.REJECTED);
    }

    @Test
    void anOfficerOfAGroupCreatedLaterInAdminFindsTheirOwnAndTheirGroupsTasks() {
        // What an administrator does in Camunda Admin for a new department named in a type's table row.
        if (identity.createUserQuery().userId("officer.newdept").count() == 0) {
            Group group = identity.newGroup("new-department");
            group.setName("A department added after release");
            identity.saveGroup(group);
            User user = identity.newUser("officer.newdept");
            user.setPassword("new-department-password");
            identity.saveUser(user);
            identity.createMembership("officer.newdept", "new-department");
        }

        ResponseEntity<JsonNode> filters = http.withBasicAuth("officer.newdept", "new-department-password")
                .getForEntity("/engine-rest/filter?resourceType=Task", JsonNode.class);

        assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(filters.getBody().findValuesAsText("name")).contains("My tasks (मेरे कार्य)", MY_GROUPS_TASKS)
                .doesNotContain(CLERKS_TASKS, "Tehsildar's tasks (तहसीलदार के कार्य)");
    }

    @Test
    void anAnalystGrantOfEverythingFromEarlierVersionsIsNarrowedOnStart() {
        Authorization grant = authorizations.createAuthorizationQuery().groupIdIn("analyst")
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
        grant.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(grant);

        roles.apply();

        Authorization narrowed = authorizations.createAuthorizationQuery().groupIdIn("analyst")
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
        assertThat(narrowed.isEveryPermissionGranted()).isFalse();
        assertThat(narrowed.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(authorizations.isUserAuthorized("analyst", List.of("analyst"),
                ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
                Resources.PROCESS_DEFINITION, "birth-certificate")).isFalse();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private JsonNode tasksOf(String user, String number) {
        ResponseEntity<JsonNode> tasks = as(user).getForEntity(
                "/engine-rest/task?processInstanceBusinessKey={number}", JsonNode.class, number);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        return tasks.getBody();
    }

    private JsonNode onlyTask(String user, String number) {
        JsonNode tasks = tasksOf(user, number);
        assertThat(tasks).as("%s sees one task of %s", user, number).hasSize(1);
        return tasks.get(0);
    }

    private ResponseEntity<String> submit(String user, JsonNode task, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return as(user).postForEntity("/engine-rest/task/{id}/submit-form", Map.of("variables", variables),
                String.class, task.path("id").asText());
    }

    private List<String> filterNames(String user) {
        ResponseEntity<JsonNode> filters = as(user).getForEntity("/engine-rest/filter?resourceType=Task",
                JsonNode.class);
        assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
        return filters.getBody().findValuesAsText("name");
    }

    private String instanceOf(String requestNumber) {
        return requests.findByRequestNumber(requestNumber).orElseThrow().getProcessInstanceId();
    }

    private ResponseEntity<String> setVariable(String user, String instanceId) {
        return as(user).exchange("/engine-rest/process-instance/{id}/variables/decision", HttpMethod.PUT,
                new HttpEntity<>(Map.of("value", "approved", "type", "String")), String.class, instanceId);
    }

    /** A one-task model with a history time to live, deployed over REST as Camunda Modeler does. */
    private ResponseEntity<JsonNode> deploy(String user, String key) {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(30)
                .startEvent().userTask("Task_Look").endEvent().done());
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", key);
        form.add("deployment-source", "Camunda Modeler");
        form.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return key + ".bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers),
                JsonNode.class);
    }
}
