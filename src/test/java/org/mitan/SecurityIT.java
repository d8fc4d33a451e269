package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Who gets in where: the API and the engine REST API need a login, the public pages do not. */
@MitanIntegrationTest
class SecurityIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;

    @Test
    void apiWithoutLoginIsRefusedWithAProblemDetail() {
        ResponseEntity<String> response = http.getForEntity("/api/requests/RPR-2026-000001", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.getBody()).contains("Log in");
    }

    /**
     * With a user of its own: after a failed login Camunda refuses that user for a few seconds, even with the right
     * password, which would fail whichever test logs in as a demo user next.
     */
    @Test
    void wrongPasswordIsRefused() {
        String userId = probeUser("wrong-password-probe");

        ResponseEntity<String> response = http.withBasicAuth(userId, "wrong")
                .getForEntity("/api/requests/RPR-2026-000001", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void engineRestApiNeedsALogin() {
        ResponseEntity<String> anonymous = http.getForEntity("/engine-rest/task", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(http.withBasicAuth("clerk.raipur", "demo").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** The engine REST API takes the login Spring Security checked: a wrong password or another scheme is refused. */
    @Test
    void engineRestApiRefusesAWrongPasswordAndLoginsThatAreNotBasic() {
        String userId = probeUser("wrong-engine-password-probe");
        assertThat(http.withBasicAuth(userId, "wrong").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        HttpHeaders bearer = new HttpHeaders();
        bearer.setBearerAuth("clerk.raipur");
        ResponseEntity<String> notBasic = http.exchange("/engine-rest/task", HttpMethod.GET,
                new HttpEntity<>(bearer), String.class);
        assertThat(notBasic.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(notBasic.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    /**
     * A login is checked once and then taken as checked for a short time (config.CheckedLogins): a new password, and a
     * group taken away in the engine, still count from the very next call.
     */
    @Test
    void aNewPasswordAndARemovedGroupCountFromTheNextCall() {
        String userId = probeUser("changing-supervisor-probe");
        identity.createMembership(userId, "supervisor-RPR");
        try {
            assertThat(http.withBasicAuth(userId, "the-right-one").getForEntity("/api/mitans?body=RPR", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.withBasicAuth(userId, "the-right-one").getForEntity("/api/mitans?body=RPR", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);

            identity.deleteMembership(userId, "supervisor-RPR");
            assertThat(http.withBasicAuth(userId, "the-right-one").getForEntity("/api/mitans?body=RPR", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

            User user = identity.createUserQuery().userId(userId).singleResult();
            user.setPassword("a-new-one");
            identity.saveUser(user);
            assertThat(http.withBasicAuth(userId, "a-new-one").getForEntity("/api/bodies", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.withBasicAuth(userId, "the-right-one").getForEntity("/api/bodies", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        } finally {
            identity.deleteUser(userId);
        }
    }

    @Test
    void unknownRequestIsANotFoundProblemForALoggedInUser() {
        ResponseEntity<String> response = http.withBasicAuth("callcentre", "demo")
                .getForEntity("/api/requests/RPR-1999-000001", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getBody()).contains("RPR-1999-000001");
    }

    @Test
    void verificationAndApiDescriptionArePublic() {
        ResponseEntity<String> verify = http.getForEntity("/verify/NO-SUCH-CODE", String.class);
        assertThat(verify.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(verify.getBody()).contains("\"valid\":false");

        assertThat(http.getForEntity("/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void vendorBannerIsHiddenInEveryWebapp() {
        for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
            ResponseEntity<String> css = http.getForEntity("/camunda/app/" + app + "/styles/user-styles.css",
                    String.class);
            assertThat(css.getBody()).as(app).contains(".ce-eol-banner").contains("display: none");
        }
    }

    /** A user of the test's own whose password is "the-right-one". */
    private String probeUser(String userId) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setPassword("the-right-one");
            identity.saveUser(user);
        }
        return userId;
    }
}
