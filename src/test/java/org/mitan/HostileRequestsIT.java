package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mitan.document.DocumentRepository;
import org.mitan.mitan.MitanRepository;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.process.ProcessKeys;
import org.mitan.request.RequestStatus;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests as an attacker writes them, byte for byte (no HTTP client in between to tidy the address or the
 * headers): percent-encoded paths, forged {@code Host} headers.
 */
@MitanIntegrationTest
class HostileRequestsIT {

    private static final String BOUNDARY = "mitanboundary";

    @LocalServerPort
    int port;
    @Autowired
    ServiceRequestRepository requests;
    @Autowired
    MitanRepository mitans;
    @Autowired
    DocumentRepository documents;
    @Autowired
    UrbanBodyRepository bodies;
    @Autowired
    RuntimeService runtime;

    /** Hole 6: {@code /%61pi/} is {@code /api/} to Tomcat and Spring, but was not to the cross-site guard. */
    @Test
    void aCrossSiteUploadToAPercentEncodedPathIsRefusedAndStoresNothing() throws IOException {
        ServiceRequest request = requestOfMitanRaipur();
        String body = pdfUpload();

        for (String path : new String[] {"/%61pi/requests/", "/api/requests/", "/%41PI/requests/"}) {
            Response response = send("POST " + path + request.getRequestNumber() + "/documents HTTP/1.1",
                    Map.of("Authorization", basic("mitan.raipur"), "Origin", "http://evil.example",
                            "Sec-Fetch-Site", "cross-site",
                            "Content-Type", "multipart/form-data; boundary=" + BOUNDARY), body);

            assertThat(response.status).as(path + ": " + response.body).isBetween(400, 499);
            assertThat(response.header("content-type")).as(path).startsWith("application/problem+json");
        }
        assertThat(documents.findByRequestIdOrderByUploadedAtAsc(request.getId())).isEmpty();
    }

    /**
     * A body declared multipart that cannot be read as one (no boundary, cut off before its end) is a 400 saying to
     * send the file again, not an internal error, wherever it is sent: Tomcat parses it before any controller runs.
     */
    @Test
    void aMultipartBodyThatCannotBeReadIsA400ToSendTheFileAgainOnEveryPath() throws IOException {
        ServiceRequest request = requestOfMitanRaipur();
        String upload = "POST /api/requests/" + request.getRequestNumber() + "/documents HTTP/1.1";
        String whole = pdfUpload();
        Map<String, Response> answers = new LinkedHashMap<>();
        answers.put("no boundary", send(upload, Map.of("Authorization", basic("mitan.raipur"),
                "Content-Type", "multipart/form-data"), whole));
        answers.put("cut off", send(upload, Map.of("Authorization", basic("mitan.raipur"),
                "Content-Type", "multipart/form-data; boundary=" + BOUNDARY),
                whole.substring(0, whole.indexOf("%%EOF"))));
        for (String publicCall : new String[] {"POST /feedback/", "GET /status/", "GET /verify/"}) {
            answers.put(publicCall, send(publicCall + "aBcD3fGh1jKlMn0p HTTP/1.1",
                    Map.of("Content-Type", "multipart/form-data"), "--" + BOUNDARY));
        }

        answers.forEach((what, response) -> {
            assertThat(response.status).as(what + ": " + response.body).isEqualTo(400);
            assertThat(response.header("content-type")).as(what).startsWith("application/problem+json");
            assertThat(response.body).as(what).contains("not a complete multipart form", "Send the file again");
        });
        assertThat(documents.findByRequestIdOrderByUploadedAtAsc(request.getId())).isEmpty();
    }

