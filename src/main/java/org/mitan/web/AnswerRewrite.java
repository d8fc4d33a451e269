package org.mitan.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A filter that may give an answer of Camunda's (its webapps' or its REST API's) other content before it is sent:
 * the answer is held back whole, then either rewritten or passed on as it was. Only for small answers (forms,
 * problem messages) on the paths a subclass filters.
 */
public abstract class AnswerRewrite extends OncePerRequestFilter {

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper caught = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, caught);
        byte[] rewritten = rewritten(caught.getStatus(), caught.getContentAsByteArray());
        if (rewritten == null) {
            caught.copyBodyToResponse();
            return;
        }
        response.setContentLength(rewritten.length);
        response.getOutputStream().write(rewritten);
    }

    /** The content to send instead of the answer's, or null to send the answer as it was. */
    protected abstract byte[] rewritten(int status, byte[] content);
}
