package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.mitan.sms.SmsMessage;
import org.mitan.sms.SmsMessageRepository;
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
 * What the demo users do through the application's API and Camunda's REST API in an integration test (each call
 * with the user's own Basic credentials, password {@code demo}), and the one thing the test does itself: run the
 * asynchronous jobs, since the job executor is off in tests.
 */
final class JourneySteps {

    private static final Pattern OTP = Pattern.compile("\\b(\\d{6})\\b");

    private final TestRestTemplate http;
    private final ObjectMapper json;
    private final RuntimeService runtime;
    private final ManagementService management;

    JourneySteps(TestRestTemplate http, ObjectMapper json, RuntimeService runtime, ManagementService management) {
        this.http = http;
        this.json = json;
        this.runtime = runtime;
        this.management = management;
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    /** The call centre registers a request ({@code POST /api/requests}); gives its request number. */
    String register(Map<String, Object> request) {
        ResponseEntity<JsonNode> registered = as("callcentre").postForEntity("/api/requests", request,
                JsonNode.class);
        assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
        return registeredAndVisitArranged(registered.getBody());
    }

    /**
     * The call centre's answer to a registration: the request is registered, its visit not yet arranged; then the
     * engine goes on from the registration's save point (the job executor's work, off in tests). Gives the number.
     */
    String registeredAndVisitArranged(JsonNode answer) {
        assertThat(answer.path("status").asText()).isEqualTo("REGISTERED");
        String number = answer.path("requestNumber").asText();
        AfterRegistration.carryOn(runtime, management, number);
        return number;
    }

    /**
     * The call centre finds the type on offer ({@code GET /api/certificate-types}) and registers a Raipur request of
     * it for the citizen, in Hindi; the answer names the service. Gives the request number.
     */
    String registerOffered(String type, String serviceName, String citizenName, String phone, String address) {
        return registerOffered(type, serviceName, citizenName, phone, address, "RPR");
    }

    /** As {@link #registerOffered(String, String, String, String, String)}, in the urban body given. */
    String registerOffered(String type, String serviceName, String citizenName, String phone, String address,
            String body) {
        ResponseEntity<JsonNode> offered = as("callcentre").getForEntity("/api/certificate-types", JsonNode.class);
        assertThat(offered.getBody().findValuesAsText("key")).contains(type);
        ResponseEntity<JsonNode> registered = as("callcentre").postForEntity("/api/requests", Map.of(
                "certificateType", type, "bodyCode", body, "ward", 14, "citizenName", citizenName,
                "citizenPhone", phone, "address", address, "preferredVisitWindow", "MORNING", "language", "hi"),
                JsonNode.class);
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getBody().path("serviceName").asText()).isEqualTo(serviceName);
        return registeredAndVisitArranged(registered.getBody());
    }

    /** The tasks of that definition key in the request's processes that the user may see. */
    JsonNode tasks(String user, String taskKey, String number) {
        ResponseEntity<JsonNode> tasks = as(user).getForEntity(
                "/engine-rest/task?taskDefinitionKey={key}&processInstanceBusinessKey={number}", JsonNode.class,
                taskKey, number);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        return tasks.getBody();
    }

    /** A variable the task's form shows (e.g. {@code requestSummary}), read as that user. */
    String formText(String user, JsonNode task, String name) {
        ResponseEntity<JsonNode> variable = as(user).getForEntity("/engine-rest/task/{id}/form-variables",
                JsonNode.class, task.path("id").asText());
        assertThat(variable.getStatusCode()).as("%s", variable.getBody()).isEqualTo(HttpStatus.OK);
        return variable.getBody().path(name).path("value").asText();
    }

    /** The OTP of the newest delivery SMS to the citizen of the request, read from the outbox before it is sent. */
    static String latestOtp(SmsMessageRepository outbox, Long requestId) {
        SmsMessage sms = outbox.findByRequestIdOrderByIdAsc(requestId).stream()
                .filter(message -> message.getTemplate().equals("DELIVERY_OTP"))
                .reduce((first, second) -> second).orElseThrow();
        Matcher matcher = OTP.matcher(sms.getBody());
        assertThat(matcher.find()).as(sms.getBody()).isTrue();
        return matcher.group(1);
    }

    /** The one task of this key and request that the user sees over {@code /engine-rest}. */
    JsonNode singleTask(String user, String taskKey, String number) {
        ResponseEntity<JsonNode> tasks = as(user).getForEntity(
                "/engine-rest/task?taskDefinitionKey={key}&processInstanceBusinessKey={number}", JsonNode.class,
                taskKey, number);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.getBody()).as("%s sees one %s", user, taskKey).hasSize(1);
        return tasks.getBody().get(0);
    }

    JsonNode claim(String user, String taskKey, String number) {
        JsonNode task = singleTask(user, taskKey, number);
        ResponseEntity<String> claimed = as(user).postForEntity("/engine-rest/task/{id}/claim",
                Map.of("userId", user), String.class, task.path("id").asText());
        assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        return task;
    }

    void submit(String user, JsonNode task, Map<String, Object> values) {
        ResponseEntity<String> response = submitRaw(user, task, values);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    ResponseEntity<String> submitRaw(String user, JsonNode task, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return as(user).postForEntity("/engine-rest/task/{id}/submit-form", Map.of("variables", variables),
                String.class, task.path("id").asText());
    }

    /** A scan uploaded as the Mitan's tablet does it; wants the status given and gives the document's JSON. */
    JsonNode upload(String user, String number, String type, String fileName, byte[] content, HttpStatus expected)
            throws IOException {
        ResponseEntity<String> response = uploadRaw(user, number, type, fileName, content);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    ResponseEntity<String> uploadRaw(String user, String number, String type, String fileName, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("type", type);
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/api/requests/{number}/documents", new HttpEntity<>(form, headers),
                String.class, number);
    }

    /**
     * A birth-certificate request of Raipur ward 12 brought to the clerk's document scrutiny: registered, visited by
     * {@code mitan.raipur} with three scans uploaded, verified and its particulars recorded. Gives its number.
     */
    String birthRequestAtScrutiny(String phone) throws IOException {
        String number = register(Map.of("certificateType", "birth-certificate", "bodyCode", "RPR", "ward", 12,
                "citizenName", "Kamla Sahu", "citizenPhone", phone, "address", "House 3, Tatibandh, Raipur",
                "preferredVisitWindow", "MORNING", "language", "hi"));
        birthVisitCollected(number);
        submit("mitan.raipur", singleTask("mitan.raipur", "Task_RecordParticulars", number), Map.of(
                "particular_childName", "Aarav Sahu", "particular_sex", "Male",
                "particular_dateOfBirth", BirthCertificateJourneyIT.daysAgo(3),
                "particular_placeOfBirth", "District Hospital, Raipur",
                "particular_motherName", "Kamla Sahu", "particular_fatherName", "Mohan Sahu",
                "particular_informantName", "Mohan Sahu", "particular_informantRelation", "father"));
        return number;
    }

    /**
     * The visit of a birth request of Raipur done by {@code mitan.raipur} through the API: three scans uploaded, the
     * visit reported as collected and the scans verified; the particulars are next.
     */
    void birthVisitCollected(String number) throws IOException {
        JsonNode visit = singleTask("mitan.raipur", "Task_VisitCitizen", number);
        upload("mitan.raipur", number, "birth-report", "birth-report.pdf", Scans.pdf("Birth report " + number),
                HttpStatus.CREATED);
        upload("mitan.raipur", number, "parent-id", "id.png", Scans.image("png"), HttpStatus.CREATED);
        upload("mitan.raipur", number, "address-proof", "proof.jpg", Scans.image("jpeg"), HttpStatus.CREATED);
        submit("mitan.raipur", visit, Map.of("visitOutcome", "collected"));
        runJobs(number);
    }

    /**
     * The officers of a birth request at scrutiny do their part: the clerk accepts the documents, the filing runs,
     * the registrar approves and the certificate is issued (the request is then out for delivery).
     */
    void clerkAcceptsAndRegistrarApproves(String number) {
        submit("clerk.raipur", claim("clerk.raipur", "Task_ScrutiniseDocuments", number),
                Map.of("scrutinyOutcome", "accepted"));
        runJobs(number);
        submit("registrar.raipur", claim("registrar.raipur", "Task_DecideApplication", number),
                Map.of("decision", "approved"));
        runJobs(number);
    }

    /** Runs the jobs that are due in the request's process instances (the certificate's and its call activities'). */
    void runJobs(String number) {
        List<Job> jobs = dueJobs(number);
        assertThat(jobs).isNotEmpty();
        jobs.forEach(job -> management.executeJob(job.getId()));
    }

    /** The jobs that are due in the request's process instances, not run. */
    List<Job> dueJobs(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
                .map(ProcessInstance::getId)
                .flatMap(id -> management.createJobQuery().processInstanceId(id).executable().list().stream())
                .toList();
    }

    /** The groups a task (as the REST API lists it) is offered to. */
    static List<String> candidateGroups(TaskService tasks, JsonNode task) {
        return tasks.getIdentityLinksForTask(task.path("id").asText()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).toList();
    }
}
