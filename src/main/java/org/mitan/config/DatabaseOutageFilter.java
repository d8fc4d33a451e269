package org.mitan.config;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mitan.web.DatabaseOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database out of reach before a controller runs (checking the caller's password, reading the session's user)
 * is a 503 problem with {@code Retry-After}, as it is inside the controllers ({@code ApiExceptionHandler}), not the
 * servlet container's 500. Any other failure passes on as it was.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ObjectMapper json;
    private final DatabaseOutages outages;

    DatabaseOutageFilter(ObjectMapper json, DatabaseOutages outages) {
        this.json = json;
        this.outages = outages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted() || !outages.explain(e)) {
                throw e;
            }
            LOG.error("The database could not be reached for {} {}", request.getMethod(), request.getRequestURI(), e);
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutages.RETRY_AFTER_SECONDS);
            SecurityConfiguration.writeProblem(response, json, HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutages.TITLE,
                    DatabaseOutages.DETAIL);
        }
    }
}
