package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.sms.SmsMessage;
import org.mitan.sms.SmsMessageRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The Mitan service fee collected at the door, as the Mitan's tablet and an auditor use the API: the request's Mitan
 * records cash or a UPI payment once, with a receipt the citizen gets by SMS; the amount is the type's data; wrong
 * input, another user and a reused UPI reference change nothing; an auditor reads the request's money.
 */
@MitanIntegrationTest
class DoorstepFeesIT {

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
    SmsMessageRepository outbox;

    @Test
    void theMitanRecordsTheServiceFeeOnceWithAReceiptAndAnAuditorSeesTheMoney() {
        JourneySteps steps = new JourneySteps(http, json, runtime, management);
        String number = register(steps);
        String fees = "/api/requests/" + number + "/fees";

        JsonNode due = steps.as("auditor").getForObject(fees, JsonNode.class);
        assertThat(due).hasSize(1);
        assertThat(due.get(0).path("feeCode").asText()).isEqualTo("mitan-service");
        assertThat(due.get(0).path("status").asText()).isEqualTo("DUE");
        assertThat(due.get(0).path("rupees").asInt()).isEqualTo(50);

        // Wrong input, and anyone but the request's Mitan, are refused; nothing is recorded.
        ResponseEntity<JsonNode> noMode = collect(steps, "mitan.raipur", number, Map.of("mode", "CHEQUE"));
        assertThat(noMode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noMode.getBody().path("fieldErrors").path("mode").asText()).contains("CASH or UPI");
        ResponseEntity<JsonNode> shortUpi = collect(steps, "mitan.raipur", number,
                Map.of("mode", "UPI", "upiReference", "12345"));
        assertThat(shortUpi.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(shortUpi.getBody().path("fieldErrors").path("upiReference").asText()).contains("12-digit");
        assertThat(noMode.getBody().path("detail").asText()).endsWith("must be CASH or UPI / नकद या UPI चुनें");
        // Another body's Mitan is answered as for a number that names no request.
        ResponseEntity<JsonNode> otherMitan = collect(steps, "mitan.korba", number, Map.of("mode", "CASH"));
        assertThat(otherMitan.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // What a Mitan reads on the field page: English, then " / " and the Hindi.
        assertThat(otherMitan.getBody().path("detail").asText()).startsWith("No request with number " + number)
                .endsWith(" / इस संख्या का कोई आवेदन आपके लिए नहीं है; संख्या जाँचें, या इसके अधिकारी या पर्यवेक्षक से"
                        + " पूछें।");
        // The call centre, who look up every request, are told why.
        ResponseEntity<JsonNode> callCentre = collect(steps, "callcentre", number, Map.of("mode", "CASH"));
        assertThat(callCentre.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(callCentre.getBody().path("detail").asText()).endsWith(" records the fees paid at the door. / घर"
                + " पर दिया गया शुल्क केवल इस आवेदन के लिए नियुक्त मितान दर्ज करते हैं।");
        ResponseEntity<JsonNode> noSuchFee = steps.as("mitan.raipur").postForEntity(fees
                + "/government-fee/collected", Map.of("mode", "CASH"), JsonNode.class);
        assertThat(noSuchFee.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noSuchFee.getBody().path("detail").asText())
                .endsWith(" / यह शुल्क इस प्रमाण पत्र के लिए घर पर नहीं लिया जाता।");
        assertThat(steps.as("auditor").getForObject(fees, JsonNode.class).get(0).path("status").asText())
                .isEqualTo("DUE");

        String utr = String.valueOf(100_000_000_000L + Math.floorMod(System.nanoTime(), 899_999_999_999L));
        // typed on a Hindi keyboard, in Devanagari digits; kept in Latin ones (the reuse below is found by them)
        String typed = utr.chars().mapToObj(digit -> String.valueOf((char) ('०' + digit - '0')))
                .collect(Collectors.joining());
        ResponseEntity<JsonNode> paid = collect(steps, "mitan.raipur", number,
                Map.of("mode", "UPI", "upiReference", typed));
        assertThat(paid.getStatusCode()).as("%s", paid.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(paid.getBody().path("receiptNumber").asText()).isEqualTo(number + "/mitan-service");
        assertThat(paid.getBody().path("paidBy").asText()).isEqualTo("UPI");
        assertThat(paid.getBody().path("rupees").asInt()).isEqualTo(50);

        // Recorded once: again, even as cash, gives the same receipt and changes nothing.
        ResponseEntity<JsonNode> again = collect(steps, "mitan.raipur", number, Map.of("mode", "CASH"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("paidBy").asText()).isEqualTo("UPI");

        // The same UPI reference for another request's fee is refused.
        String other = register(steps);
        ResponseEntity<JsonNode> reused = collect(steps, "mitan.raipur", other,
                Map.of("mode", "UPI", "upiReference", utr));
        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(reused.getBody().path("detail").asText()).startsWith("UPI reference " + utr)
                .endsWith(" / यह UPI लेन-देन संख्या पहले ही किसी दूसरे शुल्क में दर्ज है; नागरिक के फ़ोन पर संख्या"
                        + " जाँचें।");
        assertThat(collect(steps, "mitan.raipur", other, Map.of("mode", "CASH")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        List<SmsMessage> receipts = outbox.findByRequestIdOrderByIdAsc(request.getId()).stream()
                .filter(sms -> sms.getTemplate().equals("PAYMENT_RECEIVED")).toList();
        assertThat(receipts).hasSize(1);
        assertThat(receipts.get(0).getBody()).contains(number + "/mitan-service", "50");

        JsonNode money = steps.as("auditor").getForObject(fees, JsonNode.class);
        assertThat(money).hasSize(1);
        assertThat(money.get(0).path("status").asText()).isEqualTo("PAID");
        assertThat(money.get(0).path("paidBy").asText()).isEqualTo("UPI");
        assertThat(money.get(0).hasNonNull("paidAt")).isTrue();
        assertThat(steps.as("mitan.korba").getForEntity(fees, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void noFeeIsTakenForARequestThatIsClosedButOneTakenBeforeIsAnsweredAsItWas() {
        JourneySteps steps = new JourneySteps(http, json, runtime, management);
        String paidFirst = register(steps);
        assertThat(collect(steps, "mitan.raipur", paidFirst, Map.of("mode", "CASH")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        String unpaid = register(steps);
        for (String number : List.of(paidFirst, unpaid)) {
            runtime.deleteProcessInstance(requests.findByRequestNumber(number).orElseThrow().getProcessInstanceId(),
                    "The citizen withdrew the request");
        }

        ResponseEntity<JsonNode> closed = collect(steps, "mitan.raipur", unpaid, Map.of("mode", "CASH"));
        assertThat(closed.getStatusCode()).as("%s", closed.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(closed.getBody().path("detail").asText()).contains("is closed (CLOSED)", "Give back");
        assertThat(steps.as("auditor").getForObject("/api/requests/" + unpaid + "/fees", JsonNode.class).get(0)
                .path("status").asText()).isEqualTo("DUE");
        ServiceRequest request = requests.findByRequestNumber(unpaid).orElseThrow();
        assertThat(outbox.findByRequestIdOrderByIdAsc(request.getId()))
                .noneMatch(sms -> sms.getTemplate().equals("PAYMENT_RECEIVED"));
        assertThat(collect(steps, "mitan.raipur", paidFirst, Map.of("mode", "CASH")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static String register(JourneySteps steps) {
        String phone = "9" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        return steps.register(Map.of("certificateType", "birth-certificate", "bodyCode", "RPR", "ward", 12,
                "citizenName", "Sarita Dewangan", "citizenPhone", phone, "address", "House 5, Gandhi Chowk, Raipur",
                "preferredVisitWindow", "MORNING", "language", "hi"));
    }

    private static ResponseEntity<JsonNode> collect(JourneySteps steps, String user, String number,
            Map<String, Object> collected) {
        return steps.as(user).postForEntity("/api/requests/" + number + "/fees/mitan-service/collected", collected,
                JsonNode.class);
    }
}
