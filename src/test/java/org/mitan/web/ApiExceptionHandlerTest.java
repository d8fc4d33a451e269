package org.mitan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-03T10:15:30.456Z"),
            ZoneId.of("Asia/Kolkata"));

    @RestController
    static class FailingController {

        @GetMapping("/api/broken")
        String broken() {
            throw new IllegalStateException("connection pool exhausted");
        }

        @GetMapping("/api/clash")
        String clash() {
            throw new DataIntegrityViolationException("duplicate key value violates unique constraint");
        }

        @GetMapping("/api/refused")
        String refused() {
            throw ApiException.notFound("No request with number RPR-2026-000009.");
        }

        @GetMapping("/api/denied")
        String denied() {
            throw new AccessDeniedException("not for you");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
            .setControllerAdvice(new ApiExceptionHandler(clock()))
            .build();

    private static org.springframework.beans.factory.ObjectProvider<Clock> clock() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", CLOCK);
        return beans.getBeanProvider(Clock.class);
    }

    @Test
    void anUnexpectedFailureIsA500ProblemThatTellsWhatToDoAndIsLoggedWithItsStackTrace(CapturedOutput log)
            throws Exception {
        mvc.perform(get("/api/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Internal error"))
                .andExpect(jsonPath("$.detail").value("Something went wrong on our side; nothing was changed."
                        + " Try again; if it keeps failing, tell the helpdesk the time: 2026-05-03 15:45:30 +05:30."))
                .andExpect(jsonPath("$.time").value("2026-05-03 15:45:30 +05:30"));

        assertThat(log.getOut()).contains("Unexpected failure of GET /api/broken at 2026-05-03 15:45:30 +05:30")
                .contains("java.lang.IllegalStateException: connection pool exhausted")
                .contains("at org.mitan.web.ApiExceptionHandlerTest$FailingController.broken");
    }

    @Test
    void theInternalMessageIsNotShownToTheCaller() throws Exception {
        String body = mvc.perform(get("/api/broken")).andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("connection pool");
    }

    @Test
    void aClashWithConcurrentlySavedDataIsAConflict() throws Exception {
        mvc.perform(get("/api/clash"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "This clashes with data saved at the same moment")));
    }

    @Test
    void refusalsKeepTheirOwnStatusAndMessage() throws Exception {
        mvc.perform(get("/api/refused"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No request with number RPR-2026-000009."));
    }

    @Test
    void springSecurityRefusalsAreLeftToSpringSecurity() {
        assertThatThrownBy(() -> mvc.perform(get("/api/denied"))).hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
