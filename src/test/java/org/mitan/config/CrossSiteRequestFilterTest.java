package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CrossSiteRequestFilterTest {

    private final CrossSiteRequestFilter filter = new CrossSiteRequestFilter(new ObjectMapper());

    @Test
    void aWriteMarkedCrossSiteIsRefusedWithAProblemDetail() throws Exception {
        MockHttpServletRequest request = request("POST", "/api/requests");
        request.addHeader("Sec-Fetch-Site", "cross-site");

        MockHttpServletResponse response = run(request);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).contains("Cross-site request refused")
                .contains("from another web site");
    }

    @Test
    void aWriteFromAForeignOriginIsRefused() throws Exception {
        for (String origin : new String[] {"https://evil.example", "http://mitan.example:8081",
            "https://mitan.example", "null", "not a url"}) {
            MockHttpServletRequest request = request("DELETE", "/engine-rest/process-instance/1");
            request.addHeader("Origin", origin);

            assertThat(run(request).getStatus()).as(origin).isEqualTo(403);
        }
    }

    @Test
    void everyGuardedPathAndEveryWritingMethodIsChecked() throws Exception {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            for (String path : new String[] {"/api/requests", "/feedback/abc", "/engine-rest/task/1/complete"}) {
                MockHttpServletRequest request = request(method, path);
                request.addHeader("Sec-Fetch-Site", "cross-site");

                assertThat(run(request).getStatus()).as(method + " " + path).isEqualTo(403);
            }
        }
    }

    /**
     * The decision does not depend on how the path is spelled: {@code /%61pi/} is {@code /api/} to the container,
     * and the webapps, the error page or an address nobody serves are guarded alike.
     */
    @Test
    void everyPathHoweverSpelledIsGuarded() throws Exception {
        for (String path : new String[] {"/%61pi/requests/RPR-2026-000001/documents", "/%65ngine-rest/task/1/complete",
            "/API/requests", "/camunda/api/admin/auth/user/default/login/tasklist", "/error", "/anything"}) {
            MockHttpServletRequest request = request("POST", path);
            request.addHeader("Origin", "http://evil.example");
            request.addHeader("Sec-Fetch-Site", "cross-site");

            assertThat(run(request).getStatus()).as(path).isEqualTo(403);
        }
    }

    @Test
    void ownPagesToolsReadsAndOtherPathsPass() throws Exception {
        MockHttpServletRequest ownPage = request("POST", "/api/requests");
        ownPage.addHeader("Origin", "http://mitan.example:8080");
        ownPage.addHeader("Sec-Fetch-Site", "same-origin");
        MockHttpServletRequest tablet = request("POST", "/api/requests/RPR-2026-000001/documents");
        MockHttpServletRequest read = request("GET", "/api/requests/RPR-2026-000001");
        read.addHeader("Sec-Fetch-Site", "cross-site");
        read.addHeader("Origin", "https://evil.example");
        MockHttpServletRequest webapp = request("POST", "/camunda/api/admin/auth/user/default/login/tasklist");
        webapp.addHeader("Origin", "http://mitan.example:8080");
        webapp.addHeader("Sec-Fetch-Site", "same-origin");

        for (MockHttpServletRequest request : new MockHttpServletRequest[] {ownPage, tablet, read, webapp}) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(request.getMethod() + " " + request.getRequestURI()).isNotNull();
        }
    }

    @Test
    void theDefaultPortOfTheSchemeCounts() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/requests");
        request.setServerName("mitan.example");
        request.setServerPort(443);
        request.addHeader("Origin", "https://mitan.example");

        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServerName("mitan.example");
        request.setServerPort(8080);
        return request;
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest()).as("passed on").isNull();
        return response;
    }
}
