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

/** The type tables evaluated directly, without a process engine, as the delegates evaluate them. */
class DecisionTablesTest {

    static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Test
    void theServiceOfABirthCertificate() {
        DmnDecisionResult result = evaluate(ProcessKeys.BIRTH_CERTIFICATE, "-service", ProcessKeys.BIRTH_CERTIFICATE);

        assertThat(result.getSingleResult().getEntryMap()).isEqualTo(Map.of(
                "serviceName", "Birth certificate",
                "serviceNameHi", "जन्म प्रमाण पत्र",
                "department", "Municipal body (Registrar of Births and Deaths)",
                "departmentHi", "नगर निगम (जन्म एवं मृत्यु रजिस्ट्रार)",
                "holderParticular", "childName",
                "legalDueDays", 7,
                "maxVisits", 3));
    }

    @Test
    void theServiceOfACasteCertificate() {
        DmnDecisionResult result = evaluate("caste-certificate", "-service", "caste-certificate");

        assertThat(result.getSingleResult().getEntryMap())
                .containsEntry("serviceName", "Caste certificate")
                .containsEntry("department", "Revenue department (Tehsildar)")
                .containsEntry("legalDueDays", 30)
                .containsEntry("holderParticular", "applicantName");
    }

    @Test
    void aTypesServiceTableAnswersForNoOtherType() {
        assertThat(evaluate(ProcessKeys.BIRTH_CERTIFICATE, "-service", "passport")).isEmpty();
    }

    @Test
    void theStepsOfACasteCertificateEvaluateToTheirRoles() {
        DmnDecision steps = parse("caste-certificate", "-steps");

        assertThat(DMN.evaluateDecision(steps, Variables.createVariables().putValue("step", "Task_FieldInquiry"))
                .getSingleResult().getEntryMap()).containsEntry("role", "revenue-inspector").containsEntry("dueDays", 5);
        assertThat(DMN.evaluateDecision(steps, Variables.createVariables().putValue("step", "Task_DecideApplication"))
                .getSingleResult().getEntryMap()).containsEntry("role", "tehsildar");
    }

    @Test
    void theDocumentsForABirthCertificate() {
        DmnDecisionResult result = evaluate(ProcessKeys.BIRTH_CERTIFICATE, "-documents", ProcessKeys.BIRTH_CERTIFICATE);

        assertThat(result.collectEntries("documentType")).containsExactly(
                "birth-report", "parent-id", "address-proof", "late-registration-affidavit", "magistrate-order");
        assertThat(result.<Boolean>collectEntries("mandatory")).containsExactly(true, true, true, false, false);
        assertThat(result.<String>collectEntries("oneOfGroup")).containsOnly("");
        assertThat(result.<String>collectEntries("label")).allSatisfy(label -> assertThat(label).isNotBlank());
        assertThat(result.<String>collectEntries("labelHi")).allSatisfy(label -> assertThat(label).isNotBlank());
        assertThat(result.getResultList()).allSatisfy(row -> assertThat(row.keySet())
                .containsExactlyInAnyOrderElementsOf(List.of("documentType", "label", "labelHi", "mandatory", "oneOfGroup")));
    }

