package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The Cockpit plugin "Request history": its files are served and registered, and every history call it makes
 * answers an auditor logged into Cockpit (webapp session and CSRF token, no Basic credentials) with the trail of a
 * finished request.
 */
@MitanIntegrationTest
class CockpitRequestHistoryIT {

    private static final String COCKPIT = "/camunda/app/cockpit/";
    private static final String PLUGIN = COCKPIT + "request-history/";
    private static final String ENGINE = "/camunda/api/engine/engine/default";
    private static final Pattern RELATIVE_IMPORT = Pattern.compile("from '\\./([\\w-]+\\.js)'");
    static final String MITANS_REMARK = "परिवार अब प्रमाणपत्र नहीं चाहता; the family withdrew at the door";
    private static final Pattern HISTORY_PATH = Pattern.compile("'(/history/[a-z/-]+)'");

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void configRegistersThePluginAndEveryFileIsServed() {
        ResponseEntity<String> config = http.getForEntity(COCKPIT + "scripts/config.js", String.class);
        assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(config.getHeaders().getContentType().toString()).contains("javascript");
        assertThat(config.getBody()).contains("export default").contains("customScripts")
                .contains("'request-history/plugin.js'");

        String plugin = served(PLUGIN + "plugin.js");
        assertThat(plugin).contains("pluginPoint: 'cockpit.navigation'", "pluginPoint: 'cockpit.route'",
                "pluginPoint: 'cockpit.processInstance.runtime.tab'", "label: t('requestHistory')",
                "label: t('auditTrail')", "export default [", "'./request-history.css'");
        assertThat(served(PLUGIN + "request-history.css")).contains(".mitan-history");
        // Its words, in English and Hindi, in the language Cockpit's config offers and the browser asks for.
        assertThat(served(PLUGIN + "messages.js")).contains("import config from '../scripts/config.js'",
                "requestHistory: { en: 'Request history', hi: 'अनुरोध इतिहास' }",
                "auditTrail: { en: 'Audit trail', hi: 'ऑडिट ट्रेल' }", "config.locales");
        assertThat(config.getBody()).contains("availableLocales: ['en', 'hi']");

        // Every module the plugin imports, and what those import, is served; none reaches outside this server.
        Set<String> seen = new TreeSet<>();
        List<String> queue = new ArrayList<>(List.of("plugin.js"));
        while (!queue.isEmpty()) {
            String module = queue.remove(0);
            if (seen.add(module)) {
                String source = served(PLUGIN + module);
                assertThat(source).as(module).doesNotContain("http://", "https://", "innerHTML");
                Matcher imports = RELATIVE_IMPORT.matcher(source);
                while (imports.find()) {
                    queue.add(imports.group(1));
                }
            }
        }
        assertThat(seen).contains("plugin.js", "view.js", "api.js", "format.js", "messages.js");
    }

    @Test
    void anAuditorInCockpitReadsTheWholeTrailOfAFinishedRequest() {
        String number = registerAndWithdraw();
        CockpitSession auditor = CockpitSession.login(http, "auditor");
        Set<String> called = new TreeSet<>();

        // The list: newest first, filtered by the number and by "finished", with its count.
        JsonNode latest = auditor.engine(called, "/history/process-instance",
                "rootProcessInstances=true&sortBy=startTime&sortOrder=desc&firstResult=0&maxResults=25");
        assertThat(latest).isNotEmpty();
        String like = "rootProcessInstances=true&processInstanceBusinessKeyLike=%25" + number + "%25&finished=true";
        JsonNode found = auditor.engine(called, "/history/process-instance",
                like + "&sortBy=startTime&sortOrder=desc&firstResult=0&maxResults=25");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("businessKey").asText()).isEqualTo(number);
        assertThat(found.get(0).path("state").asText()).isEqualTo("COMPLETED");
        assertThat(auditor.engine(called, "/history/process-instance/count", like).path("count").asInt())
                .isEqualTo(1);

        // One request: its process and the visit it called, both finished.
        JsonNode instances = auditor.engine(called, "/history/process-instance",
                "processInstanceBusinessKey=" + number + "&sortBy=startTime&sortOrder=asc");
        assertThat(texts(instances, "processDefinitionKey")).containsExactly("birth-certificate", "doorstep-visit");
        assertThat(texts(instances, "state")).containsOnly("COMPLETED");
        String root = instances.get(0).path("id").asText();
        String visit = instances.get(1).path("id").asText();

        // The tab opens on one instance and may fall back to the instances it called.
        assertThat(auditor.engine(called, "/history/process-instance", "processInstanceId=" + root)).hasSize(1);
        assertThat(texts(auditor.engine(called, "/history/process-instance",
                "superProcessInstanceId=" + root + "&sortBy=startTime&sortOrder=asc"), "id")).containsExactly(visit);

