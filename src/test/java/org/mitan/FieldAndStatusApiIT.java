package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.document.DocumentRepository;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.sms.SmsMessage;
import org.mitan.sms.SmsMessageRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the field page and the citizen's status page rely on, through HTTP on the real application: uploads that a
 * retry cannot store twice (the {@code Idempotency-Key}), the webapp session counted for a write only with its CSRF
 * token, the Mitan's own work list, and the public status page behind its unguessable code.
 */
@MitanIntegrationTest
class FieldAndStatusApiIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ServiceRequestRepository requests;
    @Autowired
    DocumentRepository documents;
    @Autowired
    SmsMessageRepository outbox;
    @Autowired
    JdbcTemplate jdbc;

    JourneySteps steps;

    @BeforeEach
    void setUp() {
        steps = new JourneySteps(http, json, runtime, management);
    }

    private String register(String phone, String name) {
        return steps.register(Map.of("certificateType", "birth-certificate", "bodyCode", "RPR", "ward", 20,
                "citizenName", name, "citizenPhone", phone, "address", "House 5, Pandri, Raipur",
                "preferredVisitWindow", "AFTERNOON", "language", "hi"));
    }

    @Test
    void aRetriedUploadWithItsKeyIsStoredOnceAndAKeyUsedForAnotherFileIsRefused() throws Exception {
        String number = register("+91 98765 55001", "Geeta Yadav");
        byte[] first = Scans.image("jpeg");
        byte[] other = Scans.image("png");

        ResponseEntity<JsonNode> created = upload(number, "birth-report", first, "queue-key-0001");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> again = upload(number, "birth-report", first, "queue-key-0001");
        assertThat(again.getStatusCode()).as("the retry gets the first answer").isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("id").asText()).isEqualTo(created.getBody().path("id").asText());

        ResponseEntity<JsonNode> reused = upload(number, "parent-id", other, "queue-key-0001");
        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(reused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(reused.getBody().path("detail").asText()).contains("Idempotency-Key", "nothing was stored");

        ResponseEntity<JsonNode> badKey = upload(number, "parent-id", other, "x");
        assertThat(badKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badKey.getBody().toString()).contains("Idempotency-Key");

        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        assertThat(documents.findByRequestIdOrderByUploadedAtAsc(request.getId())).hasSize(1);

        // The visit is reported; the phone's retry of a lost answer still gets its document, not a conflict.
        upload(number, "parent-id", other, "queue-key-0002");
        upload(number, "address-proof", Scans.pdf("Electricity bill " + number), "queue-key-0003");
        steps.submit("mitan.raipur", steps.singleTask("mitan.raipur", "Task_VisitCitizen", number),
                Map.of("visitOutcome", "collected"));
        steps.runJobs(number);
        ResponseEntity<JsonNode> late = upload(number, "parent-id", other, "queue-key-0002");
        assertThat(late.getStatusCode()).as("%s", late.getBody()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> fresh = upload(number, "parent-id", Scans.pdf("another"), "queue-key-0004");
        assertThat(fresh.getStatusCode()).as("a new scan after verification").isEqualTo(HttpStatus.CONFLICT);
        assertThat(documents.findByRequestIdOrderByUploadedAtAsc(request.getId())).hasSize(3);
    }

    @Test
    void theWebappSessionWritesOnlyWithItsCsrfToken() throws Exception {
        String number = register("+91 98765 55002", "Meena Patel");
        // The page's start: a session and its token, then the webapps' login with the token.
        ResponseEntity<JsonNode> start = http.getForEntity("/field/session", JsonNode.class);
        assertThat(start.getBody().path("loggedIn").asBoolean()).isFalse();
        String cookie = sessionCookie(start.getHeaders());
        HttpHeaders login = new HttpHeaders();
        login.add(HttpHeaders.COOKIE, cookie);
        login.add("X-XSRF-TOKEN", start.getBody().path("csrfToken").asText());
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> credentials = new LinkedMultiValueMap<>();
        credentials.add("username", "mitan.raipur");
        credentials.add("password", "demo");
        ResponseEntity<String> loggedIn = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new HttpEntity<>(credentials, login), String.class);
        assertThat(loggedIn.getStatusCode()).as(loggedIn.getBody()).isEqualTo(HttpStatus.OK);
        String session = sessionCookie(loggedIn.getHeaders());
        HttpHeaders withSession = new HttpHeaders();
        withSession.add(HttpHeaders.COOKIE, session);
        ResponseEntity<JsonNode> now = http.exchange("/field/session", HttpMethod.GET, new HttpEntity<>(withSession),
                JsonNode.class);
        assertThat(now.getBody().path("loggedIn").asBoolean()).isTrue();
        assertThat(now.getBody().path("userId").asText()).isEqualTo("mitan.raipur");
        String token = now.getBody().path("csrfToken").asText();

        // Reads with the session alone; the work list holds the request with what is needed at the door.
        ResponseEntity<JsonNode> today = http.exchange("/api/field/today", HttpMethod.GET,
                new HttpEntity<>(withSession), JsonNode.class);
        assertThat(today.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode item = find(today.getBody().path("work"), number);
        assertThat(item.path("kind").asText()).isEqualTo("visit");
        assertThat(item.path("citizenName").asText()).isEqualTo("Meena Patel");
        assertThat(item.path("citizenPhone").asText()).isEqualTo("9876555002");
        assertThat(item.path("address").asText()).isEqualTo("House 5, Pandri, Raipur");
        assertThat(item.path("ward").asInt()).isEqualTo(20);
        assertThat(item.path("visitWindow").asText()).isEqualTo("AFTERNOON");

        // A write with the session but without the token is not the user's (a page of another site could send it).
        HttpHeaders noToken = new HttpHeaders();
        noToken.add(HttpHeaders.COOKIE, session);
        noToken.add("X-Requested-With", "XMLHttpRequest");
        noToken.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> refused = http.postForEntity("/api/requests/{number}/documents",
                new HttpEntity<>(scanForm("birth-report", Scans.image("png")), noToken), String.class, number);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as("no browser password box").isNull();
        HttpHeaders wrongToken = new HttpHeaders();
        wrongToken.putAll(noToken);
        wrongToken.add("X-XSRF-TOKEN", "0".repeat(32));
        assertThat(http.postForEntity("/api/requests/{number}/documents",
                new HttpEntity<>(scanForm("birth-report", Scans.image("png")), wrongToken), String.class, number)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        HttpHeaders withToken = new HttpHeaders();
        withToken.putAll(noToken);
        withToken.add("X-XSRF-TOKEN", token);
        ResponseEntity<String> stored = http.postForEntity("/api/requests/{number}/documents",
                new HttpEntity<>(scanForm("birth-report", Scans.image("png")), withToken), String.class, number);
        assertThat(stored.getStatusCode()).as(stored.getBody()).isEqualTo(HttpStatus.CREATED);

        // The checklist shows it, with the type's "one of" groups as one line each.
        ResponseEntity<JsonNode> checklist = http.exchange("/api/requests/{number}/documents", HttpMethod.GET,
                new HttpEntity<>(withSession), JsonNode.class, number);
        assertThat(checklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode first = checklist.getBody().path("requirements").get(0);
        assertThat(first.path("alternatives").get(0).path("documentType").asText()).isEqualTo("birth-report");
        assertThat(first.path("met").asBoolean()).isTrue();
        assertThat(first.path("alternatives").get(0).path("uploaded").asInt()).isEqualTo(1);

        // Another body's Mitan sees neither the request in their list nor its checklist.
        JsonNode korba = steps.as("mitan.korba").getForEntity("/api/field/today", JsonNode.class).getBody();
        assertThat(korba.path("work").toString()).doesNotContain(number);
        assertThat(steps.as("mitan.korba").getForEntity("/api/requests/{number}/documents", String.class, number)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // No delivery yet: its state is a 404 and a hand-over photo a 409, each saying why.
        ResponseEntity<JsonNode> delivery = steps.as("mitan.raipur").getForEntity("/api/requests/{number}/delivery",
                JsonNode.class, number);
        assertThat(delivery.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(delivery.getBody().path("detail").asText()).contains("not been arranged");
    }

    @Test
    void theStatusPageShowsTheStepsAndWhatIsMissingBehindTheCodeInTheSms() {
        String number = register("+91 98765 55003", "Rekha Sahu");
        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        String code = request.getStatusCode();
        assertThat(code).matches("[0-9a-f]{24}");
        assertThat(jdbc.queryForObject("select substr(encode(sha256(convert_to('mitan:status:' || request_number"
                + " || ':' || feedback_code, 'UTF8')), 'hex'), 1, 24) from service_request where request_number = ?",
                String.class, number)).as("the rule of migration V12, for requests registered before it")
                .isEqualTo(code);
        List<SmsMessage> sms = outbox.findByRequestIdOrderByIdAsc(request.getId());
        assertThat(sms).filteredOn(message -> message.getTemplate().equals("REQUEST_REGISTERED"))
                .singleElement().satisfies(message -> assertThat(message.getBody()).contains("/status/" + code));
        assertThat(sms).filteredOn(message -> message.getTemplate().equals("MITAN_ASSIGNED"))
                .singleElement().satisfies(message -> assertThat(message.getBody()).contains("/status/" + code));

        // JSON for a client that asks for it: no login, nothing personal beyond the masked name.
        HttpHeaders asksJson = new HttpHeaders();
        asksJson.setAccept(List.of(MediaType.APPLICATION_JSON));
        ResponseEntity<JsonNode> status = http.exchange("/status/" + code, HttpMethod.GET, new HttpEntity<>(asksJson),
                JsonNode.class);
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode view = status.getBody();
        assertThat(view.path("requestNumber").asText()).isEqualTo(number);
        assertThat(view.path("citizen").asText()).isEqualTo("R**** S***");
        assertThat(view.toString()).doesNotContain("Rekha").doesNotContain("Pandri").doesNotContain("9876555003");
        assertThat(view.path("service").path("hi").asText()).isEqualTo("जन्म प्रमाण पत्र");
        assertThat(view.path("steps").get(0).path("name").path("hi").asText()).isEqualTo("आवेदन दर्ज");
        assertThat(view.path("steps").get(1).path("current").asBoolean()).as("Mitan assigned").isTrue();
        assertThat(view.path("steps").get(1).path("reachedOn").asText()).isNotBlank();
        assertThat(view.path("steps").get(1).path("dueBy").asText()).as("the visit's due date").isNotBlank();
        assertThat(view.path("steps").get(0).path("dueBy").isMissingNode()).isTrue();
        assertThat(view.path("steps").get(6).path("reachedOn").isMissingNode()).as("not delivered yet").isTrue();
        assertThat(view.path("mitan").path("name").asText()).isEqualTo("Ramesh Sahu");
        assertThat(view.path("expectedBy").asText()).isNotBlank();
        assertThat(view.path("missingDocuments").toString()).contains("Birth report");
        assertThat(view.path("fees").get(0).path("name").path("hi").asText()).isEqualTo("मितान सेवा शुल्क");
        assertThat(view.path("fees").get(0).path("rupees").asInt()).isEqualTo(50);

        // A page in Hindi and English for a browser.
        HttpHeaders asksHtml = new HttpHeaders();
        asksHtml.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = http.exchange("/status/" + code, HttpMethod.GET, new HttpEntity<>(asksHtml),
                String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("मितान तय", "Mitan assigned", "R**** S***", "ये दस्तावेज़ तैयार रखें",
                        "Mitan service fee</span>: ₹50")
                .doesNotContain("Rekha");

        // An unknown or malformed code finds nothing, and says so.
        String wrong = code.substring(0, 23) + (code.endsWith("0") ? "1" : "0");
        ResponseEntity<JsonNode> unknown = http.exchange("/status/" + wrong, HttpMethod.GET,
                new HttpEntity<>(asksJson), JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("detail").asText()).contains("14545");
        assertThat(http.exchange("/status/" + number, HttpMethod.GET, new HttpEntity<>(asksHtml), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> upload(String number, String type, byte[] content, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.add("Idempotency-Key", key);
        return steps.as("mitan.raipur").postForEntity("/api/requests/{number}/documents",
                new HttpEntity<>(scanForm(type, content), headers), JsonNode.class, number);
    }

    private static MultiValueMap<String, Object> scanForm(String type, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("type", type);
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "scan";
            }
        });
        return form;
    }

    private static String sessionCookie(HttpHeaders headers) {
        return headers.getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + headers));
    }

    private static JsonNode find(JsonNode work, String number) {
        for (JsonNode item : work) {
            if (number.equals(item.path("requestNumber").asText())) {
                return item;
            }
        }
        throw new AssertionError(number + " is not in " + work);
    }
}
