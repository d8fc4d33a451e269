package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mitan.certificate.CertificateRepository;
import org.mitan.document.DocumentRepository;
import org.mitan.document.DocumentReturnRepository;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.summary.ReturnChoicesOfOpenTasks;
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

/**
 * The model is the law (issue 6): a Raipur birth request waits at the clerk's scrutiny, and every demo role of its
 * own body (Raipur) and of another body (Korba) tries every way past the officers that the engine's REST API and the
 * application's API offer. The matrix says who may do what; every cell is tried, and afterwards the request is
 * still where it was: at scrutiny, with no certificate.
 */
@MitanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelIsLawIT {

    /** The demo users, Raipur's and Korba's, and the state-level roles. */
    static final List<String> USERS = List.of("callcentre", "mitan.raipur", "clerk.raipur", "registrar.raipur",
            "supervisor.raipur", "mitan.korba", "clerk.korba", "registrar.korba", "supervisor.korba", "auditor",
            "analyst");

    /** What someone said on the scrutiny task, which stays as it was said. */
    static final String COMMENT = "The birth is also in the hospital's register";

    /** A remark someone adds to the scrutiny task or its request. */
    static final String REMARK = "The citizen asks for the certificate in Hindi";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    HistoryService history;
    @Autowired
    ServiceRequestRepository requests;
    @Autowired
    DocumentRepository documents;
    @Autowired
    DocumentReturnRepository returns;
    @Autowired
    ReturnChoicesOfOpenTasks returnChoices;
    @Autowired
    CertificateRepository certificates;

    JourneySteps steps;
    String number;
    String instanceId;
    String scrutinyTaskId;
    UUID documentId;

    @BeforeAll
    void requestAtScrutiny() throws Exception {
        steps = new JourneySteps(http, json, runtime, management);
        number = steps.birthRequestAtScrutiny(phone());
        instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey("birth-certificate").singleResult().getId();
        scrutinyTaskId = tasks.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey("Task_ScrutiniseDocuments").singleResult().getId();
        tasks.createComment(scrutinyTaskId, instanceId, COMMENT);
        documentId = documents.findAll().stream()
                .filter(document -> requests.findById(document.getRequestId()).orElseThrow().getRequestNumber()
                        .equals(number)).findFirst().orElseThrow().getId();
    }

    /** One thing a user may try, and whether it went through. */
    record Operation(String name, Function<TestRestTemplate, ResponseEntity<String>> call) {
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        operations.add(new Operation("see the request", as -> as.getForEntity("/api/requests/{n}", String.class,
                number)));
        operations.add(new Operation("read a scan", as -> as.getForEntity("/api/documents/{id}/content",
                String.class, documentId)));
        operations.add(new Operation("read the SMS", as -> as.getForEntity("/api/requests/{n}/sms", String.class,
                number)));
        operations.add(new Operation("change the body", as -> as.exchange("/api/bodies/RPR", HttpMethod.PATCH,
                new HttpEntity<>(Map.of("active", true)), String.class)));
        operations.add(new Operation("list the body's Mitans", as -> as.getForEntity("/api/mitans?body=RPR",
                String.class)));
        operations.add(new Operation("see the scrutiny task", as -> {
            ResponseEntity<JsonNode> seen = as.getForEntity("/engine-rest/task/{id}", JsonNode.class,
                    scrutinyTaskId);
            return ResponseEntity.status(seen.getStatusCode()).body(String.valueOf(seen.getBody()));
        }));
        operations.add(new Operation("start at the issue step", as -> as.postForEntity(
                "/engine-rest/process-definition/key/birth-certificate/start", Map.of("businessKey", number,
                        "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                                "activityId", "Task_IssueCertificate"))), String.class)));
        operations.add(new Operation("start a second instance for the request", as -> as.postForEntity(
                "/engine-rest/process-definition/key/birth-certificate/start", Map.of("businessKey", number),
                String.class)));
        operations.add(new Operation("start with a decision", as -> as.postForEntity(
                "/engine-rest/process-definition/key/birth-certificate/start", Map.of("variables",
                        Map.of("decision", Map.of("value", "approved"))), String.class)));
        operations.add(new Operation("modify the instance", as -> as.postForEntity(
                "/engine-rest/process-instance/{id}/modification", Map.of("instructions", List.of(Map.of(
                        "type", "startBeforeActivity", "activityId", "Task_IssueCertificate"))), String.class,
                instanceId)));
        operations.add(new Operation("correlate a message", as -> as.postForEntity("/engine-rest/message",
                Map.of("messageName", "anything", "businessKey", number), String.class)));
        operations.add(new Operation("send a signal", as -> as.postForEntity("/engine-rest/signal",
                Map.of("name", "anything"), String.class)));
        operations.add(new Operation("set a variable", as -> as.exchange(
                "/engine-rest/process-instance/{id}/variables/decision", HttpMethod.PUT,
                new HttpEntity<>(Map.of("value", "approved")), String.class, instanceId)));
        operations.add(new Operation("add a candidate group", as -> as.postForEntity(
                "/engine-rest/task/{id}/identity-links", Map.of("groupId", "supervisor-RPR", "type", "candidate"),
                String.class, scrutinyTaskId)));
        operations.add(new Operation("complete scrutiny with a decision", as -> as.postForEntity(
                "/engine-rest/task/{id}/complete", Map.of("variables", Map.of(
                        "scrutinyOutcome", Map.of("value", "accepted"), "decision", Map.of("value", "approved"))),
                String.class, scrutinyTaskId)));
        operations.add(new Operation("throw a BPMN error from the task", as -> as.postForEntity(
                "/engine-rest/task/{id}/bpmnError", Map.of("errorCode", "SINGLE_WINDOW_REJECTED"), String.class,
                scrutinyTaskId)));
        operations.add(new Operation("attach a file to the scrutiny task", as -> {
            MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("attachment-name", "approval.txt");
            form.add("attachment-type", "text/plain");
            form.add("content", new HttpEntity<>(new ByteArrayResource("Approved".getBytes()) {
                @Override
                public String getFilename() {
                    return "approval.txt";
                }
            }));
            HttpHeaders multipart = new HttpHeaders();
            multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
            return as.postForEntity("/engine-rest/task/{id}/attachment/create", new HttpEntity<>(form, multipart),
                    String.class, scrutinyTaskId);
        }));
        operations.add(new Operation("comment on the scrutiny task", as -> as.postForEntity(
                "/engine-rest/task/{id}/comment/create", Map.of("message", REMARK), String.class, scrutinyTaskId)));
        operations.add(new Operation("comment on the scrutiny task, for its request", as -> as.postForEntity(
                "/engine-rest/task/{id}/comment/create", Map.of("message", REMARK, "processInstanceId", instanceId),
                String.class, scrutinyTaskId)));
        operations.add(new Operation("delete the task's comments", as -> as.exchange(
                "/engine-rest/task/{id}/comment", HttpMethod.DELETE, null, String.class, scrutinyTaskId)));
        operations.add(new Operation("delete the instance", as -> as.exchange("/engine-rest/process-instance/{id}",
                HttpMethod.DELETE, null, String.class, instanceId)));
        operations.add(new Operation("deploy a script", as -> deploy(as, "probe-script", """
                <bpmn:scriptTask id="Task_Probe" scriptFormat="javascript"><bpmn:script>1</bpmn:script>
                </bpmn:scriptTask>""")));
        return operations;
    }

    /** Who may do what; every other cell must be refused. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("see the request", Set.of("callcentre", "mitan.raipur", "clerk.raipur", "supervisor.raipur",
                    "auditor")),
            Map.entry("read a scan", Set.of("mitan.raipur", "clerk.raipur", "supervisor.raipur", "auditor")),
            Map.entry("read the SMS", Set.of("supervisor.raipur", "auditor")),
            Map.entry("change the body", Set.of("supervisor.raipur")),
            Map.entry("list the body's Mitans", Set.of("supervisor.raipur")),
            Map.entry("see the scrutiny task", Set.of("clerk.raipur", "supervisor.raipur", "auditor")),
            // the task's candidate and the body's supervisors, who find the task in its history as Tasklist does
            Map.entry("comment on the scrutiny task", Set.of("clerk.raipur", "supervisor.raipur")),
            Map.entry("comment on the scrutiny task, for its request", Set.of("clerk.raipur", "supervisor.raipur")));

    @Test
    void everyRoleOfEveryBodyMayDoOnlyWhatTheMatrixAllows() {
        List<String> leaks = new ArrayList<>();
        Map<String, Integer> tried = new LinkedHashMap<>();
        for (String user : USERS) {
            for (Operation operation : operations()) {
                ResponseEntity<String> response = operation.call().apply(steps.as(user));
                boolean allowed = ALLOWED.getOrDefault(operation.name(), Set.of()).contains(user);
                boolean went = response.getStatusCode().is2xxSuccessful();
                if (allowed != went) {
                    leaks.add(user + " / " + operation.name() + ": expected " + (allowed ? "allowed" : "refused")
                            + ", got " + response.getStatusCode() + " " + response.getBody());
                }
                if (!went) {
                    assertThat(response.getStatusCode().is4xxClientError())
                            .as("%s / %s is refused with a 4xx: %s", user, operation.name(), response.getBody())
                            .isTrue();
                }
                tried.merge(operation.name(), 1, Integer::sum);
            }
        }
        assertThat(leaks).as("cells of the matrix that did not hold").isEmpty();
        assertThat(tried).hasSize(operations().size()).allSatisfy((name, count) -> assertThat(count)
                .isEqualTo(USERS.size()));

        // Nothing moved: one instance, still at the clerk's scrutiny, no certificate.
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey("birth-certificate").count()).isOne();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_ScrutiniseDocuments");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey("authority-decision").count()).isZero();
        assertThat(runtime.getVariable(instanceId, "decision")).isNull();
        assertThat(tasks.getTaskAttachments(scrutinyTaskId)).isEmpty();
        // what was said stays, and only those who work the task added to it
        assertThat(tasks.getTaskComments(scrutinyTaskId)).extracting(Comment::getFullMessage)
                .containsOnly(COMMENT, REMARK).containsOnlyOnce(COMMENT);
        assertThat(tasks.getTaskComments(scrutinyTaskId)).filteredOn(comment -> REMARK.equals(
                comment.getFullMessage())).extracting(Comment::getUserId)
                .containsExactlyInAnyOrder("clerk.raipur", "clerk.raipur", "supervisor.raipur", "supervisor.raipur");
        assertThat(certificates.findByRequestId(requests.findByRequestNumber(number).orElseThrow().getId()))
                .isEmpty();
    }

    /**
     * Who may add a comment to a task or a request, however it is added: those who work on it, namely the task's
     * candidates (the clerk), the Mitan who has the request now and the body's supervisors, and the administrator.
     * Not the auditor (who reads the record and changes nothing), the analyst or the call centre (who work on no
     * request), an officer of a later step, nor anyone of another body: they are refused, and nothing is stored.
     * Tried through the engine's Java API, which adds to a process instance too. Over the REST API (and Tasklist)
     * Camunda first looks the task up in the history, which those given the task (and the body's supervisors) may
     * read: there the matrix above holds, and the auditor, who reads all history, is refused with 403 by the rule.
     */
    @Test
    void aCommentIsAddedOnlyByThoseWhoWorkOnTheTaskOrItsRequest() throws Exception {
        String own = steps.birthRequestAtScrutiny(phone());
        String ownInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(own)
                .processDefinitionKey("birth-certificate").singleResult().getId();
        String ownTask = tasks.createTaskQuery().processInstanceBusinessKey(own)
                .taskDefinitionKey("Task_ScrutiniseDocuments").singleResult().getId();
        Set<String> allowed = Set.of("mitan.raipur", "clerk.raipur", "supervisor.raipur", "admin");
        List<String> leaks = new ArrayList<>();
        List<String> users = new ArrayList<>(USERS);
        users.add("admin");
        for (String user : users) {
            for (String[] target : new String[][] {{ownTask, null}, {ownTask, ownInstance}, {null, ownInstance}}) {
                String what = user + " / comment on " + (target[0] == null ? "the request" : "the task")
                        + (target[0] != null && target[1] != null ? ", for its request" : "");
                try {
                    asUser(user, () -> tasks.createComment(target[0], target[1], REMARK + " (" + user + ")"));
                    if (!allowed.contains(user)) {
                        leaks.add(what + ": expected refused, but it was added");
                    }
                } catch (AuthorizationException refused) {
                    if (allowed.contains(user)) {
                        leaks.add(what + ": expected allowed, got " + refused.getMessage());
                    }
                }
            }
        }

        assertThat(leaks).as("comments added by whom the rule refuses, or refused to whom it allows").isEmpty();
        // what is said is text a person can read, and a remark, not a document
        Map<String, String> unreadable = Map.of("Seen\u0000", "contains a control character",
                "Seen\u200B", "contains an invisible character", "x".repeat(2001), "at most 2000 characters");
        unreadable.forEach((message, why) -> assertThatThrownBy(() -> asUser("clerk.raipur",
                () -> tasks.createComment(ownTask, null, message))).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(why));
        ResponseEntity<String> auditor = steps.as("auditor").postForEntity("/engine-rest/task/{id}/comment/create",
                Map.of("message", REMARK), String.class, ownTask);
        assertThat(auditor.getStatusCode()).as(auditor.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor.getHeaders().getContentType()).matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
        assertThat(json.readTree(auditor.getBody()).path("detail").asText())
                .contains("auditor may not add a comment here", "Auditors read the record and change nothing");
        List<Comment> added = new ArrayList<>(tasks.getTaskComments(ownTask));
        added.addAll(tasks.getProcessInstanceComments(ownInstance).stream()
                .filter(comment -> comment.getTaskId() == null).toList());
        assertThat(added).extracting(Comment::getUserId).containsOnly(allowed.toArray(String[]::new))
                .hasSize(3 * allowed.size());
    }

    /**
     * A comment belongs to the task it is added to and to that task's request: the clerk's comment on this request's
     * scrutiny that names another request's process is refused with 400, and nothing is stored on either.
     */
    @Test
    void aCommentOnATaskNamingAnotherRequestIsRefusedAndStoresNothing() throws Exception {
        String other = steps.birthRequestAtScrutiny(phone());
        String otherInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(other)
                .processDefinitionKey("birth-certificate").singleResult().getId();
        String crossed = "Meant for the other request";

        assertThatThrownBy(() -> asUser("clerk.raipur", () -> tasks.createComment(scrutinyTaskId, otherInstance,
                crossed))).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("belongs to its own request");
        // the auditor, who finds the task in the history, is told so over the REST API
        ResponseEntity<String> refused = steps.as("auditor").postForEntity("/engine-rest/task/{id}/comment/create",
                Map.of("message", crossed, "processInstanceId", otherInstance), String.class, scrutinyTaskId);

        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("belongs to its own request");
        assertThat(tasks.getProcessInstanceComments(otherInstance)).extracting(Comment::getFullMessage)
                .doesNotContain(crossed);
        assertThat(tasks.getTaskComments(scrutinyTaskId)).extracting(Comment::getFullMessage)
                .doesNotContain(crossed);
    }

    /**
     * The name an officer has in Camunda is what a certificate prints as its approver ("Approved by: Deepak Sonwani
     * (labour.officer.raipur)"), so nobody but the administrator changes it, nor deletes a user: Camunda gives every
     * user all permissions on their own user, and an officer could have renamed themselves "Chief Minister" or
     * removed their own login. Changing one's password stays open.
     */
    @Test
    void nobodyButTheAdministratorRenamesOrDeletesAUserButAnyoneChangesTheirPassword() {
        for (String user : List.of("registrar.raipur", "mitan.raipur", "auditor")) {
            ResponseEntity<String> renamed = steps.as(user).exchange("/engine-rest/user/{id}/profile", HttpMethod.PUT,
                    new HttpEntity<>(Map.of("id", user, "firstName", "Chief", "lastName", "Minister")), String.class,
                    user);
            ResponseEntity<String> deleted = steps.as(user).exchange("/engine-rest/user/{id}", HttpMethod.DELETE,
                    null, String.class, user);
            ResponseEntity<String> password = steps.as(user).exchange("/engine-rest/user/{id}/credentials",
                    HttpMethod.PUT, new HttpEntity<>(Map.of("password", "demo", "authenticatedUserPassword", "demo")),
                    String.class, user);

            assertThat(renamed.getStatusCode()).as(user + ": " + renamed.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(renamed.getBody()).contains("what certificates print as the officer who approved");
            assertThat(deleted.getStatusCode()).as(user + ": " + deleted.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(identity.createUserQuery().userId(user).singleResult().getFirstName()).isNotEqualTo("Chief");
            assertThat(password.getStatusCode()).as(user + ": " + password.getBody())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }
    }

    /**
     * A start of a process definition that is not there (a mistyped or deleted id, through the form or without it)
     * is a 4xx saying so, not the engine's 500, and starts nothing.
     */
    @Test
    void aStartOfADefinitionThatIsNotThereIsRefusedNotA500() {
        long instances = runtime.createProcessInstanceQuery().count();
        for (String call : List.of("submit-form", "start")) {
            ResponseEntity<String> started = steps.as("callcentre").postForEntity(
                    "/engine-rest/process-definition/{id}/" + call, Map.of("variables", Map.of()), String.class,
                    "birth-certificate:9:no-such-definition");

            assertThat(started.getStatusCode().is4xxClientError()).as(call + ": " + started.getBody()).isTrue();
            assertThat(started.getBody()).as(call).contains("birth-certificate:9:no-such-definition");
        }
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    /** Runs the call as the user, with their groups, as Tasklist and the REST API do. */
    private void asUser(String user, Runnable call) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        identity.setAuthentication(user, groups);
        try {
            call.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void theOfficersSummaryNeverReachesTheHistory() {
        JsonNode scrutiny = steps.singleTask("clerk.raipur", "Task_ScrutiniseDocuments", number);
        assertThat(steps.formText("clerk.raipur", scrutiny, "requestSummary")).contains("Kamla Sahu");
        assertThat(history.createHistoricVariableInstanceQuery().variableName("requestSummary").count()).isZero();
        assertThat(history.createHistoricDetailQuery().variableUpdates().list().stream()
                .map(String::valueOf).filter(detail -> detail.contains("Kamla Sahu"))).isEmpty();
    }

    @Test
    void aSupervisorGivesTheTaskOnlyToSomeoneOfItsRoleAtItsBody() {
        ResponseEntity<String> toSelf = steps.as("supervisor.raipur").postForEntity("/engine-rest/task/{id}/assignee",
                Map.of("userId", "supervisor.raipur"), String.class, scrutinyTaskId);
        assertThat(toSelf.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(toSelf.getBody()).contains("clerk-RPR");
        ResponseEntity<String> toKorba = steps.as("supervisor.raipur").postForEntity(
                "/engine-rest/task/{id}/assignee", Map.of("userId", "clerk.korba"), String.class, scrutinyTaskId);
        assertThat(toKorba.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> korbaSupervisor = steps.as("supervisor.korba").postForEntity(
                "/engine-rest/task/{id}/assignee", Map.of("userId", "clerk.korba"), String.class, scrutinyTaskId);
        assertThat(korbaSupervisor.getStatusCode().is4xxClientError()).isTrue();
        assertThat(tasks.createTaskQuery().taskId(scrutinyTaskId).singleResult().getAssignee()).isNull();

        ResponseEntity<String> toClerk = steps.as("supervisor.raipur").postForEntity(
                "/engine-rest/task/{id}/assignee", Map.of("userId", "clerk.raipur"), String.class, scrutinyTaskId);
        assertThat(toClerk.getStatusCode()).as(toClerk.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(scrutinyTaskId).singleResult().getAssignee())
                .isEqualTo("clerk.raipur");
        tasks.setAssignee(scrutinyTaskId, null);
    }

    @Test
    void aDeploymentThatWouldRunCodeIsRefusedNamingTheElementAndTheRule() {
        Map<String, String> models = Map.of(
                "a Java class", "<bpmn:serviceTask id=\"Task_Probe\" camunda:class=\"java.lang.Object\" />",
                "a bean outside the process API", "<bpmn:serviceTask id=\"Task_Probe\""
                        + " camunda:delegateExpression=\"${intakeService}\" />",
                "the engine from an expression", "<bpmn:serviceTask id=\"Task_Probe\" camunda:expression=\""
                        + "${execution.getProcessEngineServices().getRuntimeService()}\" />",
                "a class from an expression", "<bpmn:serviceTask id=\"Task_Probe\" camunda:expression=\""
                        + "${''.getClass().forName('java.lang.Runtime')}\" />",
                "an HTML form", "<bpmn:userTask id=\"Task_Probe\" camunda:formKey=\"embedded:app:x.html\" />");
        models.forEach((what, element) -> {
            ResponseEntity<String> refused = deploy(steps.as("analyst"), "probe", element);
            assertThat(refused.getStatusCode()).as(what + ": " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(what).contains("Task_Probe").contains("cannot be deployed");
        });
        ResponseEntity<String> timerStart = deployRaw(steps.as("analyst"), "probe-timer", """
                <bpmn:startEvent id="StartEvent_Probe"><bpmn:timerEventDefinition>
                <bpmn:timeDate>2020-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>""");
        assertThat(timerStart.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(timerStart.getBody()).contains("StartEvent_Probe").contains("call centre");
        ResponseEntity<String> incomplete = deploy(steps.as("analyst"), "probe-type", """
                <bpmn:serviceTask id="Task_Register" camunda:delegateExpression="${registerRequest}" />
                <bpmn:userTask id="Task_Look" name="Look" />""");
        assertThat(incomplete.getStatusCode()).as(incomplete.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(incomplete.getBody()).contains("needs the competent officer's decision: call the shared process"
                + " 'authority-decision'", "userTask 'Task_Look'", "has no role");
        ResponseEntity<String> plain = deploy(steps.as("analyst"), "probe-plain",
                "<bpmn:serviceTask id=\"Task_Probe\" camunda:delegateExpression=\"${sendSms}\" />");
        assertThat(plain.getStatusCode()).as(plain.getBody()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aModelLinkingAFormThatIsDeployedNowhereIsRefusedNamingIt() throws Exception {
        // What Camunda Modeler's "deploy changed only" sends after the model alone was edited, here to link a form
        // the analyst forgot to attach: the tables, the other forms and the shared processes are found deployed.
        byte[] model = java.nio.file.Files.readString(java.nio.file.Path.of("processes/birth-certificate.bpmn"))
                .replace("camunda:formRef=\"birth-certificate-particulars\"",
                        "camunda:formRef=\"birth-certificate-particulars-v2\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "birth-certificate");
        form.add("deployment-source", "Camunda Modeler");
        form.add("deploy-changed-only", "true");
        form.add("birth-certificate.bpmn", new ByteArrayResource(model) {
            @Override
            public String getFilename() {
                return "birth-certificate.bpmn";
            }
        });
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        long instances = runtime.createProcessInstanceQuery().count();
        String latest = repositoryId();

        ResponseEntity<String> refused = steps.as("analyst").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(form, multipart), String.class);

        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("links form 'birth-certificate-particulars-v2', which is neither in"
                + " this deployment nor deployed");
        assertThat(refused.getBody()).doesNotContain("doorstep-visit", "birth-certificate-steps");
        assertThat(repositoryId()).as("the type keeps its working version").isEqualTo(latest);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    private String repositoryId() {
        return steps.as("admin").getForEntity(
                "/engine-rest/process-definition/key/birth-certificate", JsonNode.class).getBody().path("id").asText();
    }

    @Test
    void anExpressionReachesNoBeanOutsideTheProcessApi() {
        ResponseEntity<String> deployed = deployRaw(steps.as("admin"), "probe-beans", """
                <bpmn:startEvent id="StartEvent_Probe" />
                <bpmn:sequenceFlow id="Flow_ToProbe" sourceRef="StartEvent_Probe" targetRef="Task_Probe" />
                <bpmn:serviceTask id="Task_Probe" camunda:expression="${execution.setVariable('probe', requests)}" />
                """);
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> started = steps.as("admin").postForEntity(
                "/engine-rest/process-definition/key/probe-beans/start", Map.of(), String.class);
        assertThat(started.getStatusCode().is2xxSuccessful()).as(started.getBody()).isFalse();
        assertThat(started.getBody()).contains("Cannot resolve identifier 'requests'");
    }

    /**
     * A form's field holds a plain value: the clerk's scrutiny outcome sent as a serialized Java object (which the
     * engine would turn into an instance of the class named), or as text holding a NUL character (which PostgreSQL
     * cannot keep), is refused with 400 naming the field, and the task stays open.
     */
    @Test
    void aFieldSentAsAnObjectOrHoldingANulIsRefusedAndTheTaskStaysOpen() {
        ResponseEntity<String> refused = steps.as("clerk.raipur").postForEntity("/engine-rest/task/{id}/submit-form",
                Map.of("variables", Map.of("scrutinyOutcome", Map.of("type", "Object", "value", "\"accepted\"",
                        "valueInfo", Map.of("objectTypeName", "java.lang.StringBuilder",
                                "serializationDataFormat", "application/json")))), String.class, scrutinyTaskId);

        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("scrutinyOutcome was sent as another kind of value");
        ResponseEntity<String> nul = steps.as("clerk.raipur").postForEntity("/engine-rest/task/{id}/submit-form",
                Map.of("variables", Map.of("scrutinyOutcome", Map.of("value", "accepted"),
                        "scrutinyRemarks", Map.of("value", "fine\u0000"))), String.class, scrutinyTaskId);
        assertThat(nul.getStatusCode()).as(nul.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nul.getBody()).contains("scrutinyRemarks contains a NUL character");
        assertThat(tasks.createTaskQuery().taskId(scrutinyTaskId).count()).isOne();
    }

    /** The start form is refused such a value with 400 too, and no request or process is started. */
    @Test
    void theStartFormIsRefusedANameHoldingANulAndStartsNothing() {
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey("birth-certificate").count();
        long rows = requests.count();

        ResponseEntity<String> refused = steps.as("callcentre").postForEntity(
                "/engine-rest/process-definition/key/birth-certificate/submit-form", Map.of("variables", Map.of(
                        "bodyCode", Map.of("value", "RPR"), "ward", Map.of("value", 12),
                        "citizenName", Map.of("value", "Geeta\u0000 Sahu"), "citizenPhone", Map.of("value", phone()),
                        "address", Map.of("value", "Tatibandh, Raipur"),
                        "preferredVisitWindow", Map.of("value", "MORNING"), "language", Map.of("value", "en"))),
                String.class);

        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("citizenName contains a NUL character");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("birth-certificate").count())
                .isEqualTo(instances);
        assertThat(requests.count()).isEqualTo(rows);
    }

    /**
     * A task is completed with the fields its form requires and with one of each field's choices: the clerk's
     * scrutiny without an outcome, or with an outcome the form does not offer, is refused with 400 naming the field
     * (the gateway after it would find nothing to go on with), and the task stays open.
     */
    @Test
    void aCompletionWithoutTheFormsOutcomeOrWithAnOutcomeItDoesNotOfferIsRefused() {
        ResponseEntity<String> empty = steps.as("clerk.raipur").postForEntity("/engine-rest/task/{id}/complete",
                Map.of(), String.class, scrutinyTaskId);
        ResponseEntity<String> unknown = steps.as("clerk.raipur").postForEntity("/engine-rest/task/{id}/submit-form",
                Map.of("variables", Map.of("scrutinyOutcome", Map.of("value", "maybe"))), String.class,
                scrutinyTaskId);

        assertThat(empty.getStatusCode()).as(empty.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody()).contains("This task's form needs scrutinyOutcome")
                .contains("फ़ॉर्म में scrutinyOutcome भरना ज़रूरी है");
        assertThat(unknown.getStatusCode()).as(unknown.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("scrutinyOutcome must be one of accepted, returned; 'maybe' is not")
                .contains("scrutinyOutcome में दिए गए विकल्पों में से एक चुनें");
        assertThat(tasks.createTaskQuery().taskId(scrutinyTaskId).count()).isOne();
    }

    /**
     * A return names the documents to take again, whatever a REST call sends: none, or one the request has no scan of,
     * is refused with 400 naming the field and the task stays open with nothing written; the request's own are kept.
     */
    @Test
    void aReturnOverTheRestApiMustNameDocumentsOfTheRequestItself() throws Exception {
        String own = steps.birthRequestAtScrutiny(phone());
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(own)
                .taskDefinitionKey("Task_ScrutiniseDocuments").singleResult().getId();
        Long requestId = requests.findByRequestNumber(own).orElseThrow().getId();
        Map<String, Object> remarks = Map.of("value", "The ID is cut off");

        ResponseEntity<String> none = steps.as("clerk.raipur").postForEntity("/engine-rest/task/{id}/submit-form",
                Map.of("variables", Map.of("scrutinyOutcome", Map.of("value", "returned"), "scrutinyRemarks",
                        remarks)), String.class, taskId);
        ResponseEntity<String> empty = steps.as("clerk.raipur").postForEntity("/engine-rest/task/{id}/complete",
                Map.of("variables", Map.of("scrutinyOutcome", Map.of("value", "returned"), "scrutinyRemarks",
                        remarks, "returnedDocuments", Map.of("type", "Json", "value", "[]"))), String.class, taskId);
        ResponseEntity<String> foreign = steps.as("clerk.raipur").postForEntity("/engine-rest/task/{id}/submit-form",
                Map.of("variables", Map.of("scrutinyOutcome", Map.of("value", "returned"), "scrutinyRemarks",
                        remarks, "returnedDocuments", Map.of("type", "Json", "value", "[\"passport\"]"))),
                String.class, taskId);

        assertThat(none.getStatusCode()).as(none.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(none.getBody()).contains("This task's form needs returnedDocuments");
        assertThat(empty.getStatusCode()).as(empty.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody()).contains("This task's form needs returnedDocuments");
        assertThat(foreign.getStatusCode()).as(foreign.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(foreign.getBody()).contains("returnedDocuments may name only documents request " + own
                + " asks for or has scans of (birth-report, parent-id, address-proof", "'passport' is not one of them");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();
        assertThat(returns.findByRequestIdOrderByReturnedAtAsc(requestId)).isEmpty();

        ResponseEntity<String> returned = steps.as("clerk.raipur").postForEntity("/engine-rest/task/{id}/submit-form",
                Map.of("variables", Map.of("scrutinyOutcome", Map.of("value", "returned"), "scrutinyRemarks",
                        remarks, "returnedDocuments", Map.of("type", "Json", "value", "[\"parent-id\"]"))),
                String.class, taskId);
        assertThat(returned.getStatusCode()).as(returned.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(returns.findByRequestIdOrderByReturnedAtAsc(requestId)).singleElement()
                .satisfies(back -> assertThat(back.getDocumentTypes()).containsExactly("parent-id"))
                .satisfies(back -> assertThat(back.getReturnedBy()).isEqualTo("clerk.raipur"));
    }

    /**
     * A clerk's task open before the scrutiny form offered documents to return (an upgrade: the forms are bound
     * "latest", so it opens with the new form, whose checklist a return requires) gets the choices as the application
     * starts, and the clerk can return the request.
     */
    @Test
    void aScrutinyOpenBeforeTheFormOfferedDocumentsGetsThemAsTheApplicationStarts() throws Exception {
        String own = steps.birthRequestAtScrutiny(phone());
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(own)
                .taskDefinitionKey("Task_ScrutiniseDocuments").singleResult().getId();
        tasks.removeVariableLocal(taskId, "returnableDocuments");
        assertThat(tasks.getVariableLocal(taskId, "returnableDocuments")).isNull();

        returnChoices.apply();

        assertThat(String.valueOf(tasks.getVariableLocal(taskId, "returnableDocuments")))
                .contains("\"value\":\"birth-report\"", "\"value\":\"parent-id\"", "\"value\":\"address-proof\"");
        ResponseEntity<String> returned = steps.as("clerk.raipur").postForEntity("/engine-rest/task/{id}/submit-form",
                Map.of("variables", Map.of("scrutinyOutcome", Map.of("value", "returned"), "scrutinyRemarks",
                        Map.of("value", "The ID is cut off"), "returnedDocuments",
                        Map.of("type", "Json", "value", "[\"parent-id\"]"))), String.class, taskId);
        assertThat(returned.getStatusCode()).as(returned.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /**
     * A field holds what its form lets it hold: remarks longer than the form's {@code maxLength} (here past what the
     * engine's text column keeps, 4,000 characters) are refused with 400 naming the field and its limit, not failed
     * with a 500 when the engine writes them, and the task stays open.
     */
    @Test
    void remarksLongerThanTheFormAllowsAreRefusedNamingTheFieldAndTheTaskStaysOpen() throws Exception {
        String own = steps.birthRequestAtScrutiny(phone());
        String scrutinyTaskId = tasks.createTaskQuery().processInstanceBusinessKey(own)
                .taskDefinitionKey("Task_ScrutiniseDocuments").singleResult().getId();
        for (int length : new int[] {1001, 5000}) {
            ResponseEntity<String> refused = steps.as("clerk.raipur").postForEntity(
                    "/engine-rest/task/{id}/submit-form", Map.of("variables", Map.of(
                            "scrutinyOutcome", Map.of("value", "accepted"),
                            "scrutinyRemarks", Map.of("value", "x".repeat(length)))), String.class, scrutinyTaskId);

            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).contains("scrutinyRemarks").contains("at most 1000 characters")
                    .contains("scrutinyRemarks फ़ॉर्म की सीमा में लिखें");
        }
        assertThat(tasks.createTaskQuery().taskId(scrutinyTaskId).count()).isOne();
    }

    /**
     * A completion sent twice (a second click, or a retry whose answer was lost) completes the task once; the second
     * is told that the task is no longer open, with 400, not the engine's 500 "Cannot find task".
     */
    @Test
    void aTaskCompletedTwiceIsCompletedOnceAndTheSecondIsToldItIsNoLongerOpen() throws Exception {
        String own = steps.birthRequestAtScrutiny(phone());
        String scrutinyTaskId = tasks.createTaskQuery().processInstanceBusinessKey(own)
                .taskDefinitionKey("Task_ScrutiniseDocuments").singleResult().getId();
        Map<String, Object> form = Map.of("variables", Map.of("scrutinyOutcome", Map.of("value", "accepted")));

        ResponseEntity<String> first = steps.as("clerk.raipur").postForEntity("/engine-rest/task/{id}/submit-form",
                form, String.class, scrutinyTaskId);
        ResponseEntity<String> second = steps.as("clerk.raipur").postForEntity("/engine-rest/task/{id}/submit-form",
                form, String.class, scrutinyTaskId);
        ResponseEntity<String> completed = steps.as("clerk.raipur").postForEntity("/engine-rest/task/{id}/complete",
                form, String.class, scrutinyTaskId);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        for (ResponseEntity<String> again : List.of(second, completed)) {
            assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(again.getBody()).contains("This task is no longer open");
        }
        // the supervisor who hands out the task a moment too late is told it is gone, not answered with a 500
        ResponseEntity<String> claimed = steps.as("supervisor.raipur").postForEntity("/engine-rest/task/{id}/claim",
                Map.of("userId", "clerk.raipur"), String.class, scrutinyTaskId);
        assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(claimed.getBody()).contains("Cannot find task");
    }

    /**
     * The supervisor gives a request's visit to another Mitan of the body (as when its Mitan is away): the request
     * is then that Mitan's, for the scans as for the task, and no longer the first Mitan's. Nobody else can be given
     * the visit.
     */
    @Test
    void aVisitGivenToAnotherMitanHandsThemTheRequest() throws Exception {
        String visited = steps.register(Map.of("certificateType", "birth-certificate", "bodyCode", "RPR", "ward", 12,
                "citizenName", "Lata Sahu", "citizenPhone", phone(), "address", "House 9, Tatibandh, Raipur",
                "preferredVisitWindow", "MORNING", "language", "hi"));
        JsonNode visit = steps.singleTask("mitan.raipur", "Task_VisitCitizen", visited);
        ResponseEntity<String> toKorba = steps.as("supervisor.raipur").postForEntity(
                "/engine-rest/task/{id}/assignee", Map.of("userId", "mitan.korba"), String.class,
                visit.path("id").asText());
        assertThat(toKorba.getStatusCode()).as(toKorba.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<String> given = steps.as("supervisor.raipur").postForEntity(
                "/engine-rest/task/{id}/assignee", Map.of("userId", "mitan.raipur2"), String.class,
                visit.path("id").asText());

        assertThat(given.getStatusCode()).as(given.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        byte[] scan = Scans.pdf("Birth report");
        // The Mitan it was handed away from is answered as for a number that names no request of theirs.
        assertThat(steps.uploadRaw("mitan.raipur", visited, "birth-report", "report.pdf", scan).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> uploaded = steps.uploadRaw("mitan.raipur2", visited, "birth-report", "report.pdf",
                scan);
        assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(steps.as("mitan.raipur2").getForEntity("/api/requests/{n}", JsonNode.class, visited)
                .getBody().findValuesAsText("milestone")).contains("MITAN_CHANGED");
        // The Mitan it was handed away from no longer sees the citizen's file, though the history names them.
        assertThat(steps.as("mitan.raipur").getForEntity("/api/requests/{n}", String.class, visited)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        UUID scanId = UUID.fromString(json.readTree(uploaded.getBody()).path("id").asText());
        assertThat(steps.as("mitan.raipur").getForEntity("/api/documents/{id}/content", String.class, scanId)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // Deactivated, the Mitan completes none of the tasks still theirs; active again, they may.
        assertThat(steps.as("admin").exchange("/api/mitans/mitan.raipur2", HttpMethod.PATCH,
                new HttpEntity<>(Map.of("active", false)), String.class).getStatusCode().is2xxSuccessful()).isTrue();
        try {
            ResponseEntity<String> deactivated = steps.as("mitan.raipur2").postForEntity(
                    "/engine-rest/task/{id}/submit-form", Map.of("variables", Map.of("visitOutcome",
                            Map.of("value", "citizenNotHome"))), String.class, visit.path("id").asText());
            assertThat(deactivated.getStatusCode()).as(deactivated.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(deactivated.getBody()).contains("mitan.raipur2 is no longer an active Mitan");
            assertThat(tasks.createTaskQuery().taskId(visit.path("id").asText()).count()).isOne();
        } finally {
            steps.as("admin").exchange("/api/mitans/mitan.raipur2", HttpMethod.PATCH,
                    new HttpEntity<>(Map.of("active", true)), String.class);
        }
    }

    /**
     * A shared step runs only for the request whose own process calls it: another process that calls the home
     * delivery with this request's number as business key (an administrator may deploy and start one) is refused,
     * and no delivery is arranged.
     */
    @Test
    void aSharedStepCalledByAnotherProcessForThisRequestIsRefused() {
        ResponseEntity<String> deployed = deployRaw(steps.as("admin"), "probe-caller", """
                <bpmn:startEvent id="StartEvent_Probe" />
                <bpmn:sequenceFlow id="Flow_ToProbe" sourceRef="StartEvent_Probe" targetRef="CallActivity_Probe" />
                <bpmn:callActivity id="CallActivity_Probe" calledElement="home-delivery"
                    camunda:calledElementBinding="versionTag" camunda:calledElementVersionTag="2.0.1">
                  <bpmn:extensionElements><camunda:in businessKey="${number}" /></bpmn:extensionElements>
                </bpmn:callActivity>
                """);
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        Object statusBefore = requests.findByRequestNumber(number).orElseThrow().getStatus();

        ResponseEntity<String> started = steps.as("admin").postForEntity(
                "/engine-rest/process-definition/key/probe-caller/start",
                Map.of("variables", Map.of("number", Map.of("value", number))), String.class);

        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(started.getBody()).contains("is not the process of request " + number);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("home-delivery")
                .processInstanceBusinessKey(number).count()).isZero();
        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus()).isEqualTo(statusBefore);
    }

    /** A one-task model with the element given, deployed over the REST API as Camunda Modeler does. */
    private ResponseEntity<String> deploy(TestRestTemplate as, String key, String element) {
        return deployRaw(as, key, "<bpmn:startEvent id=\"StartEvent_Probe\" />" + element);
    }

    private ResponseEntity<String> deployRaw(TestRestTemplate as, String key, String elements) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe"
                    targetNamespace="http://mitan.org/test">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, elements);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", key);
        HttpHeaders xml = new HttpHeaders();
        xml.setContentType(MediaType.APPLICATION_XML);
        form.add(key + ".bpmn", new HttpEntity<>(new ByteArrayResource(bpmn.getBytes()) {
            @Override
            public String getFilename() {
                return key + ".bpmn";
            }
        }, xml));
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, multipart), String.class);
    }

    private static String phone() {
        return "9" + String.format("%09d", new SecureRandom().nextInt(1_000_000_000));
    }
}
