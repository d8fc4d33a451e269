package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mitan.mitan.Mitan;
import org.mitan.mitan.MitanRepository;
import org.mitan.municipality.UrbanBody;
import org.mitan.municipality.UrbanBodyRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Bringing a new urban body and its Mitan online outside the demo data, as the README tells an administrator:
 * the Mitan's user is made in Camunda (through its REST API, as Camunda Admin does), then the body and the Mitan
 * through the administration API, and requests of the new body reach the new Mitan. Each test uses a body of its
 * own, so the demo bodies and Mitans other tests rely on stay as they are.
 */
@MitanIntegrationTest
class AdministrationIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    UrbanBodyRepository bodies;
    @Autowired
    MitanRepository mitans;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void aNewBodyAndItsMitanComeOnlineThroughTheApi() {
        String code = freshCode();
        String mitanUser = "mitan." + code.toLowerCase();

        // The administrator adds the body; it is in the call centre's list at once.
        ResponseEntity<JsonNode> added = as("admin").postForEntity("/api/bodies", Map.of(
                "code", code, "nameEn", "Test Nagar " + code, "nameHi", "टेस्ट नगर", "district", "Raipur",
                "kind", "NAGAR_PANCHAYAT", "wards", 20, "supervisorPhone", "+91 98765 00077"), JsonNode.class);
        assertThat(added.getStatusCode()).as("%s", added.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody().path("supervisorPhone").asText()).isEqualTo("9876500077");
        assertThat(added.getBody().path("active").asBoolean()).isTrue();
        assertThat(as("callcentre").getForEntity("/api/bodies", JsonNode.class).getBody().findValuesAsText("code"))
                .contains(code);
        // And in Tasklist's registration form, without changing the form.
        assertThat(startFormBodies()).contains(code + "=Test Nagar " + code + " (टेस्ट नगर)", "RPR=Raipur (रायपुर)");
        // Its staff groups exist at once: the administrator adds the body's supervisor and Mitan to them.
        String supervisor = "supervisor." + code.toLowerCase();
        createCamundaUser(supervisor, "supervisor-" + code);
        createCamundaUser(mitanUser, "mitan-" + code);

        // A request comes in before the body has a Mitan: the supervisor is asked to choose one.
        String first = register(code, 12);
        JsonNode manual = singleTask(supervisor, "Task_AssignMitanManually", first);
        assertThat(as("supervisor.raipur").getForEntity("/engine-rest/task?processInstanceBusinessKey={number}",
                JsonNode.class, first).getBody()).as("another body's supervisor sees none of its work").isEmpty();

        // A user in the body's Mitan group without a Mitan row is refused; the supervisor is told why.
        submit(supervisor, manual, Map.of("chosenMitanUserId", mitanUser));
        JsonNode again = singleTask(supervisor, "Task_AssignMitanManually", first);
        assertThat(again.path("id").asText()).isNotEqualTo(manual.path("id").asText());
        assertThat(variable(supervisor, again, "assignmentProblem"))
                .contains("'" + mitanUser + "' is not the user id of a Mitan");

        // The supervisor makes that user a Mitan of the body...
        ResponseEntity<JsonNode> mitan = as(supervisor).postForEntity("/api/mitans", Map.of(
                "bodyCode", code.toLowerCase(), "name", "Kiran Dhruw", "phone", "98765 00078",
                "userId", mitanUser, "wards", List.of("1-5", 12)), JsonNode.class);
        assertThat(mitan.getStatusCode()).as("%s", mitan.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(mitan.getBody().path("wards").toString()).isEqualTo("[1,2,3,4,5,12]");
        assertThat(mitan.getBody().path("phone").asText()).isEqualTo("9876500078");
        Mitan stored = mitans.findByUserId(mitanUser).orElseThrow();
        assertThat(stored.getBodyCode()).isEqualTo(code);
        assertThat(stored.getWards()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 12);

        // ...and now the choice is taken: the new Mitan logs in and finds the visit.
        submit(supervisor, again, Map.of("chosenMitanUserId", mitanUser));
        JsonNode visit = singleTask(mitanUser, "Task_VisitCitizen", first);
        assertThat(visit.path("assignee").asText()).isEqualTo(mitanUser);

        // The next request of the body reaches the Mitan by itself.
        String second = register(code, 3);
        assertThat(singleTask(mitanUser, "Task_VisitCitizen", second).path("assignee").asText())
                .isEqualTo(mitanUser);
        JsonNode listed = as("admin").getForEntity("/api/mitans?body={code}", JsonNode.class, code).getBody();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("userId").asText()).isEqualTo(mitanUser);
        assertThat(listed.get(0).path("openRequests").asLong()).isEqualTo(2);

        // Fewer wards than the Mitan serves and an open request uses are refused, naming both.
        ResponseEntity<JsonNode> cut = patch(supervisor, "/api/bodies/" + code,
                Map.of("wards", 10, "supervisorPhone", "9876500079"));
        assertThat(cut.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(cut.getBody().path("detail").asText()).contains(mitanUser + " up to ward 12", first);
        UrbanBody unchanged = bodies.findById(code).orElseThrow();
        assertThat(unchanged.getWards()).isEqualTo(20);
        assertThat(unchanged.getSupervisorPhone()).isEqualTo("9876500077");

        ResponseEntity<JsonNode> grown = patch(supervisor, "/api/bodies/" + code,
                Map.of("wards", 25, "supervisorPhone", "9876500079"));
        assertThat(grown.getStatusCode()).as("%s", grown.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(bodies.findById(code).orElseThrow().getSupervisorPhone()).isEqualTo("9876500079");

        // Deactivated, the Mitan gets no new requests; the supervisor is asked again.
        ResponseEntity<JsonNode> deactivated = patch("admin", "/api/mitans/" + mitanUser, Map.of("active", false));
        assertThat(deactivated.getStatusCode()).as("%s", deactivated.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(deactivated.getBody().path("active").asBoolean()).isFalse();
        String third = register(code, 4);
        JsonNode unassigned = singleTask(supervisor, "Task_AssignMitanManually", third);
        assertThat(variable(supervisor, unassigned, "assignmentProblem")).contains("No active Mitan");

        // A body that no longer takes requests is no longer offered.
        ResponseEntity<JsonNode> closed = patch("admin", "/api/bodies/" + code, Map.of("active", false));
        assertThat(closed.getStatusCode()).as("%s", closed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(startFormBodies()).noneMatch(choice -> choice.startsWith(code + "="))
                .contains("RPR=Raipur (रायपुर)");
    }

    /** The urban bodies the call centre's start form offers, as code=label, read as Tasklist reads the form. */
    private List<String> startFormBodies() {
        ResponseEntity<JsonNode> form = as("callcentre").getForEntity(
                "/engine-rest/process-definition/key/birth-certificate/deployed-start-form", JsonNode.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> choices = new ArrayList<>();
        form.getBody().findParents("key").stream().filter(field -> field.path("key").asText().equals("bodyCode"))
                .forEach(field -> field.path("values").forEach(choice -> choices.add(choice.path("value").asText()
                        + "=" + choice.path("label").asText())));
        return choices;
    }

    @Test
    void refusalsNameEachBadFieldAndChangeNothing() {
        String code = freshCode();
        ResponseEntity<JsonNode> badBody = as("admin").postForEntity("/api/bodies", Map.of(
                "code", code, "nameEn", "Test Nagar", "nameHi", "टेस्ट नगर", "district", "Raipur",
                "kind", "CITY", "wards", 0, "supervisorPhone", "12345"), JsonNode.class);
        assertThat(badBody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badBody.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(fieldNames(badBody)).containsExactlyInAnyOrder("kind", "wards", "supervisorPhone");
        assertThat(bodies.findById(code)).isEmpty();

        ResponseEntity<JsonNode> duplicate = as("admin").postForEntity("/api/bodies", Map.of(
                "code", "RPR", "nameEn", "Raipur again", "nameHi", "रायपुर", "district", "Raipur",
                "kind", "MUNICIPAL_CORPORATION", "wards", 10), JsonNode.class);
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(bodies.findById("RPR").orElseThrow().getNameEn()).isEqualTo("Raipur");
        assertThat(bodies.findById("RPR").orElseThrow().getWards()).isEqualTo(70);

        Map<String, Object> mitan = new LinkedHashMap<>(Map.of("bodyCode", "RPR", "name", "Somebody",
                "phone", "9876500080", "wards", List.of(1)));
        mitan.put("userId", "nobody." + code.toLowerCase());
        ResponseEntity<JsonNode> unknownUser = as("supervisor.raipur").postForEntity("/api/mitans", mitan,
                JsonNode.class);
        assertThat(unknownUser.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownUser.getBody().path("fieldErrors").path("userId").asText())
                .contains("not a Camunda user", "Camunda Admin", "group 'mitan-<BODY>'");

        mitan.put("userId", "clerk.raipur");
        ResponseEntity<JsonNode> notInGroup = as("supervisor.raipur").postForEntity("/api/mitans", mitan,
                JsonNode.class);
        assertThat(notInGroup.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notInGroup.getBody().path("fieldErrors").path("userId").asText()).contains("not in group 'mitan-RPR'");
        assertThat(mitans.findByUserId("clerk.raipur")).isEmpty();

        mitan.put("userId", "mitan.raipur");
        mitan.put("wards", List.of(71));
        mitan.put("phone", "555");
        ResponseEntity<JsonNode> badFields = as("admin").postForEntity("/api/mitans", mitan, JsonNode.class);
        assertThat(badFields.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fieldNames(badFields)).containsExactlyInAnyOrder("phone", "wards");

        mitan.put("wards", List.of(1));
        mitan.put("phone", "9876500080");
        ResponseEntity<JsonNode> alreadyAMitan = as("admin").postForEntity("/api/mitans", mitan, JsonNode.class);
        assertThat(alreadyAMitan.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        Mitan raipur = mitans.findByUserId("mitan.raipur").orElseThrow();
        assertThat(raipur.getPhone()).isEqualTo("9876500001");
        assertThat(raipur.getWards()).hasSize(35);

        ResponseEntity<JsonNode> badChange = patch("admin", "/api/mitans/mitan.raipur",
                Map.of("phone", "555", "wards", List.of("30-80"), "active", "perhaps"));
        assertThat(badChange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fieldNames(badChange)).containsExactlyInAnyOrder("phone", "wards", "active");
        raipur = mitans.findByUserId("mitan.raipur").orElseThrow();
        assertThat(raipur.getPhone()).isEqualTo("9876500001");
        assertThat(raipur.getWards()).hasSize(35);
        assertThat(raipur.isActive()).isTrue();

        assertThat(patch("admin", "/api/mitans/nobody." + code.toLowerCase(), Map.of("active", false))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(patch("admin", "/api/bodies/NO" + code, Map.of("wards", 5)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyAdministratorsAndSupervisorsAdminister() {
        String code = freshCode();
        Map<String, Object> body = Map.of("code", code, "nameEn", "Test Nagar", "nameHi", "टेस्ट नगर",
                "district", "Raipur", "kind", "NAGAR_PANCHAYAT", "wards", 15);
        List<ResponseEntity<JsonNode>> clerk = List.of(
                as("clerk.raipur").postForEntity("/api/bodies", body, JsonNode.class),
                patch("clerk.raipur", "/api/bodies/RPR", Map.of("supervisorPhone", "9876500081")),
                as("clerk.raipur").getForEntity("/api/mitans?body=RPR", JsonNode.class),
                as("clerk.raipur").postForEntity("/api/mitans", Map.of("bodyCode", "RPR", "name", "Meena",
                        "phone", "9876500081", "userId", "clerk.raipur", "wards", List.of(1)), JsonNode.class),
                patch("clerk.raipur", "/api/mitans/mitan.raipur", Map.of("active", false)));
        assertThat(clerk).allSatisfy(response -> {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .isTrue();
        });
        assertThat(as("supervisor.raipur").postForEntity("/api/bodies", body, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("mitan.raipur").getForEntity("/api/mitans?body=RPR", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/mitans?body=RPR", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(bodies.findById(code)).isEmpty();
        assertThat(bodies.findById("RPR").orElseThrow().getSupervisorPhone()).isNotEqualTo("9876500081");
        assertThat(mitans.findByUserId("clerk.raipur")).isEmpty();
        assertThat(mitans.findByUserId("mitan.raipur").orElseThrow().isActive()).isTrue();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private ResponseEntity<JsonNode> patch(String user, String path, Map<String, Object> fields) {
        return as(user).exchange(path, HttpMethod.PATCH, new HttpEntity<>(fields), JsonNode.class);
    }

    /** What an administrator does in Camunda Admin: a user with password {@code demo}, added to a group. */
    private void createCamundaUser(String userId, String group) {
        ResponseEntity<String> created = as("admin").postForEntity("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", userId, "firstName", "Kiran", "lastName", "Dhruw",
                        "email", userId + "@mitan.example"),
                "credentials", Map.of("password", "demo")), String.class);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> member = as("admin").exchange("/engine-rest/group/{group}/members/{user}",
                HttpMethod.PUT, null, String.class, group, userId);
        assertThat(member.getStatusCode()).as("%s", member.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private String register(String code, int ward) {
        String phone = "9" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        ResponseEntity<JsonNode> registered = as("callcentre").postForEntity("/api/requests", Map.of(
                "certificateType", "birth-certificate", "bodyCode", code, "ward", ward,
                "citizenName", "Rekha Sahu", "citizenPhone", phone, "address", "House 3, Ward " + ward,
                "preferredVisitWindow", "EVENING", "language", "hi"), JsonNode.class);
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        String number = registered.getBody().path("requestNumber").asText();
        AfterRegistration.carryOn(runtime, management, number);
        return number;
    }

    private JsonNode singleTask(String user, String taskKey, String number) {
        ResponseEntity<JsonNode> tasks = as(user).getForEntity(
                "/engine-rest/task?taskDefinitionKey={key}&processInstanceBusinessKey={number}", JsonNode.class,
                taskKey, number);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.getBody()).as("%s sees one %s of %s", user, taskKey, number).hasSize(1);
        return tasks.getBody().get(0);
    }

    private void submit(String user, JsonNode task, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        ResponseEntity<String> response = as(user).postForEntity("/engine-rest/task/{id}/submit-form",
                Map.of("variables", variables), String.class, task.path("id").asText());
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
    }

    private String variable(String user, JsonNode task, String name) {
        ResponseEntity<JsonNode> variable = as(user).getForEntity("/engine-rest/task/{id}/variables/{name}",
                JsonNode.class, task.path("id").asText(), name);
        assertThat(variable.getStatusCode()).isEqualTo(HttpStatus.OK);
        return variable.getBody().path("value").asText();
    }

    private static List<String> fieldNames(ResponseEntity<JsonNode> problem) {
        List<String> names = new java.util.ArrayList<>();
        problem.getBody().path("fieldErrors").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A body code no other test uses: T and four random capital letters. */
    private static String freshCode() {
        StringBuilder code = new StringBuilder("T");
        for (int i = 0; i < 4; i++) {
            code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return code.toString();
    }
}
