package org.mitan.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Says why a comment was refused ({@link CommentAuthors}): Camunda's REST API, Tasklist's included, answers every
 * failure to add a comment with 400 "Not enough parameters submitted". The refusal becomes the answer instead, as a
 * problem detail that keeps Camunda's {@code type} and {@code message} for Tasklist: 403 for someone who does not
 * work on the task or its request, 400 for a comment aimed at a task or process that is not there or not its own.
 */
@Component
class CommentRefusalAnswer extends OncePerRequestFilter {

    private final ObjectMapper json;

    CommentRefusalAnswer(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/comment/create");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CommentAuthors.REFUSED.remove();
        ContentCachingResponseWrapper caught = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, caught);
            RuntimeException refusal = CommentAuthors.REFUSED.get();
            if (refusal == null || caught.getStatus() != HttpServletResponse.SC_BAD_REQUEST) {
                caught.copyBodyToResponse();
                return;
            }
            HttpStatus status = refusal instanceof AuthorizationException ? HttpStatus.FORBIDDEN
                    : HttpStatus.BAD_REQUEST;
            ObjectNode problem = json.createObjectNode()
                    .put("type", status == HttpStatus.FORBIDDEN ? "AuthorizationException" : "InvalidRequestException")
                    .put("title", status == HttpStatus.FORBIDDEN ? "Not allowed" : "Not added")
                    .put("status", status.value())
                    .put("detail", refusal.getMessage())
                    .put("message", refusal.getMessage());
            byte[] body = json.writeValueAsBytes(problem);
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } finally {
            CommentAuthors.REFUSED.remove();
        }
    }
}
