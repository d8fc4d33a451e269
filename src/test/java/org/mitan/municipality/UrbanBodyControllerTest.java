package org.mitan.municipality;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(UrbanBodyController.class)
@AutoConfigureMockMvc(addFilters = false)
class UrbanBodyControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UrbanBodyRepository bodies;

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
}
