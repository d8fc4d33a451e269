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
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mitan.notification.SmsMessage;
import org.mitan.notification.SmsMessageRepository;
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
 * The steps of a request's journey as the demo users take them through the application's API and
 * {@code /engine-rest}: find, claim and submit tasks, upload scans, run the jobs that are due (the job executor is
 * off in tests) and read the citizen's OTP from the SMS outbox.
 */
final class ApiJourney {

    private static final Pattern OTP = Pattern.compile("\\b(\\d{6})\\b");

    private final TestRestTemplate http;
    private final ObjectMapper json;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final SmsMessageRepository outbox;

    ApiJourney(TestRestTemplate http, ObjectMapper json, RuntimeService runtime, ManagementService management,
            SmsMessageRepository outbox) {
        this.http = http;
        this.json = json;
        this.runtime = runtime;
        this.management = management;
        this.outbox = outbox;
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    /** The tasks of that definition key in the request's processes that the user may see. */
    JsonNode tasks(String user, String taskKey, String number) {
        ResponseEntity<JsonNode> tasks = as(user).getForEntity(
                "/engine-rest/task?taskDefinitionKey={key}&processInstanceBusinessKey={number}", JsonNode.class,
                taskKey, number);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        return tasks.getBody();
    }

    JsonNode singleTask(String user, String taskKey, String number) {
        JsonNode tasks = tasks(user, taskKey, number);
        assertThat(tasks).as("%s sees one %s", user, taskKey).hasSize(1);
        return tasks.get(0);
    }

    JsonNode claim(String user, String taskKey, String number) {
        JsonNode task = singleTask(user, taskKey, number);
        ResponseEntity<String> claimed = as(user).postForEntity("/engine-rest/task/{id}/claim",
                Map.of("userId", user), String.class, task.path("id").asText());
        assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        return task;
    }

    /** A variable the task's form shows (e.g. {@code requestSummary}), read as that user. */
    String formText(String user, JsonNode task, String name) {
        ResponseEntity<JsonNode> variable = as(user).getForEntity("/engine-rest/task/{id}/form-variables",
                JsonNode.class, task.path("id").asText());
        assertThat(variable.getStatusCode()).as("%s", variable.getBody()).isEqualTo(HttpStatus.OK);
        return variable.getBody().path(name).path("value").asText();
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

    /** Runs the jobs that are due in the request's process instances (the certificate's and its call activities'). */
    void runJobs(String number) {
        List<Job> jobs = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
                .map(ProcessInstance::getId)
                .flatMap(id -> management.createJobQuery().processInstanceId(id).executable().list().stream())
                .toList();
        assertThat(jobs).isNotEmpty();
        jobs.forEach(job -> management.executeJob(job.getId()));
    }

    /** The OTP of the newest delivery SMS to the citizen of the request. */
    String latestOtp(Long requestId) {
        SmsMessage sms = outbox.findByRequestIdOrderByIdAsc(requestId).stream()
                .filter(message -> message.getTemplate().equals("DELIVERY_OTP"))
                .reduce((first, second) -> second).orElseThrow();
        Matcher matcher = OTP.matcher(sms.getBody());
        assertThat(matcher.find()).as(sms.getBody()).isTrue();
        return matcher.group(1);
    }
}
