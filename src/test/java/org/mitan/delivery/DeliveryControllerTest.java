package org.mitan.delivery;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.certificate.CertificateRepository;
import org.mitan.failure.Refusal;
import org.mitan.mitan.RequestAccess;
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

@WebMvcTest(DeliveryController.class)
@AutoConfigureMockMvc(addFilters = false)
class DeliveryControllerTest {

    private static final Instant NOW = Instant.parse("2026-05-01T04:30:00Z");
    private static final String URL = "/api/requests/RPR-2026-000042/delivery/otp";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private Requests requests;

    @MockitoBean
    private RequestAccess access;

    @MockitoBean
    private Deliveries deliveries;

    @MockitoBean
    private DeliveryRepository rows;

    @MockitoBean
    private CertificateRepository certificates;

    @MockitoBean
    private OtpLimits limits;

    @MockitoBean
    private DeliveryPhotos photos;

    private ServiceRequest request;

    @BeforeEach
    void setUp() {
        request = new ServiceRequest("RPR-2026-000042", "birth-certificate", "RPR", 12, "Ramesh", "9876543210",
                "Raipur", VisitWindow.MORNING, "hi", "fb1", NOW);
        when(requests.require("RPR-2026-000042")).thenReturn(request);
    }

    private Delivery resent() {
        Delivery delivery = new Delivery(42L, "mitan-sunita", "salt:hash", NOW);
        delivery.replaceOtp("salt2:hash2", NOW.plusSeconds(300));
        ReflectionTestUtils.setField(delivery, "id", 9L);
        return delivery;
    }

    @Test
    @WithMockUser(username = "mitan-sunita", authorities = "GROUP_mitan")
    void theAssignedMitanGetsAFreshOtpSent() throws Exception {
        when(access.isAssignedMitan(any(), any())).thenReturn(true);
        when(deliveries.resendOtp("RPR-2026-000042", "mitan-sunita", false)).thenReturn(resent());

        mvc.perform(post(URL))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.requestNumber").value("RPR-2026-000042"))
                .andExpect(jsonPath("$.otpSentCount").value(2))
                .andExpect(jsonPath("$.otpSentAt").value("2026-05-01T04:35:00Z"))
                .andExpect(jsonPath("$.otp").doesNotExist())
                .andExpect(jsonPath("$.otpHash").doesNotExist());
    }

    @Test
    @WithMockUser(username = "supervisor1", authorities = "GROUP_supervisor")
    void aSupervisorMayToo() throws Exception {
        when(deliveries.resendOtp("RPR-2026-000042", "supervisor1", true)).thenReturn(resent());

        mvc.perform(post(URL)).andExpect(status().isAccepted());
        verify(deliveries).resendOtp("RPR-2026-000042", "supervisor1", true);
    }

    @Test
    @WithMockUser(username = "supervisor.raipur", authorities = "GROUP_supervisor-RPR")
    void theBodysOwnSupervisorSendsItAsASupervisorSoThatALockedDeliveryIsUnlocked() throws Exception {
        when(deliveries.resendOtp("RPR-2026-000042", "supervisor.raipur", true)).thenReturn(resent());

        mvc.perform(post(URL)).andExpect(status().isAccepted());
        verify(deliveries).resendOtp("RPR-2026-000042", "supervisor.raipur", true);
    }

    @Test
    @WithMockUser(username = "supervisor.korba", authorities = "GROUP_supervisor-KRB")
    void aSupervisorOfAnotherBodyMayNot() throws Exception {
        mvc.perform(post(URL))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("RPR-2026-000042")));
        verifyNoInteractions(deliveries);
    }

    @Test
    @WithMockUser(username = "mitan-other", authorities = "GROUP_mitan")
    void anotherMitanMayNot() throws Exception {
        when(access.isAssignedMitan(any(), any())).thenReturn(false);

        mvc.perform(post(URL))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("RPR-2026-000042")));
        verifyNoInteractions(deliveries);
    }

    @Test
    @WithMockUser(username = "supervisor1", authorities = "GROUP_supervisor")
    void aDeliveredCertificateIsAConflict() throws Exception {
        when(deliveries.resendOtp("RPR-2026-000042", "supervisor1", true)).thenThrow(Refusal.conflict(
                "The certificate of request RPR-2026-000042 has already been delivered.",
                Map.of("deliveredAt", NOW)));

        mvc.perform(post(URL))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("already been delivered")))
                .andExpect(jsonPath("$.deliveredAt").value("2026-05-01T04:30:00Z"));
    }

    @Test
    @WithMockUser(username = "supervisor1", authorities = "GROUP_supervisor")
    void anUnknownRequestIsNotFound() throws Exception {
        when(requests.require("RPR-2026-000099")).thenThrow(Refusal.notFound("No request with number X."));

        mvc.perform(post("/api/requests/RPR-2026-000099/delivery/otp"))
                .andExpect(status().isNotFound());
        verifyNoInteractions(deliveries);
    }

    @Test
    @WithMockUser(username = "mitan-sunita", authorities = "GROUP_mitan")
    void tooSoonIsA429WithRetryAfter() throws Exception {
        when(access.isAssignedMitan(any(), any())).thenReturn(true);
        when(deliveries.resendOtp("RPR-2026-000042", "mitan-sunita", false)).thenThrow(new OtpLimitReached(
                "An OTP was sent to the citizen of request RPR-2026-000042 at 10:00:10; ask again after 10:01:10.",
                java.time.Duration.ofMillis(49_200)));

        mvc.perform(post(URL))
                .andExpect(status().isTooManyRequests())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Retry-After", "50"))
                .andExpect(jsonPath("$.title").value("Too many OTPs"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.retryAfterSeconds").value(50))
                .andExpect(jsonPath("$.detail").value(containsString("ask again after")));
    }
}
