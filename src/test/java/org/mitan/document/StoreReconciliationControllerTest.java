package org.mitan.document;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(StoreReconciliationController.class)
@AutoConfigureMockMvc(addFilters = false)
class StoreReconciliationControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    StoreReconciliation reconciliation;

    @Test
    @WithMockUser(username = "auditor", authorities = "GROUP_auditor")
    void anAuditorGetsTheObjectsOlderThanTheWaitWithTheirCountAndBytes() throws Exception {
        when(reconciliation.orphans(Duration.ofDays(3650))).thenReturn(List.of(
                new StoredObject("documents/orphan.pdf", 3, Instant.parse("2026-05-01T04:30:00Z"))));

        mvc.perform(get("/api/storage/orphans").param("olderThan", "P3650D"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.olderThan").value("PT87600H"))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.bytes").value(3))
                .andExpect(jsonPath("$.objects[0].key").value("documents/orphan.pdf"));
    }

    @Test
    @WithMockUser(username = "auditor", authorities = "GROUP_auditor")
    void aWaitBeyondTenYearsIsA400NamingTheParameterNotAnInternalError() throws Exception {
        for (String wait : new String[] {"P999999999999D", "P3651D", "PT100000H"}) {
            mvc.perform(get("/api/storage/orphans").param("olderThan", wait))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.fieldErrors.olderThan").value("must be at most 3650 days (P3650D)"));
        }
        verifyNoInteractions(reconciliation);
    }

    @Test
    @WithMockUser(username = "admin", authorities = "GROUP_camunda-admin")
    void aNegativeOrUnreadableWaitIsA400AndNoWaitIsAllObjectsSoFar() throws Exception {
        mvc.perform(get("/api/storage/orphans").param("olderThan", "-PT1H"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors.olderThan").value("cannot be negative"));
        mvc.perform(get("/api/storage/orphans").param("olderThan", "soon"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors.olderThan").value(
                        "is not an ISO-8601 duration such as PT1H or P1D"));
        verifyNoInteractions(reconciliation);

        when(reconciliation.orphans(any())).thenReturn(List.of());
        mvc.perform(get("/api/storage/orphans").param("olderThan", "PT0S")).andExpect(status().isOk());
        verify(reconciliation).orphans(Duration.ZERO);
    }
}
