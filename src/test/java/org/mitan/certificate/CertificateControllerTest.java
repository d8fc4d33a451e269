package org.mitan.certificate;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mitan.catalogue.Catalogue;
import org.mitan.failure.Refusal;
import org.mitan.web.Caller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest({CertificateController.class, VerificationController.class})
/** Same slice as its sibling controller test, so both share one application context. */
@AutoConfigureMockMvc(addFilters = false)
class CertificateControllerTest {

    private static final byte[] PDF = "%PDF-1.4 certificate".getBytes();

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CertificateService certificates;

    /** The verification page's Hindi names (same slice as VerificationControllerTest). */
    @MockitoBean
    private Catalogue catalogue;

    @MockitoBean
    private CertificateVerification verification;

    @Test
    @WithMockUser(username = "registrar1", authorities = "GROUP_registrar")
    void streamsThePdfToTheCallerWithTheNumberInThePath() throws Exception {
        when(certificates.openPdf(eq("RPR/BIRTH/2026/000001"), any())).thenReturn(
                new CertificateService.CertificateFile("RPR-BIRTH-2026-000001.pdf", new ByteArrayInputStream(PDF)));

        mvc.perform(get("/api/certificates/RPR/BIRTH/2026/000001/pdf"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", "inline; filename=\"RPR-BIRTH-2026-000001.pdf\""))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().bytes(PDF));
        verify(certificates).openPdf("RPR/BIRTH/2026/000001", new Caller("registrar1", Set.of("registrar")));
    }

    @Test
    @WithMockUser(username = "clerk9", authorities = "GROUP_clerk")
    void someoneNotOnTheRequestGetsAForbiddenProblem() throws Exception {
        when(certificates.openPdf(eq("RPR/BIRTH/2026/000001"), any()))
                .thenThrow(Refusal.notAllowed("You are not working on request RPR-2026-000042."));

        mvc.perform(get("/api/certificates/RPR/BIRTH/2026/000001/pdf"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("Not allowed"))
                .andExpect(jsonPath("$.detail").value("You are not working on request RPR-2026-000042."));
    }

    @Test
    @WithMockUser(username = "registrar1", authorities = "GROUP_registrar")
    void unknownNumberIsANotFoundProblem() throws Exception {
        when(certificates.openPdf(eq("RPR/BIRTH/2026/000099"), any()))
                .thenThrow(Refusal.notFound("No certificate has the number RPR/BIRTH/2026/000099."));

        mvc.perform(get("/api/certificates/RPR/BIRTH/2026/000099/pdf"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No certificate has the number RPR/BIRTH/2026/000099."));
    }

    @Test
    @WithMockUser(username = "registrar1", authorities = "GROUP_registrar")
    void aPdfMissingFromTheStoreIsAServerFaultToReport() throws Exception {
        when(certificates.openPdf(eq("RPR/BIRTH/2026/000001"), any()))
                .thenThrow(new CertificateFileMissing("RPR/BIRTH/2026/000001"));

        mvc.perform(get("/api/certificates/RPR/BIRTH/2026/000001/pdf"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Certificate file missing"))
                .andExpect(jsonPath("$.detail").value("The PDF of certificate RPR/BIRTH/2026/000001 is missing from"
                        + " the document store. Report it to an administrator."));
    }

    @Test
    @WithMockUser(username = "registrar1", authorities = "GROUP_registrar")
    void addressWithoutThePdfSuffixIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/certificates/RPR/BIRTH/2026/000001"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(
                        "There is nothing at this address. Use /api/certificates/<number>/pdf."));
        verifyNoInteractions(certificates);
    }

    @Test
    void nobodyLoggedInGetsAnUnauthorisedProblem() throws Exception {
        mvc.perform(get("/api/certificates/RPR/BIRTH/2026/000001/pdf"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Not logged in"));
        verifyNoInteractions(certificates);
    }
}
