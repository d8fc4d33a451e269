package org.mitan.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** Both decision tables evaluated directly, without a process engine, as the delegates evaluate them. */
class DecisionTablesTest {

    static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Test
    void theServiceLevelOfABirthCertificate() {
        DmnDecisionResult result = evaluate("service-level", ProcessKeys.BIRTH_CERTIFICATE);

        assertThat(result.getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "serviceName", "Birth certificate",
                "department", "Municipal body (Registrar of Births and Deaths)",
                "scrutinyGroup", "clerk",
                "authorityGroup", "registrar",
                "inquiryGroup", "",
                "officerDueDays", 2,
                "mitanDueDays", 2,
                "legalDueDays", 7,
                "maxVisits", 3,
                "holderParticular", "childName"));
    }

    @Test
    void theServiceLevelOfACasteCertificate() {
        DmnDecisionResult result = evaluate("service-level", "caste-certificate");

        assertThat(result.getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "serviceName", "Caste certificate",
                "department", "Revenue department (Tehsildar)",
                "scrutinyGroup", "clerk",
                "authorityGroup", "tehsildar",
                "inquiryGroup", "revenue-inspector",
                "officerDueDays", 5,
                "mitanDueDays", 2,
                "legalDueDays", 30,
                "maxVisits", 3,
                "holderParticular", "applicantName"));
    }

    @Test
    void anUnknownTypeHasNoServiceLevel() {
        assertThat(evaluate("service-level", "passport")).isEmpty();
    }

    @Test
    void theDocumentsForABirthCertificate() {
        DmnDecisionResult result = evaluate("required-documents", ProcessKeys.BIRTH_CERTIFICATE);

        assertThat(result.collectEntries("documentType")).containsExactly(
                "birth-report", "parent-id", "address-proof", "late-registration-affidavit");
        assertThat(result.<Boolean>collectEntries("mandatory")).containsExactly(true, true, true, false);
        assertThat(result.<String>collectEntries("oneOfGroup")).containsOnly("");
        assertThat(result.<String>collectEntries("label")).allSatisfy(label -> assertThat(label).isNotBlank());
        assertThat(result.<String>collectEntries("labelHi")).allSatisfy(label -> assertThat(label).isNotBlank());
        assertThat(result.getResultList()).allSatisfy(row -> assertThat(row.keySet())
                .containsExactlyInAnyOrderElementsOf(List.of("documentType", "label", "labelHi", "mandatory", "oneOfGroup")));
    }

    @Test
    void theDocumentsForACasteCertificateWithTheEvidenceAsOneOfTwo() {
        DmnDecisionResult result = evaluate("required-documents", "caste-certificate");

        assertThat(result.collectEntries("documentType")).containsExactly(
                "applicant-id", "residence-proof", "caste-record", "community-declaration");
        assertThat(result.<Boolean>collectEntries("mandatory")).containsOnly(true);
        assertThat(result.<String>collectEntries("oneOfGroup")).containsExactly(
                "", "", "caste-evidence", "caste-evidence");
        assertThat(result.<String>collectEntries("label")).contains(
                "Father's or ancestor's record showing the caste before the cut-off date (SC 10-08-1950,"
                        + " ST 06-09-1950, OBC 26-12-1984)",
                "Declaration of the ward or gram sabha (when no such record exists)");
        assertThat(result.<String>collectEntries("labelHi")).allSatisfy(label -> assertThat(label).isNotBlank());
    }

    @Test
    void anUnknownTypeNeedsNoDocuments() {
        assertThat(evaluate("required-documents", "passport")).isEmpty();
    }

    private static DmnDecisionResult evaluate(String decision, String certificateType) {
        try (InputStream table = DecisionTablesTest.class.getResourceAsStream("/processes/" + decision + ".dmn")) {
            DmnDecision parsed = DMN.parseDecision(decision, table);
            return DMN.evaluateDecision(parsed, Variables.createVariables().putValue("certificateType", certificateType));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
