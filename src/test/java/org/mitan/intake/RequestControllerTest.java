package org.mitan.intake;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mitan.failure.Refusal;
import org.mitan.mitan.RequestAccess;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.web.NulCharacters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(RequestController.class)
@AutoConfigureMockMvc(addFilters = false)
class RequestControllerTest {

    private static final String BODY = """
            {"certificateType": "birth-certificate", "bodyCode": "RPR", "ward": 12, "citizenName": "Asha Verma",
             "citizenPhone": "+91 98765 43210", "address": "12 Station Road", "preferredVisitWindow": "MORNING"}
            """;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IntakeService intake;

    @MockitoBean
    Requests requests;

    @MockitoBean
    RequestAccess access;

    @MockitoBean
    RequestOverview overview;

    /**
     * Logs the caller in as the security filter will: user id and Camunda groups as {@code GROUP_} authorities.
     * The slice runs without the filter chain, so the context is set directly, on MockMvc's (this) thread.
     */
    static RequestPostProcessor as(String userId, String... groups) {
        return request -> {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    userId, "n/a", Arrays.stream(groups).map(group -> new SimpleGrantedAuthority("GROUP_" + group))
                            .toList()));
            return request;
        };
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theCallCentreRegistersARequest() throws Exception {
        ServiceRequest request = Fixtures.request(1, "RPR-2026-000001");
        when(intake.register(any(), eq("cc1"))).thenReturn(new Registration(request, Fixtures.BIRTH));

        mvc.perform(post("/api/requests").with(as("cc1", "call-centre"))
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/requests/RPR-2026-000001"))
                .andExpect(jsonPath("$.requestNumber").value("RPR-2026-000001"))
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.certificateType").value("birth-certificate"))
                .andExpect(jsonPath("$.serviceName").value("Birth certificate"))
                .andExpect(jsonPath("$.bodyCode").value("RPR"))
                .andExpect(jsonPath("$.ward").value(12))
                .andExpect(jsonPath("$.createdAt").value("2026-05-01T04:30:00Z"));
        verify(intake).register(new RegistrationForm("birth-certificate", "RPR", "12", "Asha Verma",
                "+91 98765 43210", "12 Station Road", "MORNING", null), "cc1");
    }

    @Test
    void jsonWithTrailingGarbageOrATwiceNamedFieldRegistersNothing() throws Exception {
        mvc.perform(post("/api/requests").with(as("cc1", "call-centre"))
                        .contentType(MediaType.APPLICATION_JSON).content(BODY + "{\"x\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Malformed JSON"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("exactly one JSON")));
        mvc.perform(post("/api/requests").with(as("cc1", "call-centre"))
                        .contentType(MediaType.APPLICATION_JSON).content(BODY.replace("\"ward\": 12,",
                                "\"ward\": 12, \"citizenName\": \"Someone Else\",")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "names a field twice (\"citizenName\")")));
        mvc.perform(post("/api/requests").with(as("cc1", "call-centre"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"certificateType\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Malformed JSON"));
        verifyNoInteractions(intake);
    }

    /** PostgreSQL keeps no U+0000 in text: a type or body code with one would fail the look-up, not name the field. */
    @Test
    void aNulCharacterInAFieldIsA400NamingItAndNothingIsLookedUp() throws Exception {
        Map<String, String> withNul = Map.of(
                "certificateType", BODY.replace("birth-certificate", "birth-certificate\\u0000"),
                "bodyCode", BODY.replace("\"RPR\"", "\"RPR\\u0000\""));
        for (Map.Entry<String, String> attempt : withNul.entrySet()) {
            String field = attempt.getKey();

            mvc.perform(post("/api/requests").with(as("cc1", "call-centre"))
                            .contentType(MediaType.APPLICATION_JSON).content(attempt.getValue()))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.fieldErrors.length()").value(1))
                    .andExpect(jsonPath("$.fieldErrors." + field).value(NulCharacters.REFUSAL))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                            field + " contains a NUL character (U+0000)")));
        }
        verifyNoInteractions(intake);
    }

    @Test
    void anAdministratorMayRegisterToo() throws Exception {
        when(intake.register(any(), anyString()))
                .thenReturn(new Registration(Fixtures.request(1, "RPR-2026-000001"), Fixtures.BIRTH));

        mvc.perform(post("/api/requests").with(as("admin", "camunda-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated());
    }

    @Test
    void nobodyElseRegisters() throws Exception {
        mvc.perform(post("/api/requests").with(as("mitan1", "mitan"))
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Not allowed"))
                .andExpect(jsonPath("$.detail").value("Only the call centre registers requests."));
        verifyNoInteractions(intake);
    }

    @Test
    void withoutALoginNothingIsRegistered() throws Exception {
        mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(intake);
    }

    @Test
    void badInputIsA400NamingEachField() throws Exception {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("ward", "must be a ward number from 1 to 70 of Raipur");
        errors.put("citizenPhone", "is not an Indian mobile number");
        when(intake.register(any(), anyString())).thenThrow(Refusal.invalid(errors));

        mvc.perform(post("/api/requests").with(as("cc1", "call-centre"))
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.fieldErrors.ward").value("must be a ward number from 1 to 70 of Raipur"))
                .andExpect(jsonPath("$.fieldErrors.citizenPhone").value("is not an Indian mobile number"))
                .andExpect(jsonPath("$.fieldErrors.length()").value(2));
    }

    @Test
    void unreadableJsonIsA400Problem() throws Exception {
        mvc.perform(post("/api/requests").with(as("cc1", "call-centre"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ward\": "))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"));
        verifyNoInteractions(intake);
    }

    @Test
    void aSecondOpenRequestIsA409WithTheOpenOnesNumber() throws Exception {
        when(intake.register(any(), anyString())).thenThrow(Refusal.conflict(
                "This phone number already has an open Birth certificate request, RPR-2026-000005.",
                Map.of("requestNumber", "RPR-2026-000005")));

        mvc.perform(post("/api/requests").with(as("cc1", "call-centre"))
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.requestNumber").value("RPR-2026-000005"))
                .andExpect(jsonPath("$.detail").value(
                        "This phone number already has an open Birth certificate request, RPR-2026-000005."));
    }

    @Test
    void theCallCentreSeesWhereARequestStands() throws Exception {
        ServiceRequest request = Fixtures.request(1, "RPR-2026-000001");
        when(requests.require("RPR-2026-000001")).thenReturn(request);
        when(overview.describe(request)).thenReturn(view());

        mvc.perform(get("/api/requests/RPR-2026-000001").with(as("cc1", "call-centre")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requestNumber").value("RPR-2026-000001"))
                .andExpect(jsonPath("$.status").value("MITAN_ASSIGNED"))
                .andExpect(jsonPath("$.serviceName").value("Birth certificate"))
                .andExpect(jsonPath("$.currentSteps[0].name").value("Visit the citizen"))
                .andExpect(jsonPath("$.currentSteps[0].taskDefinitionKey").value("Task_VisitCitizen"))
                .andExpect(jsonPath("$.currentSteps[0].assignee").value("mitan1"))
                .andExpect(jsonPath("$.currentSteps[0].due").value("2026-05-03T12:30:00Z"))
                .andExpect(jsonPath("$.milestones[0].milestone").value("REGISTERED"))
                .andExpect(jsonPath("$.milestones[0].at").value("2026-05-01T04:30:00Z"))
                .andExpect(jsonPath("$.milestones[1].actor").value("system"));
        verifyNoInteractions(access);
    }

    @Test
    void anOfficerWorkingOnTheRequestMaySeeIt() throws Exception {
        ServiceRequest request = Fixtures.request(1, "RPR-2026-000001");
        when(requests.require("RPR-2026-000001")).thenReturn(request);
        when(overview.describe(request)).thenReturn(view());

        mvc.perform(get("/api/requests/RPR-2026-000001").with(as("clerk1", "clerk")))
                .andExpect(status().isOk());
        verify(access).checkMaySee(any(), eq(request));
    }

    @Test
    void anOfficerNotWorkingOnTheRequestMayNot() throws Exception {
        ServiceRequest request = Fixtures.request(1, "RPR-2026-000001");
        when(requests.require("RPR-2026-000001")).thenReturn(request);
        doThrow(Refusal.notAllowed("You are not working on request RPR-2026-000001."))
                .when(access).checkMaySee(any(), eq(request));

        mvc.perform(get("/api/requests/RPR-2026-000001").with(as("clerk2", "clerk")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("You are not working on request RPR-2026-000001."));
        verify(overview, never()).describe(any());
    }

    @Test
    void anUnknownNumberIsA404() throws Exception {
        when(requests.require("RPR-2026-999999"))
                .thenThrow(Refusal.notFound("No request with number RPR-2026-999999."));

        mvc.perform(get("/api/requests/RPR-2026-999999").with(as("cc1", "call-centre")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No request with number RPR-2026-999999."));
    }

    private static RequestOverview.View view() {
        return new RequestOverview.View("RPR-2026-000001", "birth-certificate", "Birth certificate", "RPR", 12,
                RequestStatus.MITAN_ASSIGNED, Fixtures.NOW, null,
                List.of(new RequestOverview.Step("Visit the citizen", "Task_VisitCitizen", "mitan1", List.of(),
                        Instant.parse("2026-05-03T12:30:00Z"))),
                List.of(new RequestOverview.Milestone("REGISTERED", Fixtures.NOW, "cc1", null),
                        new RequestOverview.Milestone("MITAN_ASSIGNED", Fixtures.NOW.plusSeconds(60), "system",
                                "Asha (mitan1)")), null);
    }
}
