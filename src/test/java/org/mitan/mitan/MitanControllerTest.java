package org.mitan.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
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

import org.junit.jupiter.api.Test;
import org.mitan.failure.Refusal;
import org.mitan.web.NulCharacters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(MitanController.class)
@AutoConfigureMockMvc(addFilters = false)
class MitanControllerTest {

    private static final MitanView KAMLA = new MitanView("mitan.korba2", "Kamla Rathia", "9876500011", "KRB",
            List.of(1, 2, 3), true, 2);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    MitanAdministration administration;

    @Test
    @WithMockUser(username = "supervisor1", authorities = "GROUP_supervisor")
    void aSupervisorListsTheMitansOfABody() throws Exception {
        when(administration.list("KRB")).thenReturn(List.of(KAMLA));

        mvc.perform(get("/api/mitans").param("body", "KRB"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].userId").value("mitan.korba2"))
                .andExpect(jsonPath("$[0].wards.length()").value(3))
                .andExpect(jsonPath("$[0].active").value(true))
                .andExpect(jsonPath("$[0].openRequests").value(2));
    }

    @Test
    @WithMockUser(username = "admin", authorities = "GROUP_camunda-admin")
    void theBodyMustBeNamedForTheList() throws Exception {
        mvc.perform(get("/api/mitans"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors.body").value("is missing"));
        verifyNoInteractions(administration);
    }

    @Test
    @WithMockUser(username = "admin", authorities = "GROUP_camunda-admin")
    void aNulCharacterInTheBodyParameterOrAWardIsA400NamingItBeforeAnythingIsLookedUp() throws Exception {
        mvc.perform(get("/api/mitans").param("body", "RPR\u0000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors.body").value(NulCharacters.REFUSAL));
        mvc.perform(patch("/api/mitans/mitan.korba2").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"wards\": [\"1-3\\u0000\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors['wards.[0]']").value(NulCharacters.REFUSAL));
        verifyNoInteractions(administration);
    }

    @Test
    @WithMockUser(username = "admin", authorities = "GROUP_camunda-admin")
    void anAdministratorAddsAMitanWithWardsAsNumbersAndRanges() throws Exception {
        when(administration.add(any())).thenReturn(KAMLA);

        mvc.perform(post("/api/mitans").contentType(MediaType.APPLICATION_JSON).content("""
                        {"bodyCode": "KRB", "name": "Kamla Rathia", "phone": "9876500011",
                         "userId": "mitan.korba2", "wards": [1, "2-3"]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userId").value("mitan.korba2"))
                .andExpect(jsonPath("$.phone").value("9876500011"));

        verify(administration).add(new NewMitan("KRB", "Kamla Rathia", "9876500011", "mitan.korba2",
                List.of("1", "2-3")));
    }

    @Test
    @WithMockUser(username = "supervisor1", authorities = "GROUP_supervisor")
    void oneWardOrRangeNeedsNoBrackets() throws Exception {
        when(administration.change(eq("mitan.korba2"), any())).thenReturn(KAMLA);

        mvc.perform(patch("/api/mitans/mitan.korba2").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"wards\": \"1-3\", \"active\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value("mitan.korba2"));

        verify(administration).change("mitan.korba2", new MitanChange(null, List.of("1-3"), "false"));
    }

    @Test
    @WithMockUser(username = "supervisor1", authorities = "GROUP_supervisor")
    void aRefusalIsAProblemNamingEachField() throws Exception {
        when(administration.add(any())).thenThrow(Refusal.invalid(Map.of("userId",
                "'x' is not a Camunda user. Create the user in Camunda Admin")));

        mvc.perform(post("/api/mitans").contentType(MediaType.APPLICATION_JSON).content("{\"userId\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.fieldErrors.userId").value(containsString("Camunda Admin")));
    }

    @Test
    @WithMockUser(username = "clerk1", authorities = "GROUP_clerk")
    void othersMayNotManageMitans() throws Exception {
        for (MockHttpServletRequestBuilder call : List.of(get("/api/mitans").param("body", "KRB"),
                post("/api/mitans").contentType(MediaType.APPLICATION_JSON).content("{}"),
                patch("/api/mitans/mitan.korba2").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\": false}"))) {
            mvc.perform(call)
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Only administrators and the supervisors of")));
        }
        verifyNoInteractions(administration);
    }

    /** Another body's Mitan is an unknown user id, word for word: a supervisor learns nothing of who is a Mitan. */
    @Test
    @WithMockUser(username = "supervisor.korba", authorities = "GROUP_supervisor-KRB")
    void anotherBodysMitanIsAnsweredAsAnUnknownUserId() throws Exception {
        when(administration.bodyOf("mitan.raipur")).thenReturn("RPR");
        when(administration.bodyOf("nobody.there")).thenThrow(MitanAdministration.unknown("nobody.there"));

        String hidden = mvc.perform(patch("/api/mitans/mitan.raipur").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\": false}"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String none = mvc.perform(patch("/api/mitans/nobody.there").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\": false}"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(hidden.replace("mitan.raipur", "nobody.there")).isEqualTo(none);
        verify(administration, never()).change(any(), any());
    }

    @Test
    void withoutALoginNothingIsShown() throws Exception {
        mvc.perform(get("/api/mitans").param("body", "KRB"))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(administration);
    }
}
