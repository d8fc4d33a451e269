package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TaskFormRefusalWordingTest {

    private static final String SUBMIT = "/camunda/api/engine/engine/default/task/5f0c-11ef/submit-form";
    private static final String WORDS = "The OTP does not match. 2 attempt(s) left. (ओटीपी मेल नहीं खाता। 2 प्रयास बाकी।)";

    private final ObjectMapper json = new ObjectMapper();
    private final TaskFormRefusalWording filter = new TaskFormRefusalWording(json);

    @Test
    void aRefusedFormKeepsOnlyTheApplicationsWords() throws Exception {
        MockHttpServletResponse response = answer("POST", SUBMIT, 400,
                "{\"type\":\"RestException\",\"message\":\"Cannot submit task form 5f0c-11ef: " + WORDS + "\"}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("message").asText())
                .isEqualTo(WORDS);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("5f0c-11ef")
                .contains("RestException");
    }

    @Test
    void aRefusedStartFormKeepsOnlyTheApplicationsWords() throws Exception {
        String words = "The request was not registered. Please correct: ward must be a ward number from 1 to 70 of Raipur";
        MockHttpServletResponse response = answer("POST",
                "/camunda/api/engine/engine/default/process-definition/caste-certificate:1:5643-11f1/submit-form", 400,
                "{\"type\":\"RestException\",\"message\":\"Cannot instantiate process definition"
                        + " caste-certificate:1:5643-11f1: " + words + "\"}");

        assertThat(json.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("message").asText())
                .isEqualTo(words);
    }

    @Test
    void otherAnswersPassUnchanged() throws Exception {
        String refused = "{\"message\":\"Cannot submit task form 5f0c-11ef: " + WORDS + "\"}";
        assertThat(answer("POST", SUBMIT, 500, refused).getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(refused);
        assertThat(answer("POST", "/camunda/api/engine/engine/default/task/5f0c-11ef/complete", 400, refused)
                .getContentAsString(StandardCharsets.UTF_8)).isEqualTo(refused);
        assertThat(answer("POST", SUBMIT, 400, "not json").getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("not json");
        assertThat(answer("POST", SUBMIT, 204, "").getStatus()).isEqualTo(204);
    }

    private MockHttpServletResponse answer(String method, String path, int status, String body) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest(method, path), response, (request, out) -> {
            HttpServletResponse http = (HttpServletResponse) out;
            http.setStatus(status);
            http.setContentType("application/json");
            http.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        });
        return response;
    }
}
