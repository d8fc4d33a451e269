package org.mitan.intake;

import static org.mitan.intake.RequestControllerTest.as;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.mitan.catalogue.TestTypes;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.Fee;
import org.mitan.catalogue.Names;

@WebMvcTest(CertificateTypeController.class)
@AutoConfigureMockMvc(addFilters = false)
class CertificateTypeControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Catalogue types;

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anyLoggedInUserGetsTheDeployedTypesWithKeyServiceAndDepartmentOnly() throws Exception {
        when(types.all()).thenReturn(List.of(Fixtures.BIRTH,
                TestTypes.type("trade-licence", "Trade licence", "Municipal body (Revenue)", "firmName")));

        mvc.perform(get("/api/certificate-types").with(as("mitan1", "mitan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].key").value("birth-certificate"))
                .andExpect(jsonPath("$[0].serviceName").value("Birth certificate"))
                .andExpect(jsonPath("$[0].department").value(Fixtures.BIRTH.department()))
                .andExpect(jsonPath("$[1].key").value("trade-licence"))
                .andExpect(jsonPath("$[1].serviceName").value("Trade licence"))
                .andExpect(jsonPath("$[1].department").value("Municipal body (Revenue)"))
                .andExpect(jsonPath("$[1].holderParticular").doesNotExist());
    }

    @Test
    void eachTypeCarriesItsFeesInRupeesInBothLanguagesAndATypeWithoutAFeesTableNone() throws Exception {
        CertificateType birth = Fixtures.BIRTH;
        CertificateType withFees = new CertificateType(birth.key(), birth.names(), birth.departmentNames(),
                birth.holderParticular(), birth.legalDueDays(), birth.maxVisits(), birth.steps(),
                List.of(new Fee(Fee.MITAN_SERVICE, 50, new Names("Mitan service fee", "मितान सेवा शुल्क"))));
        when(types.all()).thenReturn(List.of(withFees, TestTypes.type("test-permit", "Test permit", "Testing")));

        mvc.perform(get("/api/certificate-types").with(as("cc1", "call-centre")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].fees.length()").value(1))
                .andExpect(jsonPath("$[0].fees[0].code").value("mitan-service"))
                .andExpect(jsonPath("$[0].fees[0].rupees").value(50))
                .andExpect(jsonPath("$[0].fees[0].label").value("Mitan service fee"))
                .andExpect(jsonPath("$[0].fees[0].labelHi").value("मितान सेवा शुल्क"))
                .andExpect(jsonPath("$[1].fees.length()").value(0));
    }

    @Test
    void nothingDeployedIsAnEmptyList() throws Exception {
        when(types.all()).thenReturn(List.of());

        mvc.perform(get("/api/certificate-types").with(as("cc1", "call-centre")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void withoutALoginItIsA401Problem() throws Exception {
        mvc.perform(get("/api/certificate-types"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json"));
        verifyNoInteractions(types);
    }
}
