package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitan.Scans.image;
import static org.mitan.Scans.pdf;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.mitan.certificate.Certificate;
import org.mitan.request.RequestStatus;
import org.mitan.request.ServiceRequest;
import org.mitan.sms.SmsMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Gumasta licence (shop and establishment registration, Labour department) from the call centre to the shop
 * owner's door, through the APIs as the demo users: a type made of data. The Mitan uploads one of the two proofs of
 * the premises (the rent agreement), the owner's ID and a photograph of the shop front and records the
 * establishment; the clerk scrutinises; the government fee the department's table gives for a shop with three
 * employees (Rs 100) is ordered from the payment gateway (the local default) and paid: the gateway's callback is
 * refused unsigned or wrongly signed, recorded once when signed, and a replay changes nothing. Only then does the
 * labour officer decide; the licence carries its registration number of the body and year, the receipt, and names the
 * establishment and the labour officer who approved it. A second request is not paid in time: reminded, then closed;
 * its money, when it comes after all, is recorded for the office.
 */
@MitanIntegrationTest
class GumastaLicenceJourneyIT extends TypeJourney {

    static final String GUMASTA = "gumasta-licence";
    /** The test profile's development secret (payment.PaymentConfiguration). */
    static final String SECRET = "mitan-development-payment-callback-secret";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void gumastaLicenceFromCallToDoorPaidBeforeTheLabourOfficerDecides() throws Exception {
        JourneySteps journey = journey();
        ResponseEntity<JsonNode> offered = journey.as("callcentre").getForEntity("/api/certificate-types",
                JsonNode.class);
        // The scheme's nine services (a test-only type another test deploys may be there too).
        assertThat(offered.getBody().findValuesAsText("key")).filteredOn(key -> !key.startsWith("test-"))
                .containsExactlyInAnyOrder("birth-certificate", "caste-certificate", "death-certificate",
                        "gumasta-licence", "marriage-certificate", "residence-certificate", "birth-correction",
                        "death-correction", "marriage-correction");
        JsonNode gumastaOffered = StreamSupport.stream(offered.getBody().spliterator(), false)
                .filter(type -> GUMASTA.equals(type.path("key").asText())).findFirst().orElseThrow();
        assertThat(gumastaOffered.path("department").asText()).isEqualTo("Labour department (labour officer)");
        assertThat(gumastaOffered.path("fees").findValuesAsText("code")).containsExactly("mitan-service");
        String number = toThePayment(journey, "9425210088");
        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();

        // The fee of the department's table for a shop with 2 + 1 employees, ordered once; the citizen is told.
        Map<String, Object> payment = jdbc.queryForMap("select fee_code, rupees, gateway, gateway_reference, status, "
                + "idempotency_key from payment where request_id = ?", request.getId());
        assertThat(payment).containsEntry("fee_code", "government-fee").containsEntry("rupees", 100)
                .containsEntry("gateway", "local").containsEntry("status", "PENDING")
                .containsEntry("idempotency_key", number + ":government-fee");
        String paymentId = (String) payment.get("gateway_reference");
        assertThat(sms(request, "PAYMENT_DUE").getBody()).contains("सरकारी पंजीयन शुल्क", "₹100", number);
        // The SMS points to the status page (the local gateway gives no pay link): it shows the fee, due.
        assertThat(sms(request, "PAYMENT_DUE").getBody()).contains("/status/" + request.getStatusCode());
        JsonNode due = governmentFeeOnTheStatusPage(request);
        assertThat(due.path("rupees").asInt()).isEqualTo(100);
        assertThat(due.path("name").path("hi").asText()).isEqualTo("सरकारी पंजीयन शुल्क");
        assertThat(due.path("paid").asBoolean(true)).isFalse();
        assertThat(due.hasNonNull("receiptNumber")).isFalse();
        assertThat(statusPage(request, MediaType.TEXT_HTML, String.class))
                .contains("सरकारी पंजीयन शुल्क", "₹100 · <b class=\"due\">देय · due</b>");
        assertThat(journey.tasks("labour.officer.raipur", "Task_DecideApplication", number)).isEmpty();

        // The gateway's callback: unsigned, wrongly signed or with another amount, it changes nothing.
        String paid = "{\"paymentId\":\"" + paymentId + "\",\"status\":\"PAID\",\"amount\":10000,"
                + "\"receiptNumber\":\"RCPT-2026-0042\"}";
        ResponseEntity<JsonNode> unsigned = callback(paid, null);
        assertThat(unsigned.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unsigned.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unsigned.getBody().path("detail").asText()).contains("X-Payment-Signature");
        ResponseEntity<JsonNode> forged = callback(paid, sign("not-the-secret", paid));
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(forged.getBody().path("title").asText()).isEqualTo("Signature wrong");
        String tooLittle = paid.replace("10000", "100");
        assertThat(callback(tooLittle, sign(SECRET, paid)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> wrongAmount = callback(tooLittle, sign(SECRET, tooLittle));
        assertThat(wrongAmount.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongAmount.getBody().path("detail").asText()).contains("amount");
        assertThat(jdbc.queryForObject("select status from payment where request_id = ?", String.class,
                request.getId())).isEqualTo("PENDING");
        assertThat(journey.tasks("labour.officer.raipur", "Task_DecideApplication", number)).isEmpty();

        // Signed, it records the receipt once and the labour officer gets the decision; a replay changes nothing.
        ResponseEntity<JsonNode> accepted = callback(paid, sign(SECRET, paid));
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody().path("recorded").asBoolean()).isTrue();
        assertThat(sms(request, "PAYMENT_RECEIVED").getBody()).contains("RCPT-2026-0042", "₹100");
        int smsBefore = outbox.findByRequestIdOrderByIdAsc(request.getId()).size();
        ResponseEntity<JsonNode> replayed = callback(paid, sign(SECRET, paid));
        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replayed.getBody().path("recorded").asBoolean()).isFalse();
        assertThat(outbox.findByRequestIdOrderByIdAsc(request.getId())).hasSize(smsBefore);
        assertThat(jdbc.queryForObject("select count(*) from request_milestone where request_id = ? and "
                + "milestone = 'FEE_PAID'", Integer.class, request.getId())).isEqualTo(1);
        JsonNode settled = governmentFeeOnTheStatusPage(request);
        assertThat(settled.path("paid").asBoolean()).isTrue();
        assertThat(settled.path("receiptNumber").asText()).isEqualTo("RCPT-2026-0042");
        assertThat(statusPage(request, MediaType.TEXT_HTML, String.class))
                .contains("₹100 · <b class=\"paid\">चुकाया · paid</b> (रसीद · receipt RCPT-2026-0042)")
                .doesNotContain("देय · due");

        assertThat(journey.tasks("registrar.raipur", "Task_DecideApplication", number)).isEmpty();
        JsonNode decision = journey.claim("labour.officer.raipur", "Task_DecideApplication", number);
        assertThat(candidateGroups(decision)).containsExactly("labour-officer-RPR");
        journey.submit("labour.officer.raipur", decision, Map.of("decision", "approved"));
        journey.runJobs(number);

        Certificate licence = certificates.findByRequestId(request.getId()).orElseThrow();
        assertThat(licence.getHolderName()).isEqualTo("Sahu Kirana Store");
        assertThat(licence.getCertificateNumber()).matches("RPR/GUMASTA-LICENCE/\\d{4}/\\d{6}");
        ResponseEntity<byte[]> download = journey.as("labour.officer.raipur").getForEntity(
                "/api/certificates/" + licence.getCertificateNumber() + "/pdf", byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (PDDocument pdf = Loader.loadPDF(download.getBody())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains(licence.getCertificateNumber(), "Sahu Kirana Store",
                    "गुमास्ता लाइसेंस (दुकान एवं स्थापना पंजीयन)", "श्रम विभाग (श्रम अधिकारी)", "Shop / दुकान",
                    "Fee paid: Government registration fee / शुल्क जमा: सरकारी पंजीयन शुल्क",
                    "₹100, receipt / रसीद RCPT-2026-0042", "Deepak Sonwani (labour.officer.raipur)");
        }
        assertTheRegistrationSmsNames(request, "गुमास्ता लाइसेंस");

        deliverAtTheDoor(journey, number, request);
    }

    @Test
    void aFeeNeverPaidIsRemindedThenTheRequestCloses() throws Exception {
        JourneySteps journey = journey();
        String number = toThePayment(journey, "9425210089");
        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();

        runTimer(number, "BoundaryEvent_PaymentReminderDue");
        assertThat(sms(request, "PAYMENT_REMINDER").getBody()).contains("₹100", number);
        runTimer(number, "BoundaryEvent_PaymentTimeUp");

        assertThat(sms(request, "PAYMENT_CLOSED").getBody()).contains(number);
        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus()).isEqualTo(RequestStatus.CLOSED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_RequestUnpaid").list()
                .stream().map(step -> history.createHistoricProcessInstanceQuery()
                        .processInstanceId(step.getProcessInstanceId()).singleResult().getBusinessKey()))
                .contains(number);
        assertThat(jdbc.queryForObject("select status from payment where request_id = ?", String.class,
                request.getId())).isEqualTo("PENDING");

        // A failed attempt or an unknown payment records nothing; money that comes after the closing is kept.
        String paymentId = jdbc.queryForObject("select gateway_reference from payment where request_id = ?",
                String.class, request.getId());
        String failed = "{\"paymentId\":\"" + paymentId + "\",\"status\":\"FAILED\"}";
        ResponseEntity<JsonNode> attempt = callback(failed, sign(SECRET, failed));
        assertThat(attempt.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(attempt.getBody().path("recorded").asBoolean()).isFalse();
        String unknown = "{\"paymentId\":\"pay_unknown\",\"status\":\"PAID\",\"amount\":10000,"
                + "\"receiptNumber\":\"RCPT-X\"}";
        assertThat(callback(unknown, sign(SECRET, unknown)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        String late = "{\"paymentId\":\"" + paymentId + "\",\"status\":\"PAID\",\"amount\":10000,"
                + "\"receiptNumber\":\"RCPT-LATE\"}";
        ResponseEntity<JsonNode> paidLate = callback(late, sign(SECRET, late));
        assertThat(paidLate.getStatusCode()).as("%s", paidLate.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select receipt_number from payment where request_id = ?", String.class,
                request.getId())).isEqualTo("RCPT-LATE");
        assertThat(jdbc.queryForObject("select count(*) from request_milestone where request_id = ? and "
                + "milestone = 'FEE_PAID_LATE'", Integer.class, request.getId())).isEqualTo(1);
        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus()).isEqualTo(RequestStatus.CLOSED);
    }

    /** Call, visit, particulars and scrutiny of a shop in Raipur, up to the government fee's order. */
    private String toThePayment(JourneySteps journey, String phone) throws Exception {
        String number = journey.registerOffered(GUMASTA, "Gumasta licence (shop and establishment registration)",
                "Ramesh Sahu", phone, "Shop 4, Gandhi Chowk, Raipur");
        JsonNode visit = journey.singleTask("mitan.raipur", "Task_VisitCitizen", number);
        assertThat(journey.formText("mitan.raipur", visit, "documentChecklist"))
                .contains("- One of: **Rent agreement of the premises**")
                .contains("**Photograph of the shop front with the name board**");
        journey.upload("mitan.raipur", number, "rent-agreement", "rent.pdf", pdf("Rent agreement, shop 4"),
                HttpStatus.CREATED);
        journey.upload("mitan.raipur", number, "owner-id", "aadhaar.jpg", image("jpeg"), HttpStatus.CREATED);
        journey.upload("mitan.raipur", number, "shop-front-photograph", "shop.jpg", image("jpeg"),
                HttpStatus.CREATED);
        journey.submit("mitan.raipur", visit, Map.of("visitOutcome", "collected"));
        journey.runJobs(number);
        journey.submit("mitan.raipur", journey.singleTask("mitan.raipur", "Task_RecordParticulars", number), Map.of(
                "particular_establishmentName", "Sahu Kirana Store", "particular_category", "shop",
                "particular_establishmentAddress", "Shop 4, Gandhi Chowk, Raipur",
                "particular_natureOfBusiness", "Grocery", "particular_dateOfOpening", "2025-11-01",
                "particular_ownerNames", "Ramesh Sahu", "particular_menEmployees", 2,
                "particular_womenEmployees", 1));
        JsonNode scrutiny = journey.claim("clerk.raipur", "Task_ScrutiniseDocuments", number);
        assertThat(candidateGroups(scrutiny)).containsExactly("clerk-RPR");
        journey.submit("clerk.raipur", scrutiny, Map.of("scrutinyOutcome", "accepted"));
        journey.runJobs(number); // filing with the single window
        journey.runJobs(number); // ordering the fee
        return number;
    }

    private void runTimer(String number, String timerId) {
        List<Job> timers = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId())
                        .activityId(timerId).list().stream())
                .toList();
        assertThat(timers).as(timerId).hasSize(1);
        management.executeJob(timers.get(0).getId());
    }

    private SmsMessage sms(ServiceRequest request, String template) {
        return outbox.findByRequestIdOrderByIdAsc(request.getId()).stream()
                .filter(message -> message.getTemplate().equals(template)).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + template + " SMS"));
    }

    /** The citizen's status page as JSON (no login: the code in the SMS), its row of the government fee. */
    private JsonNode governmentFeeOnTheStatusPage(ServiceRequest request) {
        JsonNode status = statusPage(request, MediaType.APPLICATION_JSON, JsonNode.class);
        return StreamSupport.stream(status.path("fees").spliterator(), false)
                .filter(fee -> fee.path("name").path("en").asText().equals("Government registration fee"))
                .findFirst().orElseThrow(() -> new AssertionError("no government fee in " + status));
    }

    private <T> T statusPage(ServiceRequest request, MediaType asked, Class<T> as) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(asked));
        ResponseEntity<T> page = http.exchange("/status/" + request.getStatusCode(), HttpMethod.GET,
                new HttpEntity<>(headers), as);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return page.getBody();
    }

    private ResponseEntity<JsonNode> callback(String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set("X-Payment-Signature", signature);
        }
        return http.postForEntity("/api/payments/callback", new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8),
                headers), JsonNode.class);
    }

    /** As the gateway signs: HMAC-SHA256 of the body's bytes, in hex, after "sha256=". */
    static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