    /**
     * The public verification answers every code a QR scanner, a typo or an attacker sends, whatever the client
     * accepts: a 4xx with words in it (a code that is no certificate's is a 404 saying so), never a 500 and never a
     * 406 with an empty body.
     */
    @Test
    void everyOddVerificationCodeGetsAnAnswerWithWordsInIt() throws IOException {
        String devanagari = "%E0%A4%95%E0%A4%BF%E0%A4%A4%E0%A4%BE%E0%A4%AC";
        String[] codes = {"ABCDEFGHJKMNPQRSTUV2", "A".repeat(5000), devanagari, "A%CC%81BC%E2%80%8BDEF",
            "..%2F..%2Fetc%2Fpasswd", "..", "%2E%2E", "ABC%00DEF", "ABC%01DEF", "%F0%9F%98%80", "%FF%FE",
            "ABC;DEF", "ABC%3BDEF", "%20", "ABC%25DEF"};
        for (String code : codes) {
            for (String accept : new String[] {"application/xml", "text/plain", "*/*", null, "text/html"}) {
                Response response = send("GET /verify/" + code + " HTTP/1.1",
                        accept == null ? Map.of() : Map.of("Accept", accept), null);

                String what = code.substring(0, Math.min(code.length(), 40)) + " as " + accept + ": "
                        + response.status + " " + response.body;
                assertThat(response.status).as(what).isBetween(400, 499).isNotEqualTo(406);
                assertThat(response.body).as(what).isNotBlank();
            }
        }
    }

    /**
     * A write whose client accepts only what the application does not write (XML, plain text) is answered in JSON
     * with what it did: a 406 came after the request was registered, so the call centre would register it again.
     */
    @Test
    void aRegistrationAcceptingOnlyXmlIsAnsweredInJsonWithItsNumber() throws IOException {
        for (String accept : new String[] {"application/xml", "text/plain"}) {
            String phone = randomMobile();
            Response response = send("POST /api/requests HTTP/1.1", Map.of("Authorization", basic("callcentre"),
                    "Content-Type", "application/json", "Accept", accept), registration(phone));

            assertThat(response.status).as(accept + ": " + response.body).isEqualTo(201);
            assertThat(response.header("content-type")).as(accept).startsWith("application/json");
            String number = requests.findAll().stream().filter(request -> phone.equals(request.getCitizenPhone()))
                    .map(ServiceRequest::getRequestNumber).findFirst().orElseThrow();
            assertThat(response.body).as(accept).contains(number);
        }
    }

    @Test
    void aPercentEncodedEngineRestPathIsA400NotA500() throws IOException {
        for (String method : new String[] {"GET", "POST"}) {
            Response response = send(method + " /%65ngine-rest/process-definition/key/birth-certificate/start"
                    + " HTTP/1.1", Map.of("Authorization", basic("callcentre"), "Content-Type", "application/json"),
                    method.equals("POST") ? "{}" : null);

            assertThat(response.status).as(method + ": " + response.body).isEqualTo(400);
            assertThat(response.body).contains("write letters, digits");
        }
    }

    /** Whatever the spelling, nothing under /api is served without a login. */
    @Test
    void percentEncodedApiPathsStillNeedALogin() throws IOException {
        for (String path : new String[] {"/%61pi/bodies", "/api/%62odies", "/api/bodies"}) {
            Response response = send("GET " + path + " HTTP/1.1", Map.of(), null);

            assertThat(response.status).as(path).isIn(400, 401);
            assertThat(response.body).as(path).doesNotContain("\"RPR\"");
        }
    }

    @Test
    void theFirewallsRefusalsAreProblemDetailsToo() throws IOException {
        Response response = send("GET /api;jsessionid=x/bodies HTTP/1.1", Map.of("Authorization",
                basic("callcentre")), null);

        assertThat(response.status).isEqualTo(400);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
    }

    /** Hole 11: a redirect built from a forged Host header sends the browser to another site. */
    @Test
    void redirectsDoNotRepeatAForgedHostHeader() throws IOException {
        for (String path : new String[] {"/", "/camunda/app/", "/camunda/app/tasklist", "/camunda/app/cockpit/",
            "/api-docs/ui", "/camunda"}) {
            Response response = send("GET " + path + " HTTP/1.1", Map.of("Host", "evil.example"), null);

            assertThat(response.body + response.headers).as(path).doesNotContainIgnoringCase("evil.example");
            if (response.status >= 300 && response.status < 400) {
                assertThat(response.header("location")).as(path).startsWith("/");
            }
        }
    }

