package org.mitan.feedback;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The public feedback link, with the real rules of {@link FeedbackService} over mocked tables. */
@WebMvcTest(FeedbackController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({FeedbackService.class, FeedbackControllerTest.FixedClock.class})
class FeedbackControllerTest {

    private static final Instant NOW = Instant.parse("2026-05-03T10:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ServiceRequestRepository serviceRequests;

    @MockitoBean
    private FeedbackRepository feedbackRows;

    @MockitoBean
    private Requests requests;

    private ServiceRequest request;

    @BeforeEach
    void aDeliveredRequest() {
        request = new ServiceRequest("RPR-2026-000042", "birth-certificate", "RPR", 12, "Ramesh", "9876543210",
                "Raipur", VisitWindow.MORNING, "hi", "fbCode42", NOW.minusSeconds(864000));
        ReflectionTestUtils.setField(request, "id", 42L);
        request.moveTo(RequestStatus.DELIVERED, NOW.minusSeconds(3600));
        when(serviceRequests.findByFeedbackCode("fbCode42")).thenReturn(Optional.of(request));
        when(feedbackRows.findByRequestId(42L)).thenReturn(Optional.empty());
        when(feedbackRows.saveAndFlush(any())).thenAnswer(invocation -> invocation.getArgument(0));
    }

    private ResultActions postFeedback(String code, String json) throws Exception {
        return mvc.perform(post("/feedback/" + code).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void acceptsARatingWithComment() throws Exception {
        postFeedback("fbCode42", "{\"rating\": 4, \"comment\": \"मितान समय पर आए\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rating").value(4))
                .andExpect(jsonPath("$.comment").value("मितान समय पर आए"))
                .andExpect(jsonPath("$.createdAt").value("2026-05-03T10:00:00Z"));
        verify(feedbackRows).saveAndFlush(any());
    }

    @Test
    void aRatingOutsideOneToFiveIsABadRequestNamingTheField() throws Exception {
        postFeedback("fbCode42", "{\"rating\": 6}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.detail").value(containsString("rating")))
                .andExpect(jsonPath("$.fieldErrors.rating").exists())
                .andExpect(jsonPath("$.fieldErrors.comment").doesNotExist());
        verify(feedbackRows, never()).saveAndFlush(any());
    }

    @Test
    void aMissingRatingOrBodyIsABadRequest() throws Exception {
        postFeedback("fbCode42", "{\"comment\": \"good\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors.rating").exists());
        mvc.perform(post("/feedback/fbCode42").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors.rating").exists());
        postFeedback("fbCode42", "{\"rating\": \"five\"}")
                .andExpect(status().isBadRequest());
        verify(feedbackRows, never()).saveAndFlush(any());
    }

    /** 3.7 read as 3 would use up the citizen's one feedback with a rating they did not give. */
    @Test
    void aFractionalRatingIsRefusedNotRoundedAndUsesNothingUp() throws Exception {
        for (String rating : new String[] {"3.7", "3.0", "4e0"}) {
            postFeedback("fbCode42", "{\"rating\": " + rating + "}")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.fieldErrors.rating").value("must be a whole number"));
        }
        postFeedback("fbCode42", "{\"rating\": 5, \"rating\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("names a field twice (\"rating\")")));
        postFeedback("fbCode42", "{\"rating\": 5} {\"rating\": 1}")
                .andExpect(status().isBadRequest());
        verify(feedbackRows, never()).saveAndFlush(any());
    }

    /** A number too big for a rating is the rating's fault, not the JSON's: the citizen is told which field. */
    @Test
    void aRatingTooBigForANumberIsRefusedNamingTheField() throws Exception {
        for (String rating : new String[] {"3000000000", "-3000000000", "99999999999999999999999"}) {
            postFeedback("fbCode42", "{\"rating\": " + rating + "}")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.fieldErrors.rating").value(containsString("whole number")));
        }
        verify(feedbackRows, never()).saveAndFlush(any());
    }

    @Test
    void aCommentOverAThousandCharactersIsABadRequest() throws Exception {
        postFeedback("fbCode42", "{\"rating\": 5, \"comment\": \"" + "x".repeat(1001) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors.comment").value("must be at most 1000 characters"));
        verify(feedbackRows, never()).saveAndFlush(any());
    }

    @Test
    void anUnknownLinkIsNotFound() throws Exception {
        postFeedback("unknownCode", "{\"rating\": 5}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value(containsString("link from your SMS")));
    }

    @Test
    void beforeDeliveryItIsAConflict() throws Exception {
        request.moveTo(RequestStatus.OUT_FOR_DELIVERY, NOW);

        postFeedback("fbCode42", "{\"rating\": 5}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("once the certificate has been delivered")))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.requestStatus").value("OUT_FOR_DELIVERY"));
        verify(feedbackRows, never()).saveAndFlush(any());
    }

    @Test
    void aSecondFeedbackIsAConflict() throws Exception {
        when(feedbackRows.findByRequestId(42L)).thenReturn(Optional.of(new Feedback(42L, 5, null, NOW)));

        postFeedback("fbCode42", "{\"rating\": 1}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("already been given")))
                .andExpect(jsonPath("$.alreadyGiven").value(true));
        verify(feedbackRows, never()).saveAndFlush(any());
    }

    /** A link cut short in the SMS, opened in a phone's browser: a page in both languages, not the API's JSON. */
    @Test
    void anUnknownLinkOpensAPageInHindiAndEnglishNotJson() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
        mvc.perform(get("/feedback/unknownCode").header("Accept", browser))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("लिंक नहीं मिला")))
                .andExpect(content().string(containsString("link from your SMS")))
                .andExpect(content().string(not(containsString("\"status\""))));
    }

    @Test
    void theLinkOpensAFeedbackPage() throws Exception {
        mvc.perform(get("/feedback/fbCode42").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("हमारी सेवा कैसी लगी")))
                .andExpect(content().string(containsString("name=\"rating\" value=\"5\"")));
        mvc.perform(get("/feedback/unknownCode").accept(MediaType.TEXT_HTML, MediaType.ALL))
                .andExpect(status().isNotFound());
    }
}
