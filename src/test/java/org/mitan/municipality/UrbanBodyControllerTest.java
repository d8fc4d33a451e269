package org.mitan.municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mitan.failure.Refusal;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(UrbanBodyController.class)
@AutoConfigureMockMvc(addFilters = false)
class UrbanBodyControllerTest {

    private static final String NEW_BODY = """
            {"code": "KWD", "nameEn": "Kawardha", "nameHi": "कवर्धा", "district": "Kabirdham",
             "kind": "MUNICIPAL_COUNCIL", "wards": 27, "supervisorPhone": "+91 98765 43210"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UrbanBodyRepository bodies;

    @MockitoBean
    UrbanBodyAdministration administration;

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anyLoggedInUserGetsTheActiveBodiesWithTheirWards() throws Exception {
        when(bodies.findByActiveTrueOrderByCode()).thenReturn(List.of(
                new UrbanBody("BHI", "Bhilai", "भिलाई", "Durg", BodyKind.MUNICIPAL_CORPORATION, 70),
                new UrbanBody("RPR", "Raipur", "रायपुर", "Raipur", BodyKind.MUNICIPAL_CORPORATION, 70)));

        mvc.perform(get("/api/bodies").with(request -> {
                    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                            .authenticated("mitan1", "n/a", List.of(new SimpleGrantedAuthority("GROUP_mitan"))));
                    return request;
                }))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].code").value("RPR"))
                .andExpect(jsonPath("$[1].nameEn").value("Raipur"))
                .andExpect(jsonPath("$[1].nameHi").value("रायपुर"))
                .andExpect(jsonPath("$[1].district").value("Raipur"))
                .andExpect(jsonPath("$[1].kind").value("MUNICIPAL_CORPORATION"))
                .andExpect(jsonPath("$[1].wards").value(70))
                .andExpect(jsonPath("$[1].supervisorPhone").doesNotExist());
    }

    @Test
    void withoutALoginThereIsNoList() throws Exception {
        mvc.perform(get("/api/bodies"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Not logged in"));
        verifyNoInteractions(bodies);
    }

    @Test
    @WithMockUser(username = "admin", authorities = "GROUP_camunda-admin")
    void anAdministratorAddsABodyWithNumbersSentAsJsonNumbers() throws Exception {
        UrbanBody kawardha = new UrbanBody("KWD", "Kawardha", "कवर्धा", "Kabirdham", BodyKind.MUNICIPAL_COUNCIL, 27);
        kawardha.setSupervisorPhone("9876543210");
        when(administration.add(any())).thenReturn(kawardha);

        mvc.perform(post("/api/bodies").contentType(MediaType.APPLICATION_JSON).content(NEW_BODY))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("KWD"))
                .andExpect(jsonPath("$.kind").value("MUNICIPAL_COUNCIL"))
                .andExpect(jsonPath("$.wards").value(27))
                .andExpect(jsonPath("$.supervisorPhone").value("9876543210"))
                .andExpect(jsonPath("$.active").value(true));

        ArgumentCaptor<NewBody> form = ArgumentCaptor.forClass(NewBody.class);
        verify(administration).add(form.capture());
        assertThat(form.getValue()).isEqualTo(new NewBody("KWD", "Kawardha", "कवर्धा", "Kabirdham",
                "MUNICIPAL_COUNCIL", "27", "+91 98765 43210"));
    }

    @Test
    @WithMockUser(username = "supervisor1", authorities = "GROUP_supervisor")
    void onlyAdministratorsAddBodies() throws Exception {
        mvc.perform(post("/api/bodies").contentType(MediaType.APPLICATION_JSON).content(NEW_BODY))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Only administrators add urban bodies."));
        verifyNoInteractions(administration);
    }

    @Test
    @WithMockUser(username = "admin", authorities = "GROUP_camunda-admin")
    void aRefusedBodyIsAProblemNamingEachField() throws Exception {
        when(administration.add(any())).thenThrow(Refusal.invalid(Map.of("code", "is required")));

        mvc.perform(post("/api/bodies").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.fieldErrors.code").value("is required"));
    }

    @Test
    @WithMockUser(username = "supervisor1", authorities = "GROUP_supervisor")
    void aSupervisorChangesABodyWithABooleanSentAsJsonBoolean() throws Exception {
        UrbanBody raipur = new UrbanBody("RPR", "Raipur", "रायपुर", "Raipur", BodyKind.MUNICIPAL_CORPORATION, 70);
        raipur.setSupervisorPhone("9876500088");
        when(administration.change(eq("RPR"), any())).thenReturn(raipur);

        mvc.perform(patch("/api/bodies/RPR").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"supervisorPhone\": \"9876500088\", \"wards\": 70, \"active\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("RPR"))
                .andExpect(jsonPath("$.supervisorPhone").value("9876500088"));

        verify(administration).change("RPR", new BodyChange("9876500088", "70", "true"));
    }

    @Test
    @WithMockUser(username = "clerk1", authorities = "GROUP_clerk")
    void othersMayNotChangeBodies() throws Exception {
        mvc.perform(patch("/api/bodies/RPR").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"supervisorPhone\": \"9876500088\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("administrators and the supervisors of")));
        verifyNoInteractions(administration);
    }
}