    @Test
    void theApiDescriptionNamesThePublicAddressNotTheHostHeader() throws IOException {
        Response response = send("GET /api-docs HTTP/1.1", Map.of("Host", "evil.example"), null);

        assertThat(response.status).isEqualTo(200);
        assertThat(response.body).doesNotContain("evil.example").contains("\"url\":\"http://localhost:8080\"");
    }

    /** Holes 9 and 12 on the running application: each refusal is a 400 naming the field, and nothing is stored. */
    @Test
    void sloppyRegistrationsAreRefusedNamingTheFieldAndRegisterNothing() throws IOException {
        String phone = randomMobile();
        String valid = registration(phone);
        Map<String, String> sloppy = new LinkedHashMap<>();
        sloppy.put(valid + " {\"x\": 1}", "Malformed JSON");
        sloppy.put(valid.replace("\"ward\": 3,", "\"ward\": 3, \"citizenName\": \"Other\","), "names a field twice");
        sloppy.put(valid.replace("Rekha Markam", "Rekha\\u0007Markam"), "citizenName contains a control character");
        sloppy.put(valid.replace("Rekha Markam", "\\u200B\\u200B"), "citizenName contains an invisible character");
        sloppy.put(valid.replace("Kota, Raipur", "\\u200D"), "address has no letter in it");
        sloppy.put(valid.replace("Rekha Markam", "Rekha" + "\\u0336\\u0337".repeat(20)),
                "citizenName has more than 4 marks stacked on one letter");
        sloppy.put(valid.replace("Kota, Raipur", "Kota\\u202E rupiaR"), "address contains an invisible character");
        sloppy.put(valid.replace(phone, "0771-2345678"), "citizenPhone looks like a landline number");
        for (Map.Entry<String, String> attempt : sloppy.entrySet()) {
            Response response = send("POST /api/requests HTTP/1.1", Map.of("Authorization", basic("callcentre"),
                    "Content-Type", "application/json"), attempt.getKey());

            assertThat(response.status).as(attempt.getValue() + ": " + response.body).isEqualTo(400);
            assertThat(response.header("content-type")).startsWith("application/problem+json");
            assertThat(response.body).contains(attempt.getValue());
        }
        assertThat(requests.findAll()).noneMatch(request -> phone.equals(request.getCitizenPhone())
                || "7712345678".equals(request.getCitizenPhone()) && "Rekha Markam".equals(request.getCitizenName()));

        String devanagari = valid.replace("Rekha Markam", "श्रीमती लक्ष्मी क्\u200Dष").replace("Kota, Raipur",
                "वार्ड 3, कोटा, रायपुर");
        assertThat(send("POST /api/requests HTTP/1.1", Map.of("Authorization", basic("callcentre"),
                "Content-Type", "application/json; charset=utf-8"), devanagari).status).isEqualTo(201);
    }

