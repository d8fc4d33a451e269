package org.mitan.sms;

import static org.hamcrest.Matchers.hasSize;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mitan.failure.Refusal;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(SmsOutboxController.class)
@AutoConfigureMockMvc(addFilters = false)
class SmsOutboxControllerTest {

    private static final Instant NOW = Instant.parse("2026-05-01T04:30:00Z");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private Requests requests;

    @MockitoBean
    private SmsMessageRepository outbox;

    @Test
    @WithMockUser(username = "auditor1", authorities = "GROUP_auditor")
    void listsTheOutboxWithMaskedPhonesAndWithoutTexts() throws Exception {
        ServiceRequest request = new ServiceRequest("RPR-2026-000042", "birth-certificate", "RPR", 12, "Ramesh",
                "9876543210", "Raipur", VisitWindow.MORNING, "hi", "fb1", NOW);
        ReflectionTestUtils.setField(request, "id", 42L);
        SmsMessage sent = new SmsMessage(42L, "9876543210", "DELIVERY_OTP", "hi", "OTP 042917", NOW);
        sent.markSent("ref-1", NOW.plusSeconds(5));
        SmsMessage pending = new SmsMessage(42L, "9876543210", "DELIVERED", "hi", "delivered", NOW.plusSeconds(60));
        when(requests.require("RPR-2026-000042")).thenReturn(request);
        when(outbox.findByRequestIdOrderByIdAsc(42L)).thenReturn(List.of(sent, pending));

        mvc.perform(get("/api/requests/RPR-2026-000042/sms"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].template").value("DELIVERY_OTP"))
                .andExpect(jsonPath("$[0].phone").value("98******10"))
                .andExpect(jsonPath("$[0].status").value("SENT"))
                .andExpect(jsonPath("$[0].createdAt").value("2026-05-01T04:30:00Z"))
                .andExpect(jsonPath("$[0].sentAt").value("2026-05-01T04:30:05Z"))
                .andExpect(jsonPath("$[0].body").doesNotExist())
                .andExpect(jsonPath("$[1].status").value("PENDING"))
                .andExpect(jsonPath("$[1].sentAt").doesNotExist());
    }

    @Test
    @WithMockUser(username = "mitan1", authorities = "GROUP_mitan")
    void othersMayNotSeeIt() throws Exception {
        mvc.perform(get("/api/requests/RPR-2026-000042/sms"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("supervisors")));
        verifyNoInteractions(requests, outbox);
    }

    @Test
    @WithMockUser(username = "sup", authorities = "GROUP_supervisor")
    void anUnknownRequestIsNotFound() throws Exception {
        when(requests.require("RPR-2026-999999")).thenThrow(Refusal.notFound("No request with number X."));

        mvc.perform(get("/api/requests/RPR-2026-999999/sms"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"));
    }
}
