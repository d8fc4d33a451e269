package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PathSpellingFilterTest {

    private final PathSpellingFilter filter = new PathSpellingFilter(new ObjectMapper());

    @ParameterizedTest
    @ValueSource(strings = {"/%61pi/requests", "/%65ngine-rest/task", "/api/requests/RPR%2D2026%2D000001",
        "/api/%41dmin", "/feedback/abc%5Fdef", "/camunda/app/%74asklist/", "/api/requests/%7e"})
    void aPercentEncodedLetterDigitOrUnreservedSignIsRefused(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).contains("write letters, digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/requests/RPR-2026-000001", "/verify/%E0%A4%95", "/api/documents/a%20b",
        "/api/certificates/RPR/BIRTH/2026/000001/pdf", "/"})
    void plainAddressesAndNeededEncodingsPass(String path) throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void theRefusalNamesTheCharacter() {
        assertThat(PathSpellingFilter.refusal("/%61pi/x")).startsWith("The address spells 'a' as %61");
    }
}