    /**
     * PostgreSQL keeps no NUL character (U+0000) in text, and a query with one fails before the checks that would name
     * the field (an internal error for a type, a misleading conflict for a body code): any text the API takes with
     * one, in a JSON body, a query parameter or a form field, is a 400 naming the field, and nothing changes.
     */
    @Test
    void aNulCharacterInAnyTextIsA400NamingTheFieldAndChangesNothing() throws Exception {
        String phone = randomMobile();
        String valid = registration(phone);
        ServiceRequest request = requestOfMitanRaipur();
        String number = request.getRequestNumber();
        String raipurPhone = bodies.findById("RPR").orElseThrow().getSupervisorPhone();
        Set<Integer> raipurWards = Set.copyOf(mitans.findByUserId("mitan.raipur").orElseThrow().getWards());
        String paid = "{\"paymentId\": \"pay_\\u0000\", \"status\": \"PAID\", \"amount\": 10000,"
                + " \"receiptNumber\": \"RCPT-1\"}";
        Map<String, String> signed = new LinkedHashMap<>(json(null));
        signed.put("X-Payment-Signature", GumastaLicenceJourneyIT.sign(GumastaLicenceJourneyIT.SECRET, paid));
        List<Attempt> attempts = List.of(
                new Attempt("POST /api/requests", json("callcentre"),
                        valid.replace("birth-certificate", "birth-certificate\\u0000"), "certificateType"),
                new Attempt("POST /api/requests", json("callcentre"), valid.replace("\"RPR\"", "\"RPR\\u0000\""),
                        "bodyCode"),
                new Attempt("POST /api/bodies", json("admin"), "{\"code\": \"NUL\\u0000\", \"nameEn\": \"Nul\","
                        + " \"nameHi\": \"नल\", \"district\": \"Raipur\", \"kind\": \"NAGAR_PANCHAYAT\", \"wards\": 5}",
                        "code"),
                new Attempt("PATCH /api/bodies/RPR", json("admin"), "{\"supervisorPhone\": \"98765\\u000043210\"}",
                        "supervisorPhone"),
                new Attempt("POST /api/mitans", json("admin"), "{\"bodyCode\": \"RPR\", \"name\": \"Kamla Rathia\","
                        + " \"phone\": \"9876500011\", \"userId\": \"mitan.raipur\\u0000\", \"wards\": [3]}",
                        "userId"),
                new Attempt("PATCH /api/mitans/mitan.raipur", json("admin"), "{\"wards\": [\"1-35\\u0000\"]}",
                        "wards.[0]"),
                new Attempt("GET /api/mitans?body=RPR%00", json("admin"), null, "body"),
                new Attempt("POST /api/requests/" + number + "/fees/mitan-service/collected", json("mitan.raipur"),
                        "{\"mode\": \"UPI\", \"upiReference\": \"123456789012\\u0000\"}", "upiReference"),
                new Attempt("POST /api/requests/" + number + "/documents", Map.of("Authorization",
                        basic("mitan.raipur"), "Content-Type", "multipart/form-data; boundary=" + BOUNDARY),
                        pdfUpload().replace("birth-report\r\n", "birth-report\u0000\r\n"), "type"),
                new Attempt("POST /feedback/aBcD3fGh1jKlMn0p", json(null), "{\"rating\": 5, \"comment\": \"x\\u0000\"}",
                        "comment"),
                new Attempt("POST /api/payments/callback", signed, paid, "paymentId"));

        for (Attempt attempt : attempts) {
            Response response = send(attempt.call() + " HTTP/1.1", attempt.headers(), attempt.body());

            assertThat(response.status).as(attempt.call() + ": " + response.body).isEqualTo(400);
            assertThat(response.header("content-type")).as(attempt.call()).startsWith("application/problem+json");
            assertThat(response.body).as(attempt.call())
                    .contains(attempt.field() + " contains a NUL character (U+0000)");
        }
        assertThat(send("GET /api/requests/RPR%00 HTTP/1.1", json("admin"), null).status)
                .as("a NUL in the path").isEqualTo(400);
        assertThat(requests.findAll()).noneMatch(registered -> phone.equals(registered.getCitizenPhone()));
        assertThat(bodies.findById("NUL")).isEmpty();
        assertThat(bodies.findById("RPR").orElseThrow().getSupervisorPhone()).isEqualTo(raipurPhone);
        assertThat(mitans.findByUserId("mitan.raipur").orElseThrow().getWards())
                .containsExactlyInAnyOrderElementsOf(raipurWards);
        assertThat(documents.findByRequestIdOrderByUploadedAtAsc(request.getId())).isEmpty();
    }

