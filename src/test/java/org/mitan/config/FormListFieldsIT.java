package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mitan.MitanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A checklist and a tag list in a task's Camunda Form, completed as Tasklist sends them (a JSON list of text), read
 * by a gateway as a list; values the form does not offer are refused; and form fields no step can take are refused
 * as the form is deployed.
 */
@MitanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class FormListFieldsIT {

    /** A process with a task whose form has a checklist (required) and a tag list, then a gateway on the list. */
    public static final String PROBE = "list-fields-probe";
    public static final String SURVEY = "Task_Survey";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;

    private String deploymentId;

    @BeforeAll
    void deployProbe() throws IOException {
        deploymentId = deployProbe(repository);
    }

    @AfterAll
    void removeProbe() {
        repository.deleteDeployment(deploymentId, true);
    }

    /** Deploys the probe as the application does (no person's deployment); answers the deployment's id. */
    public static String deployProbe(RepositoryService repository) throws IOException {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask(SURVEY).name("Survey the connection").camundaCandidateGroups("clerk-RPR")
                .camundaFormRef(PROBE).camundaFormRefBinding("deployment")
                .exclusiveGateway("Gateway_HowMany")
                .condition("more than one", "${services.elements().size() > 1}")
                .userTask("Task_Several").name("Several services")
                .endEvent()
                .moveToLastGateway()
                .condition("one", "${services.elements().size() <= 1}")
                .userTask("Task_One").name("One service")
                .endEvent()
                .done();
        try (InputStream form = resource(PROBE + ".form")) {
            return repository.createDeployment().name(PROBE).addModelInstance(PROBE + ".bpmn", model)
                    .addInputStream(PROBE + ".form", form).deploy().getId();
        }
    }

    @Test
    void aChecklistAndATagListAreTakenAsTasklistSendsThemAndAGatewayReadsTheList() {
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROBE, "PROBE-1");
        Task survey = task(instance, SURVEY);

        ResponseEntity<String> done = submit(survey, Map.of("services", json("[\"water\",\"sewer\"]"),
                "landmarks", json("[\"school\"]"), "remarks", Map.of("value", "corner house")));

        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        SerializableValue services = runtime.getVariableTyped(instance.getId(), "services", false);
        assertThat(services.getType()).isEqualTo(SpinValueType.JSON);
        assertThat(services.getValueSerialized()).isEqualTo("[\"water\",\"sewer\"]");
        assertThat(task(instance, "Task_Several")).as("the gateway counted two services").isNotNull();
    }

    @Test
    void valuesTheFormDoesNotOfferAndListsOfAnotherShapeAreRefusedAndTheTaskStaysOpen() {
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROBE, "PROBE-2");
        Task survey = task(instance, SURVEY);

        refused(survey, Map.of("services", json("[\"water\",\"gas\"]")),
                "services may hold only water, sewer, drain; 'gas' is none of them");
        refused(survey, Map.of("services", json("[\"water\",\"water\"]")), "services holds 'water' twice");
        refused(survey, Map.of("services", json("[\"water\",\"water\"]")), "services में फ़ॉर्म के विकल्प ही चुनें");
        refused(survey, Map.of("services", json("[]")), "This task's form needs services");
        refused(survey, Map.of("services", Map.of("value", "water")), "services is a list");
        refused(survey, Map.of("services", json("[\"water\"]"), "landmarks", json("[\"temple\", 7]")),
                "landmarks was sent as another kind of value");
        refused(survey, Map.of("services", json("[\"water\"]"), "landmarks", json("{\"temple\": true}")),
                "landmarks was sent as another kind of value");
        refused(survey, Map.of("services", json("[\"water\"]"), "remarks", json("[\"a\"]")),
                "remarks was sent as another kind of value");
        refused(survey, Map.of("services", json("[\"water\\u0000\"]")), "services");

        assertThat(task(instance, SURVEY)).as("still open").isNotNull();
        assertThat(runtime.getVariable(instance.getId(), "services")).as("nothing stored").isNull();
        ResponseEntity<String> one = submit(survey, Map.of("services", json("[\"drain\"]")));
        assertThat(one.getStatusCode()).as(one.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(task(instance, "Task_One")).isNotNull();
    }

    @Test
    void aDynamicListOrAParticularThatIsAListIsRefusedAsTheFormIsDeployed() throws IOException {
        ResponseEntity<String> dynamic = deployAsAnalyst("dynamic-list.form");
        assertThat(dynamic.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(dynamic.getBody()).contains("dynamic-list.form: the dynamic list 'members' sends a list of"
                + " records, which no step takes").contains("Nothing was deployed");

        ResponseEntity<String> particular = deployAsAnalyst("particular-checklist.form");
        assertThat(particular.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(particular.getBody()).contains("the particular 'particular_trades' is a checklist, but a"
                + " particular holds one value");

        assertThat(repository.createDeploymentQuery().deploymentNameLike("%-%.form").count())
                .as("neither deployment was stored").isZero();
    }

    private void refused(Task task, Map<String, Object> variables, String says) {
        ResponseEntity<String> answer = submit(task, variables);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains(says);
    }

    /** A value as Tasklist sends a checklist's or tag list's: type Json, the list written as JSON text. */
    private static Map<String, Object> json(String text) {
        return Map.of("type", "Json", "value", text);
    }

    private ResponseEntity<String> submit(Task task, Map<String, Object> variables) {
        return http.withBasicAuth("clerk.raipur", "demo").postForEntity("/engine-rest/task/{id}/submit-form",
                Map.of("variables", new LinkedHashMap<>(variables)), String.class, task.getId());
    }

    private Task task(ProcessInstance instance, String key) {
        identity.clearAuthentication();
        List<Task> found = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
        return found.isEmpty() ? null : found.get(0);
    }

    private ResponseEntity<String> deployAsAnalyst(String file) throws IOException {
        byte[] content;
        try (InputStream in = resource(file)) {
            content = in.readAllBytes();
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", file);
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("data", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return file;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("analyst", "demo").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(parts, headers), String.class);
    }

    private static InputStream resource(String file) {
        InputStream in = FormListFieldsIT.class.getResourceAsStream("/list-fields/" + file);
        if (in == null) {
            throw new IllegalStateException("no test resource list-fields/" + file);
        }
        return in;
    }
}