        Map<String, JsonNode> visitTrail = new LinkedHashMap<>();
        for (JsonNode instance : instances) {
            String id = instance.path("id").asText();
            JsonNode steps = auditor.engine(called, "/history/activity-instance",
                    "processInstanceId=" + id + "&sortBy=occurrence&sortOrder=asc");
            assertThat(steps).as("steps of %s", instance.path("processDefinitionKey").asText()).isNotEmpty();
            JsonNode operations = auditor.engine(called, "/history/user-operation",
                    "processInstanceId=" + id + "&sortBy=timestamp&sortOrder=asc");
            JsonNode variables = auditor.engine(called, "/history/detail", "processInstanceId=" + id
                    + "&variableUpdates=true&deserializeValues=false&sortBy=time&sortOrder=asc");
            assertThat(variables).isNotEmpty();
            JsonNode incidents = auditor.engine(called, "/history/incident",
                    "processInstanceId=" + id + "&sortBy=createTime&sortOrder=asc");
            assertThat(incidents.isArray()).isTrue();
            if (id.equals(visit)) {
                visitTrail.put("steps", steps);
                visitTrail.put("operations", operations);
                visitTrail.put("variables", variables);
            }
        }

        // Who did what and when: the Mitan's visit, its completion, and what the Mitan entered.
        JsonNode visitStep = find(visitTrail.get("steps"), "activityId", "Task_VisitCitizen");
        assertThat(visitStep.path("assignee").asText()).isEqualTo("mitan.raipur");
        assertThat(visitStep.path("endTime").asText()).isNotBlank();
        JsonNode completion = find(visitTrail.get("operations"), "operationType", "Complete");
        assertThat(completion.path("userId").asText()).isEqualTo("mitan.raipur");
        assertThat(completion.path("taskId").asText()).isEqualTo(visitStep.path("taskId").asText());
        assertThat(completion.path("timestamp").asText()).isNotBlank();
        JsonNode outcome = find(visitTrail.get("variables"), "variableName", "visitOutcome");
        assertThat(outcome.path("value").asText()).isEqualTo("withdrawn");
        assertThat(outcome.path("userOperationId").asText()).isEqualTo(completion.path("operationId").asText());

        // What the Mitan said on the visit, under the Mitan's name, with its time and task.
        assertThat(served(PLUGIN + "api.js")).contains("'/task/' + encodeURIComponent(taskId) + '/comment'",
                "'/process-instance/' + encodeURIComponent(processInstanceId) + '/comment'");
        String visitTask = visitStep.path("taskId").asText();
        JsonNode remark = find(auditor.get(ENGINE + "/task/" + visitTask + "/comment"), "message", MITANS_REMARK);
        assertThat(remark.path("userId").asText()).isEqualTo("mitan.raipur");
        assertThat(remark.path("taskId").asText()).isEqualTo(visitTask);
        assertThat(remark.path("time").asText()).isNotBlank();
        assertThat(auditor.get(ENGINE + "/process-instance/" + root + "/comment")).isEmpty();

        // The application's milestones, read with the same session, which stays the same session: a renewed id
        // would log Cockpit's own calls still in flight out.
        String sessionBefore = auditor.sessionId();
        JsonNode record = auditor.get("/api/requests/" + number);
        assertThat(auditor.sessionId()).isEqualTo(sessionBefore);
        assertThat(record.path("status").asText()).isEqualTo("CLOSED");
        assertThat(texts(record.path("milestones"), "milestone")).contains("REGISTERED", "MITAN_ASSIGNED", "CLOSED");