    /**
     * Defect 1 of the hostile-input sweep: an unknown request number was a 404 and another's a 403, so anyone logged
     * in could try numbers and learn which exist. Now, to those who may not see the request, "not there" and "not
     * yours" are the same 404 in the same words, on every call that takes a request number or a scan's id; its own
     * Mitan is answered as before.
     */
    @Test
    void anUnknownRequestAndAnotherBodysAreTheSame404WordForWord() throws IOException {
        ServiceRequest request = requestOfMitanRaipur();
        String number = request.getRequestNumber();
        String unknown = "RPR-2098-" + UUID.randomUUID().toString().substring(0, 6); // as long: the same chunk sizes
        Response scan = send("POST /api/requests/" + number + "/documents HTTP/1.1", Map.of("Authorization",
                basic("mitan.raipur"), "Content-Type", "multipart/form-data; boundary=" + BOUNDARY), pdfUpload());
        assertThat(scan.status).as(scan.body).isEqualTo(201);
        String scanId = scan.body.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        String multipart = "multipart/form-data; boundary=" + BOUNDARY;
        List<Probe> probes = List.of(
                new Probe("GET /api/requests/%s", "mitan.korba", null, null),
                new Probe("GET /api/requests/%s", "clerk.korba", null, null),
                new Probe("GET /api/requests/%s/documents", "mitan.korba", null, null),
                new Probe("POST /api/requests/%s/documents", "mitan.korba", multipart, pdfUpload()),
                new Probe("GET /api/requests/%s/delivery", "mitan.korba", null, null),
                new Probe("POST /api/requests/%s/delivery/photo", "mitan.korba", multipart,
                        pdfUpload().replace("name=\"type\"", "name=\"note\"")),
                new Probe("POST /api/requests/%s/delivery/otp", "mitan.korba", "application/json", ""),
                new Probe("POST /api/requests/%s/fees/mitan-service/collected", "mitan.korba", "application/json",
                        "{\"mode\": \"CASH\"}"),
                new Probe("GET /api/requests/%s/fees", "mitan.korba", null, null),
                new Probe("GET /api/requests/%s/sms", "supervisor.korba", null, null));
        for (Probe probe : probes) {
            Map<String, String> headers = new LinkedHashMap<>(Map.of("Authorization", basic(probe.user())));
            if (probe.contentType() != null) {
                headers.put("Content-Type", probe.contentType());
            }
            Response hidden = send(probe.call().formatted(number) + " HTTP/1.1", headers, probe.body());
            Response none = send(probe.call().formatted(unknown) + " HTTP/1.1", headers, probe.body());

            String what = probe.call() + " as " + probe.user();
            assertThat(hidden.status).as(what + ": " + hidden.body).isEqualTo(404);
            assertThat(none.status).as(what + ": " + none.body).isEqualTo(404);
            assertThat(hidden.body.replace(number, unknown)).as(what).isEqualTo(none.body);
        }
        Response hiddenScan = send("GET /api/documents/" + scanId + "/content HTTP/1.1", json("mitan.korba"), null);
        String otherId = UUID.randomUUID().toString();
        Response noScan = send("GET /api/documents/" + otherId + "/content HTTP/1.1", json("mitan.korba"), null);
        assertThat(hiddenScan.status).as(hiddenScan.body).isEqualTo(404);
        assertThat(hiddenScan.body.replace(scanId, otherId)).isEqualTo(noScan.body);

        assertThat(send("GET /api/requests/" + number + "/documents HTTP/1.1", json("mitan.raipur"), null).status)
                .isEqualTo(200);
        assertThat(send("GET /api/documents/" + scanId + "/content HTTP/1.1", json("mitan.raipur"), null).status)
                .isEqualTo(200);
        assertThat(send("GET /api/requests/" + number + " HTTP/1.1", json("callcentre"), null).status)
                .isEqualTo(200);
        Response callCentre = send("POST /api/requests/" + number + "/fees/mitan-service/collected HTTP/1.1",
                json("callcentre"), "{\"mode\": \"CASH\"}");
        assertThat(callCentre.status).as("the call centre knows every request: told why, as before").isEqualTo(403);
        assertThat(documents.findByRequestIdOrderByUploadedAtAsc(request.getId())).hasSize(1);
    }

