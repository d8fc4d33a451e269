package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DatabaseOutageFilterTest {

    private final DatabaseOutageFilter filter = new DatabaseOutageFilter(new ObjectMapper());

    @Test
    void theDatabaseOutOfReachWhileCheckingThePasswordIsA503Problem() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain checksPassword = (request, answer) -> {
            answer.getWriter().write("half an answer");
            throw new ProcessEngineException("Could not query users", new SQLTransientConnectionException(
                    "mitan - Connection is not available, request timed out after 10000ms"));
        };

        filter.doFilter(new MockHttpServletRequest("GET", "/api/requests/RPR-2026-000001"), response, checksPassword);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).contains("Database unavailable")
                .contains("nothing was saved; try again in a minute").doesNotContain("half an answer", "mitan - ");
    }

    @Test
    void anyOtherFailurePassesOnUnchanged() {
        FilterChain fails = (request, answer) -> {
            throw new ServletException("a fault of ours", new IllegalStateException("no"));
        };

        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/x"),
                new MockHttpServletResponse(), fails)).isInstanceOf(ServletException.class)
                .hasMessage("a fault of ours");
    }
}