        // The test called exactly the history resources the plugin reads.
        Set<String> pluginReads = new TreeSet<>();
        Matcher paths = HISTORY_PATH.matcher(served(PLUGIN + "api.js"));
        while (paths.find()) {
            pluginReads.add(paths.group(1));
        }
        assertThat(called).isEqualTo(pluginReads);
    }

    @Test
    void withoutACockpitSessionTheHistoryIsClosed() {
        ResponseEntity<String> response = http.getForEntity(ENGINE + "/history/process-instance", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private String served(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** A birth-certificate request registered by the call centre and withdrawn at the doorstep: finished. */
    private String registerAndWithdraw() {
        return registerAndWithdraw(http, runtime, management);
    }

    /**
     * A birth request the Mitan closes at the door as withdrawn, after saying so in a comment on the visit
     * ({@link #MITANS_REMARK}): a finished request with a comment, as auditors read it.
     */
    static String registerAndWithdraw(TestRestTemplate http, RuntimeService runtime, ManagementService management) {
        String phone = "9" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
        ResponseEntity<JsonNode> registered = http.withBasicAuth("callcentre", "demo").postForEntity("/api/requests",
                Map.of("certificateType", "birth-certificate", "bodyCode", "RPR", "ward", 7,
                        "citizenName", "Meena Verma", "citizenPhone", phone,
                        "address", "Ward 7, Civil Lines, Raipur", "preferredVisitWindow", "EVENING",
                        "language", "hi"), JsonNode.class);
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        String number = registered.getBody().path("requestNumber").asText();
        AfterRegistration.carryOn(runtime, management, number);

        TestRestTemplate mitan = http.withBasicAuth("mitan.raipur", "demo");
        ResponseEntity<JsonNode> tasks = mitan.getForEntity(
                "/engine-rest/task?taskDefinitionKey=Task_VisitCitizen&processInstanceBusinessKey={number}",
                JsonNode.class, number);
        assertThat(tasks.getBody()).hasSize(1);
        ResponseEntity<String> said = mitan.postForEntity("/engine-rest/task/{id}/comment/create",
                Map.of("message", MITANS_REMARK), String.class, tasks.getBody().get(0).path("id").asText());
        assertThat(said.getStatusCode()).as(said.getBody()).isEqualTo(HttpStatus.OK);
        Map<String, Object> variables = Map.of(
                "visitOutcome", Map.of("value", "withdrawn"),
                "visitRemarks", Map.of("value", "The family no longer needs the certificate"));
        ResponseEntity<String> submitted = mitan.postForEntity("/engine-rest/task/{id}/submit-form",
                Map.of("variables", variables), String.class, tasks.getBody().get(0).path("id").asText());
        assertThat(submitted.getStatusCode().is2xxSuccessful()).as(submitted.getBody()).isTrue();
        return number;
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText()).toList();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(node -> value.equals(node.path(field).asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
    }

    /**
     * A browser's view of the Cockpit webapp: the session cookie and the CSRF token it hands out, kept up to date
     * from every answer (logging in, and reading the API with the session, both renew the session id).
     */
    static final class CockpitSession {

        private final TestRestTemplate http;
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private String csrfToken;

        private CockpitSession(TestRestTemplate http) {
            this.http = http;
        }

        static CockpitSession login(TestRestTemplate http, String user) {
            CockpitSession session = new CockpitSession(http);
            ResponseEntity<String> page = session.exchange(HttpMethod.GET, COCKPIT + "default/", null, null,
                    String.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(session.csrfToken).as("CSRF token of the webapp").isNotBlank();

            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("username", user);
            form.add("password", "demo");
            ResponseEntity<JsonNode> login = session.exchange(HttpMethod.POST,
                    "/camunda/api/admin/auth/user/default/login/cockpit", form,
                    MediaType.APPLICATION_FORM_URLENCODED, JsonNode.class);
            assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(login.getBody().path("userId").asText()).isEqualTo(user);
            assertThat(login.getBody().path("authorizedApps").toString()).contains("cockpit");
            return session;
        }

        String sessionId() {
            return cookies.get("JSESSIONID");
        }

        /** GET {engine}{path}?{query} as the plugin does it; notes the path and wants 200 with a JSON body. */
        JsonNode engine(Set<String> called, String path, String query) {
            called.add(path);
            return get(ENGINE + path + "?" + query);
        }

        JsonNode get(String url) {
            ResponseEntity<JsonNode> response = exchange(HttpMethod.GET, url, null, null, JsonNode.class);
            assertThat(response.getStatusCode()).as("GET %s: %s", url, response.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).as(url).isNotNull();
            return response.getBody();
        }

        private <T> ResponseEntity<T> exchange(HttpMethod method, String url, Object body, MediaType type,
                Class<T> answer) {
            HttpHeaders headers = new HttpHeaders();
            headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML));
            if (type != null) {
                headers.setContentType(type);
            }
            if (csrfToken != null) {
                headers.set("X-XSRF-TOKEN", csrfToken);
            }
            if (!cookies.isEmpty()) {
                headers.set(HttpHeaders.COOKIE, cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                        .reduce((a, b) -> a + "; " + b).orElseThrow());
            }
            // The URL is already encoded: a URI keeps RestTemplate from encoding it again.
            ResponseEntity<T> response = http.exchange(URI.create(http.getRootUri() + url), method,
                    new HttpEntity<>(body, headers), answer);
            List<String> setCookies = response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
            setCookies.forEach(header -> HttpCookie.parse(header)
                    .forEach(cookie -> cookies.put(cookie.getName(), cookie.getValue())));
            String token = response.getHeaders().getFirst("X-XSRF-TOKEN");
            if (token != null && !"Required".equals(token)) {
                csrfToken = token;
            }
            return response;
        }
    }
}