    /**
     * Defect 2 of the hostile-input sweep: refusals repeated the bad value in full (a ward list, a type, a body code,
     * a user id), up to Jackson's string limit, with its control characters raw. Each is now quoted by a short
     * excerpt with those characters shown by their code, and nothing changes.
     */
    @Test
    void refusalsQuoteAShortExcerptOfWhatWasSentNeverAllOfItNorItsControlCharactersRaw() throws IOException {
        String hostile = "\\u0007\\u202E\\u001B[31m" + "x".repeat(40_000); // a name: Jackson's limit is 50,000
        Set<Integer> raipurWards = Set.copyOf(mitans.findByUserId("mitan.raipur").orElseThrow().getWards());
        String phone = randomMobile();
        List<Attempt> attempts = List.of(
                new Attempt("PATCH /api/mitans/mitan.raipur", json("admin"),
                        "{\"wards\": [\"" + hostile + "\", \"7\"]}", "wards"),
                new Attempt("POST /api/requests", json("callcentre"), registration(phone)
                        .replace("birth-certificate", hostile), "certificateType"),
                new Attempt("POST /api/requests", json("callcentre"), registration(phone)
                        .replace("\"RPR\"", "\"" + hostile + "\""), "bodyCode"),
                new Attempt("POST /api/mitans", json("admin"), "{\"bodyCode\": \"" + hostile + "\","
                        + " \"name\": \"Kamla\", \"phone\": \"9876500011\", \"userId\": \"mitan.raipur\","
                        + " \"wards\": [3]}", "bodyCode"),
                new Attempt("POST /api/requests", json("callcentre"), registration(phone)
                        .replace("\"ward\": 3,", "\"ward\": 3, \"" + hostile + "\": 1, \"" + hostile + "\": 2,"),
                        "names a field twice"));
        for (Attempt attempt : attempts) {
            Response response = send(attempt.call() + " HTTP/1.1", attempt.headers(), attempt.body());

            assertThat(response.status).as(attempt.call()).isEqualTo(400);
            assertThat(response.body).as(attempt.call()).contains(attempt.field()).contains("[U+0007][U+202E][U+001B]")
                    .contains("xxx…").doesNotContain("\u0007", "\u202E", "\\u0007", "\\u001B", "x".repeat(100));
            assertThat(response.body.length()).as(attempt.call()).isLessThan(2_000);
        }
        assertThat(mitans.findByUserId("mitan.raipur").orElseThrow().getWards())
                .containsExactlyInAnyOrderElementsOf(raipurWards);
        assertThat(requests.findAll()).noneMatch(registered -> phone.equals(registered.getCitizenPhone()));
    }

    /**
     * Bodies no call of the application takes: larger than any (said so, or sent in chunks without a length), nested
     * past Jackson's depth, of another content type, or well-formed but not an object. Each is a 4xx problem detail
     * saying what to send, and nothing is registered.
     */
    @Test
    void bodiesNoCallTakesAreRefusedWithAProblemSayingWhatToSend() throws IOException {
        String phone = randomMobile();
        String huge = registration(phone).replace("Kota, Raipur", "Kota ".repeat(300_000));
        Map<String, String> chunked = new LinkedHashMap<>(json("callcentre"));
        chunked.put("Transfer-Encoding", "chunked");
        Map<String, String> text = Map.of("Authorization", basic("callcentre"), "Content-Type",
                "text/plain; x=\"" + "y".repeat(2_000) + "\"");
        List<Attempt> attempts = List.of(
                new Attempt("POST /api/requests", json("callcentre"), huge, "413 larger than 1024 KB"),
                new Attempt("POST /api/requests", chunked, huge, "413 larger than 1024 KB"),
                new Attempt("POST /feedback/aBcD3fGh1jKlMn0p", json(null), "{\"rating\": 5, \"comment\": \""
                        + "x".repeat(1_100_000) + "\"}", "413 larger than 1024 KB"),
                new Attempt("POST /api/requests", json("callcentre"),
                        "{\"x\": ".repeat(5_000) + "1" + "}".repeat(5_000), "400 Malformed JSON"),
                new Attempt("POST /api/requests", json("callcentre"), "[" + registration(phone) + "]",
                        "400 must be one JSON object"),
                new Attempt("POST /api/requests", json("callcentre"), "\"" + registration(phone) + "\"",
                        "400 must be one JSON object"),
                new Attempt("POST /api/requests", text, registration(phone),
                        "415 takes its body as application/json"));
        for (Attempt attempt : attempts) {
            Response response = send(attempt.call() + " HTTP/1.1", attempt.headers(), attempt.body());

            String what = attempt.call() + " " + attempt.field();
            assertThat(response.status).as(what + ": " + response.body)
                    .isEqualTo(Integer.parseInt(attempt.field().substring(0, 3)));
            assertThat(response.header("content-type")).as(what).startsWith("application/problem+json");
            assertThat(response.body).as(what).contains(attempt.field().substring(4)).doesNotContain("yyyyyyyy");
        }
        assertThat(requests.findAll()).noneMatch(registered -> phone.equals(registered.getCitizenPhone()));
    }