    @Test
    void theDocumentsForACasteCertificateWithTheEvidenceAsOneOfTwo() {
        DmnDecisionResult result = evaluate("caste-certificate", "-documents", "caste-certificate");

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
    void theDocumentsForADeathCertificateAskForTheMedicalCertificateOrTheCrematoriumRecord() {
        assertDocuments("death-certificate", List.of("medical-certificate-cause-of-death", "crematorium-record",
                "informant-id", "deceased-id", "late-registration-affidavit", "magistrate-order"),
                List.of(true, true, true, false, false, false), List.of("death-proof", "death-proof", "", "", "", ""));
    }

    @Test
    void theServiceOfADeathCertificateNamesTheDeceasedAsTheHolder() {
        DmnDecisionResult result = evaluate("death-certificate", "-service", "death-certificate");

        assertThat(result.getSingleResult().getEntryMap())
                .containsEntry("serviceName", "Death certificate")
                .containsEntry("serviceNameHi", "मृत्यु प्रमाण पत्र")
                .containsEntry("holderParticular", "deceasedName")
                .containsEntry("legalDueDays", 7);
    }

    /** Registration of Births and Deaths Act s.13: 21 days, then up to a year with permission, then the magistrate. */
    @Test
    void theRegistrationDelayOfBirthsAndDeathsChoosesThePathAtTwentyOneDaysAndAtAYear() {
        for (String type : List.of(ProcessKeys.BIRTH_CERTIFICATE, "death-certificate")) {
            DmnDecision delay = parse(type, "-registration-delay");
            assertThat(path(delay, 0)).as(type).containsEntry("path", "registrar").containsEntry("pathDocuments", "");
            assertThat(path(delay, 21)).as(type).containsEntry("path", "registrar");
            assertThat(path(delay, 22)).as(type).containsEntry("path", "permission")
                    .containsEntry("pathDocuments", "late-registration-affidavit");
            assertThat(path(delay, 365)).as(type).containsEntry("path", "permission");
            assertThat(path(delay, 366)).as(type).containsEntry("path", "magistrate")
                    .containsEntry("pathDocuments", "late-registration-affidavit, magistrate-order");
            assertThat(path(delay, 20_000)).as(type).containsEntry("path", "magistrate");
            // every document a path names is a row of the type's documents table
            List<String> documents = evaluate(type, "-documents", type).collectEntries("documentType");
            assertThat(documents).contains("late-registration-affidavit", "magistrate-order");
        }
    }

    @Test
    void aMarriageRegisteredAfterThirtyDaysPaysTheLateFeeOfItsDelayAndTheRegistrarAlwaysDecides() {
        DmnDecision delay = parse("marriage-certificate", "-registration-delay");
        assertThat(path(delay, 30)).containsEntry("lateFee", 0).containsEntry("path", "registrar");
        assertThat(path(delay, 31)).containsEntry("lateFee", 100).containsEntry("path", "registrar");
        assertThat(path(delay, 365)).containsEntry("lateFee", 100);
        assertThat(path(delay, 366)).containsEntry("lateFee", 200).containsEntry("pathDocuments", "");
    }

    @Test
    void theDocumentsForAMarriageAskForTheInvitationCardOrThePriestsCertificate() {
        DmnDecisionResult result = evaluate("marriage-certificate", "-documents", "marriage-certificate");

        assertThat(result.collectEntries("documentType")).containsExactly("joint-photograph", "groom-age-proof",
                "bride-age-proof", "invitation-card", "solemnisation-certificate", "marriage-affidavit",
                "witness-one-id", "witness-two-id");
        assertThat(result.<Boolean>collectEntries("mandatory")).containsOnly(true);
        assertThat(result.<String>collectEntries("oneOfGroup")).containsExactly(
                "", "", "", "marriage-proof", "marriage-proof", "", "", "");
        assertThat(result.<String>collectEntries("labelHi")).allSatisfy(label -> assertThat(label).isNotBlank());
    }

    @Test
    void theDocumentsForAGumastaLicenceAskForTheRentAgreementOrThePropertyTaxReceipt() {
        assertDocuments("gumasta-licence", List.of("rent-agreement", "property-tax-receipt", "owner-id",
                "shop-front-photograph"), List.of(true, true, true, true),
                List.of("premises-proof", "premises-proof", "", ""));
    }

    /** The type's documents table in its order: types, mandatory or not, "one of" groups, and a Hindi label each. */
    private static void assertDocuments(String type, List<String> documents, List<Boolean> mandatory,
            List<String> oneOfGroups) {
        DmnDecisionResult result = evaluate(type, "-documents", type);
        assertThat(result.<String>collectEntries("documentType")).isEqualTo(documents);
        assertThat(result.<Boolean>collectEntries("mandatory")).isEqualTo(mandatory);
        assertThat(result.<String>collectEntries("oneOfGroup")).isEqualTo(oneOfGroups);
        assertThat(result.<String>collectEntries("labelHi")).allSatisfy(label -> assertThat(label).isNotBlank());
    }

    @Test
    void theServiceOfAGumastaLicenceNamesTheEstablishmentAndTheLabourDepartment() {
        assertThat(evaluate("gumasta-licence", "-service", "gumasta-licence").getSingleResult().getEntryMap())
                .containsEntry("serviceNameHi", "गुमास्ता लाइसेंस (दुकान एवं स्थापना पंजीयन)")
                .containsEntry("departmentHi", "श्रम विभाग (श्रम अधिकारी)")
                .containsEntry("holderParticular", "establishmentName")
                .containsEntry("legalDueDays", 15);
        assertThat(DMN.evaluateDecision(parse("gumasta-licence", "-steps"), Variables.createVariables()
                .putValue("step", "Task_DecideApplication")).getSingleResult().getEntryMap())
                .containsEntry("role", "labour-officer");
    }

    /** The Labour department's fee by category and employees (men and women together), at each band's edges. */
    @Test
    void theGumastaGovernmentFeeGoesByCategoryAndEmployeesMenAndWomenTogether() {
        DmnDecision fee = parse("gumasta-licence", "-government-fee");

        assertThat(governmentFee(fee, "shop", 0, 0)).isEqualTo(100);
        assertThat(governmentFee(fee, "shop", 5, 4)).isEqualTo(100);
        assertThat(governmentFee(fee, "shop", 5, 5)).isEqualTo(500);
        assertThat(governmentFee(fee, "shop", 30, 19)).isEqualTo(500);
        assertThat(governmentFee(fee, "shop", 30, 20)).isEqualTo(1000);
        assertThat(governmentFee(fee, "commercial-establishment", 2, 1)).isEqualTo(200);
        assertThat(governmentFee(fee, "hotel-restaurant", 8, 4)).isEqualTo(1000);
        assertThat(governmentFee(fee, "public-amusement", 100, 100)).isEqualTo(3000);
        assertThat(DMN.evaluateDecision(fee, Variables.createVariables().putValue("category", "shop")
                .putValue("menEmployees", 1).putValue("womenEmployees", 0)).getSingleResult().getEntryMap())
                .containsEntry("label", "Government registration fee").containsEntry("labelHi", "सरकारी पंजीयन शुल्क");
        // a category the table does not know charges nothing rather than a guess: the payment step refuses it
        assertThat(DMN.evaluateDecision(fee, Variables.createVariables().putValue("category", "factory")
                .putValue("menEmployees", 1).putValue("womenEmployees", 0))).isEmpty();
    }

    private static int governmentFee(DmnDecision fee, String category, int men, int women) {
        return DMN.evaluateDecision(fee, Variables.createVariables().putValue("category", category)
                .putValue("menEmployees", men).putValue("womenEmployees", women)).getSingleResult()
                .<Integer>getEntry("rupees");
    }

    private static Map<String, Object> path(DmnDecision delay, int days) {
        return DMN.evaluateDecision(delay, Variables.createVariables().putValue("delayDays", days)).getSingleResult()
                .getEntryMap();
    }

    @Test
    void aTypesDocumentsTableAsksNothingForAnotherType() {
        assertThat(evaluate("caste-certificate", "-documents", ProcessKeys.BIRTH_CERTIFICATE)).isEmpty();
    }

    @Test
    void theFeesTableAsTheEngineEvaluatesItGivesTheMitanServiceFeeAndNothingForAnUnknownFee() {
        DmnDecision fees = parse("residence-certificate", "-fees");

        assertThat(DMN.evaluateDecision(fees, Variables.createVariables().putValue("fee", "mitan-service"))
                .getSingleResult().getEntryMap()).isEqualTo(Map.of(
                        "rupees", 50,
                        "label", "Mitan service fee",
                        "labelHi", "मितान सेवा शुल्क"));
        assertThat(DMN.evaluateDecision(fees, Variables.createVariables().putValue("fee", "stamp-duty"))).isEmpty();
    }

    private static DmnDecisionResult evaluate(String type, String table, String certificateType) {
        return DMN.evaluateDecision(parse(type, table),
                Variables.createVariables().putValue("certificateType", certificateType));
    }

    private static DmnDecision parse(String type, String table) {
        try (InputStream file = DecisionTablesTest.class.getResourceAsStream("/processes/" + type + ".dmn")) {
            return DMN.parseDecision(type + table, file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
