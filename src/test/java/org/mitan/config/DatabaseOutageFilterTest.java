package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.mitan.web.DatabaseOutages;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DatabaseOutageFilterTest {

    private final DataSource database = mock(DataSource.class);
    private final DatabaseOutageFilter filter = new DatabaseOutageFilter(new ObjectMapper(),
            new DatabaseOutages(database));

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
    void aFailureThatDoesNotSaySoIsA503WhenTheDatabaseDoesNotAnswer() throws Exception {
        // a rollback on a connection the restart closed: the message says nothing of the outage
        when(database.getConnection()).thenThrow(new SQLTransientConnectionException("timed out after 3000ms"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain rollsBack = (request, answer) -> {
            throw new IllegalStateException("Unable to rollback", new SQLException("Connection is closed"));
        };

        filter.doFilter(new MockHttpServletRequest("GET", "/api/certificate-types"), response, rollsBack);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("Database unavailable");
    }

    @Test
    void anyOtherFailurePassesOnUnchanged() throws Exception {
        Connection connection = mock(Connection.class);
        when(connection.isValid(anyInt())).thenReturn(true);
        when(database.getConnection()).thenReturn(connection);
        FilterChain fails = (request, answer) -> {
            throw new ServletException("a fault of ours", new IllegalStateException("no"));
        };

        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/x"),
                new MockHttpServletResponse(), fails)).isInstanceOf(ServletException.class)
                .hasMessage("a fault of ours");
    }
}