    /**
     * Camunda's REST API reads a body whole before anything checks it: a start with a 17 MB variable, said so or sent
     * in chunks, is a 413 problem detail, and no request starts.
     */
    @Test
    void theEngineApiRefusesABodyLargerThanAnyOfItsCalls() throws IOException {
        String huge = "{\"variables\": {\"citizenName\": {\"value\": \"" + "x".repeat(17_000_000)
                + "\", \"type\": \"String\"}}}";
        Map<String, String> chunked = new LinkedHashMap<>(json("callcentre"));
        chunked.put("Transfer-Encoding", "chunked");
        String start = "POST /engine-rest/process-definition/key/" + ProcessKeys.BIRTH_CERTIFICATE + "/start";

        for (Map<String, String> headers : List.of(json("callcentre"), chunked)) {
            Response response = send(start + " HTTP/1.1", headers, huge);

            String what = start + (headers == chunked ? ", chunked" : "");
            assertThat(response.status).as(what + ": " + response.body).isEqualTo(413);
            assertThat(response.header("content-type")).as(what).startsWith("application/problem+json");
            assertThat(response.body).as(what).contains("larger than 16384 KB").doesNotContain("xxxxxxxx");
        }
        assertThat(runtime.createProcessInstanceQuery().variableValueLike("citizenName", "xxxxxxxx%").count()).isZero();
    }

    /**
     * An address Tomcat refuses before any filter of the application runs (an encoded slash, backslash or zero byte,
     * a broken percent-encoding, a climb above the root) is a 400 problem detail saying what to correct, on every
     * kind of path, not Tomcat's HTML page "HTTP Status 400 – Bad Request" with no reason.
     */
    @Test
    void anAddressTomcatCannotReadIsA400ProblemDetailSayingWhatToCorrect() throws IOException {
        String[] paths = {"/api/requests/RPR%2F2026", "/api/requests/a%5Cb", "/api/requests/a%00b",
            "/api/requests/%ZZ", "/api/certificates/RPR%2FBIRTH%2F2026%2F000001/pdf", "/verify/ABC%2FDEF",
            "/status/%G1", "/engine-rest/task/a%2Fb", "/camunda/app/tasklist/%2F", "/api/../../etc/passwd"};
        for (String path : paths) {
            Response response = send("GET " + path + " HTTP/1.1", Map.of("Authorization", basic("callcentre"),
                    "Accept", "text/html"), null);

            assertThat(response.status).as(path + ": " + response.body).isEqualTo(400);
            assertThat(response.header("content-type")).as(path).startsWith("application/problem+json");
            assertThat(response.body).as(path).contains("\"status\":400", "cannot read this address",
                    "Write the address as the application");
        }
    }

