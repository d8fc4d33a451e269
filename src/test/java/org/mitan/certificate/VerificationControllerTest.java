package org.mitan.certificate;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.Names;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest({CertificateController.class, VerificationController.class})
/** Same slice as its sibling controller test, so both share one application context. */
@AutoConfigureMockMvc(addFilters = false)
class VerificationControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CertificateVerification verification;

    @MockitoBean
    private CertificateService certificates;

    @MockitoBean
    private Catalogue catalogue;

    @Test
    void validCertificateAnswersWithItsPublicFactsOnly() throws Exception {
        when(verification.verify("ABCDEFGHJKMNPQRSTUV2")).thenReturn(Optional.of(genuine()));

        mvc.perform(get("/verify/ABCDEFGHJKMNPQRSTUV2"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.certificateType").value("birth-certificate"))
                .andExpect(jsonPath("$.serviceName").value("Birth certificate"))
                .andExpect(jsonPath("$.certificateNumber").value("RPR/BIRTH/2026/000001"))
                .andExpect(jsonPath("$.issuedOn").value("2026-03-01"))
                .andExpect(jsonPath("$.holder").value("A*** S***"))
                .andExpect(jsonPath("$.issuedBy").value("Raipur Municipal Corporation"))
                .andExpect(jsonPath("$.issuedByHi").value("नगर पालिक निगम रायपुर"))
                .andExpect(jsonPath("$.status").value("valid"))
                .andExpect(jsonPath("$.supersededBy").doesNotExist())
                .andExpect(jsonPath("$.length()").value(9));
    }

    @Test
    void aSupersededCertificateNamesTheCertificateThatReplacedIt() throws Exception {
        when(verification.verify("ABCDEFGHJKMNPQRSTUV2")).thenReturn(Optional.of(
                new CertificateVerification.VerifiedCertificate(false, "birth-certificate", "Birth certificate",
                        "RPR/BIRTH/2026/000001", LocalDate.of(2026, 3, 1), "A*** S***",
                        "Raipur Municipal Corporation", "नगर पालिक निगम रायपुर", "superseded",
                        "RPR/BIRTH/2026/000007")));
        when(catalogue.type("birth-certificate")).thenReturn(Optional.of(new CertificateType("birth-certificate",
                new Names("Birth certificate", "जन्म प्रमाण पत्र"), new Names("Registrar", "रजिस्ट्रार"), "childName",
                7, 3, Map.of())));

        mvc.perform(get("/verify/ABCDEFGHJKMNPQRSTUV2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.status").value("superseded"))
                .andExpect(jsonPath("$.supersededBy").value("RPR/BIRTH/2026/000007"));
        mvc.perform(get("/verify/ABCDEFGHJKMNPQRSTUV2").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("superseded by <strong id=\"superseded-by\">"
                        + "RPR/BIRTH/2026/000007</strong>")))
                .andExpect(content().string(containsString("इसके स्थान पर प्रमाण पत्र <strong>RPR/BIRTH/2026/000007")))
                .andExpect(content().string(not(containsString("This certificate is genuine."))));
    }

    @Test
    void unknownCodeIsANotFoundProblemSayingNotValid() throws Exception {
        when(verification.verify("ZZZZZZZZZZZZZZZZZZZZ")).thenReturn(Optional.empty());

        mvc.perform(get("/verify/ZZZZZZZZZZZZZZZZZZZZ"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Not a valid certificate"))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void aBrowserGetsAPageInHindiAndEnglish() throws Exception {
        when(verification.verify("ABCDEFGHJKMNPQRSTUV2")).thenReturn(Optional.of(genuine()));
        when(catalogue.type("birth-certificate")).thenReturn(Optional.of(new CertificateType("birth-certificate",
                new Names("Birth certificate", "जन्म प्रमाण पत्र"), new Names("Registrar", "रजिस्ट्रार"), "childName",
                7, 3, Map.of())));

        mvc.perform(get("/verify/ABCDEFGHJKMNPQRSTUV2").accept(MediaType.TEXT_HTML, MediaType.ALL))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("जन्म प्रमाण पत्र")))
                .andExpect(content().string(containsString("This certificate is genuine.")))
                .andExpect(content().string(containsString("RPR/BIRTH/2026/000001")))
                .andExpect(content().string(containsString("1 Mar 2026")))
                .andExpect(content().string(containsString("A*** S***")))
                .andExpect(content().string(containsString("नगर पालिक निगम रायपुर<br>Raipur Municipal Corporation")));

        when(verification.verify("ZZZZZZZZZZZZZZZZZZZZ")).thenReturn(Optional.empty());
        mvc.perform(get("/verify/ZZZZZZZZZZZZZZZZZZZZ").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Not a valid certificate")))
                .andExpect(content().string(containsString("मान्य प्रमाण पत्र नहीं")));
    }

    /**
     * Whatever a client asks for (XML, plain text, anything, nothing, an Accept header that is not one), the answer
     * says whether the certificate is genuine: JSON when it does not ask for a page, never a 406 with an empty body.
     */
    @Test
    void everyAcceptHeaderGetsAnAnswerAPersonCanRead() throws Exception {
        when(verification.verify("ABCDEFGHJKMNPQRSTUV2")).thenReturn(Optional.of(genuine()));
        when(verification.verify("ZZZZZZZZZZZZZZZZZZZZ")).thenReturn(Optional.empty());

        for (String accept : new String[] {"application/xml", "text/plain", "*/*", "image/png",
            "application/json;q=0, text/plain", "not a media type", ""}) {
            var valid = get("/verify/ABCDEFGHJKMNPQRSTUV2");
            var unknown = get("/verify/ZZZZZZZZZZZZZZZZZZZZ");
            if (!accept.isEmpty()) {
                valid.header("Accept", accept);
                unknown.header("Accept", accept);
            }
            mvc.perform(valid)
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.valid").value(true))
                    .andExpect(jsonPath("$.certificateNumber").value("RPR/BIRTH/2026/000001"));
            mvc.perform(unknown)
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.detail").value(containsString("No certificate has this verification"
                            + " code")));
        }
    }

    /** Raipur's first birth certificate of 2026, valid. */
    private static CertificateVerification.VerifiedCertificate genuine() {
        return new CertificateVerification.VerifiedCertificate(true, "birth-certificate", "Birth certificate",
                "RPR/BIRTH/2026/000001", LocalDate.of(2026, 3, 1), "A*** S***", "Raipur Municipal Corporation",
                "नगर पालिक निगम रायपुर", "valid", null);
    }
}
