package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mitan.MitanIntegrationTest;
import org.mitan.request.ServiceRequestRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetailsService;

/** One user store, and no writes forged by another web site, on the running application. */
@MitanIntegrationTest
class WebSecurityIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationContext context;
    @Autowired
    ServiceRequestRepository requests;
    @LocalServerPort
    int port;

    @Test
    void springBootsGeneratedUserDoesNotExist() {
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
        for (String password : new String[] {"demo", "password", ""}) {
            assertThat(http.withBasicAuth("user", password).getForEntity("/api/bodies", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(http.withBasicAuth("user", password).getForEntity("/engine-rest/task", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void aWriteFromAnotherSitesPageIsRefusedAndChangesNothing() {
        String phone = DemoRequests.freshPhone();

        ResponseEntity<JsonNode> forged = register(phone, HttpHeaders.ORIGIN, "https://evil.example");

        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forged.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(forged.getBody().path("detail").asText()).contains("comes from a page of https://evil.example");
        assertThat(requests.findOpen(phone, "birth-certificate")).isEmpty();
    }

    @Test
    void aWriteTheBrowserMarksCrossSiteIsRefusedOnEveryGuardedPath() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Sec-Fetch-Site", "cross-site");
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<String> engine = http.withBasicAuth("callcentre", "demo").exchange(
                "/engine-rest/process-definition/key/birth-certificate/start", HttpMethod.POST,
                new HttpEntity<>(Map.of(), headers), String.class);
        ResponseEntity<String> feedback = http.exchange("/feedback/some-code", HttpMethod.POST,
                new HttpEntity<>(Map.of("rating", 1), headers), String.class);

        assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getBody()).contains("from another web site");
        assertThat(feedback.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void ownPagesToolsAndReadsPass() {
        assertThat(register(DemoRequests.freshPhone(), HttpHeaders.ORIGIN, "http://localhost:" + port)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(register(DemoRequests.freshPhone(), "Sec-Fetch-Site", "same-origin").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(DemoRequests.registerRaw(http, DemoRequests.freshPhone()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        HttpHeaders crossSite = new HttpHeaders();
        crossSite.set("Sec-Fetch-Site", "cross-site");
        crossSite.setOrigin("https://evil.example");
        assertThat(http.withBasicAuth("callcentre", "demo").exchange("/api/bodies", HttpMethod.GET,
                new HttpEntity<>(crossSite), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anUnknownAddressIsStillNotFoundNotAnError() {
        ResponseEntity<String> missing = http.withBasicAuth("callcentre", "demo").getForEntity("/api/no-such-thing",
                String.class);

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> register(String phone, String header, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(header, value);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("callcentre", "demo").exchange("/api/requests", HttpMethod.POST,
                new HttpEntity<>(Map.of("certificateType", "birth-certificate", "bodyCode", "RPR", "ward", 3,
                        "citizenName", "Rekha Markam", "citizenPhone", phone, "address", "Kota, Raipur",
                        "preferredVisitWindow", "AFTERNOON", "language", "hi"), headers), JsonNode.class);
    }
}