    /**
     * A start over the engine's REST API without the start form, with values the registration refuses: Camunda's
     * REST API answered every engine exception of a start with 500 "Cannot instantiate process definition ..."; the
     * agent now gets 400 with the registration's own words, and nothing starts.
     */
    @Test
    void aStartOverTheEngineApiWithValuesTheRegistrationRefusesIsA400SayingWhatToCorrect() throws IOException {
        String phone = randomMobile();
        String start = "POST /engine-rest/process-definition/key/" + ProcessKeys.BIRTH_CERTIFICATE + "/start";

        Response response = send(start + " HTTP/1.1", json("callcentre"), "{\"variables\": {"
                + "\"citizenPhone\": {\"value\": \"" + phone + "\", \"type\": \"String\"}}}");

        assertThat(response.status).as(response.body).isEqualTo(400);
        assertThat(response.body).contains("The request was not registered", "bodyCode is required")
                .doesNotContain("Cannot instantiate");
        assertThat(requests.findAll()).noneMatch(registered -> phone.equals(registered.getCitizenPhone()));
    }

    /** A call with {@code %s} for the request number, sent byte for byte as the user. */
    record Probe(String call, String user, String contentType, String body) {
    }

    /** A call as sent byte for byte, and the field its refusal must name. */
    record Attempt(String call, Map<String, String> headers, String body, String field) {
    }

    /** JSON headers, logged in as the user (or not at all). */
    private static Map<String, String> json(String user) {
        return user == null ? Map.of("Content-Type", "application/json")
                : Map.of("Authorization", basic(user), "Content-Type", "application/json");
    }

    private static String randomMobile() {
        return "9" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    /** A registration the call centre may send, of a birth certificate in Raipur ward 3 for this mobile. */
    private static String registration(String phone) {
        return "{\"certificateType\": \"birth-certificate\", \"bodyCode\": \"RPR\", \"ward\": 3,"
                + " \"citizenName\": \"Rekha Markam\", \"citizenPhone\": \"" + phone + "\","
                + " \"address\": \"Kota, Raipur\", \"preferredVisitWindow\": \"MORNING\"}";
    }

    /** A well-formed upload of a small PDF as the scan {@code birth-report}, framed by {@link #BOUNDARY}. */
    private static String pdfUpload() {
        String pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids []"
                + " /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nbirth-report\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + pdf + "\r\n--" + BOUNDARY + "--\r\n";
    }

    private ServiceRequest requestOfMitanRaipur() {
        Long mitanId = mitans.findByUserId("mitan.raipur").orElseThrow().getId();
        String suffix = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        ServiceRequest fresh = new ServiceRequest("RPR-2098-" + suffix, ProcessKeys.BIRTH_CERTIFICATE, "RPR", 3,
                "Meena Patel", "9" + suffix + "321", "House 4, Ward 3, Raipur", VisitWindow.MORNING, "hi",
                "hostile-" + UUID.randomUUID().toString().substring(0, 20), Instant.now());
        fresh.moveTo(RequestStatus.MITAN_ASSIGNED, Instant.now());
        fresh.setMitanId(mitanId);
        return requests.save(fresh);
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo")
                .getBytes(StandardCharsets.UTF_8));
    }

    record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /** The body in chunks of 64 KB, as a client sends one whose length it does not say. */
    private static byte[] chunked(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int start = 0; start < content.length; start += 65_536) {
            int length = Math.min(65_536, content.length - start);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content, start, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** One request on its own connection, exactly as written; the answer read until the server closes. */
    private Response send(String requestLine, Map<String, String> headers, String body) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "localhost:" + port);
        all.putAll(headers);
        all.put("Connection", "close");
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if ("chunked".equals(headers.get("Transfer-Encoding"))) {
            content = chunked(content);
        } else if (body != null) {
            all.put("Content-Length", String.valueOf(content.length));
        }
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(content);
                out.flush();
            } catch (SocketException refusedEarly) {
                // The server answered before it read the whole body, and closed: its answer is read below.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    answerHeaders.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders,
                    end < 0 ? "" : text.substring(end + 4));
        }
    }
}
