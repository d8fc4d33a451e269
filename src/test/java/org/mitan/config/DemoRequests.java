package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.mitan.AfterRegistration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Registers requests (birth certificates unless told) through the API as the call centre, each for a phone of its own. */
final class DemoRequests {

    private DemoRequests() {
    }

    /** A valid Indian mobile number that no other test uses (one open request per phone and type). */
    static String freshPhone() {
        return "9" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    static ResponseEntity<JsonNode> registerRaw(TestRestTemplate http, String phone) {
        return registerRaw(http, phone, "birth-certificate");
    }

    static ResponseEntity<JsonNode> registerRaw(TestRestTemplate http, String phone, String certificateType) {
        return http.withBasicAuth("callcentre", "demo").postForEntity("/api/requests", Map.of(
                "certificateType", certificateType, "bodyCode", "RPR", "ward", 12,
                "citizenName", "Kamla Dhruw", "citizenPhone", phone,
                "address", "Ward 12, Purani Basti, Raipur", "preferredVisitWindow", "MORNING",
                "language", "en"), JsonNode.class);
    }

    /** The new request's number; its process has gone on from the registration's save point to the visit. */
    static String register(TestRestTemplate http, ProcessEngine engine, String phone) {
        return register(http, engine, phone, "birth-certificate");
    }

    /** The new request's number, for a request of that type, gone on to the visit. */
    static String register(TestRestTemplate http, ProcessEngine engine, String phone, String certificateType) {
        ResponseEntity<JsonNode> registered = registerRaw(http, phone, certificateType);
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        String number = registered.getBody().path("requestNumber").asText();
        AfterRegistration.carryOn(engine.getRuntimeService(), engine.getManagementService(), number);
        return number;
    }
}
