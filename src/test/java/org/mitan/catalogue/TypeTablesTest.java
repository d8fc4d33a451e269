package org.mitan.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The type tables as deployed, and the problems an analyst's edit can make, each named. */
class TypeTablesTest {

    @Test
    void theBirthCertificateTablesNameTheServiceInBothLanguagesAndEveryStep() throws IOException {
        CertificateType birth = TypeTables.read(file("birth-certificate"), "birth-certificate");

        assertThat(birth.names()).isEqualTo(new Names("Birth certificate", "जन्म प्रमाण पत्र"));
        assertThat(birth.department()).isEqualTo("Municipal body (Registrar of Births and Deaths)");
        assertThat(birth.departmentNames().hi()).isEqualTo("नगर निगम (जन्म एवं मृत्यु रजिस्ट्रार)");
        assertThat(birth.holderParticular()).isEqualTo("childName");
        assertThat(birth.legalDueDays()).isEqualTo(7);
        assertThat(birth.maxVisits()).isEqualTo(3);
        assertThat(birth.step("Task_ScrutiniseDocuments")).contains(new Step("Task_ScrutiniseDocuments", "clerk", 2,
                new Names("Scrutinise the documents", "दस्तावेज़ों की जाँच करें")));
        assertThat(birth.step("Task_DecideApplication")).map(Step::role).contains("registrar");
        assertThat(birth.step("Task_VisitCitizen")).map(Step::hasRole).contains(false);
        assertThat(birth.step("Task_FieldInquiry")).isEmpty();
    }

    @Test
    void theCasteCertificateIsDecidedByTheTehsildarAfterTheRevenueInspectorsInquiry() throws IOException {
        CertificateType caste = TypeTables.read(file("caste-certificate"), "caste-certificate");

        assertThat(caste.names().in("hi")).isEqualTo("जाति प्रमाण पत्र");
        assertThat(caste.names().in("en")).isEqualTo("Caste certificate");
        assertThat(caste.step("Task_FieldInquiry")).map(Step::role).contains("revenue-inspector");
        assertThat(caste.step("Task_DecideApplication")).map(Step::role).contains("tehsildar");
        assertThat(caste.legalDueDays()).isEqualTo(30);
        assertThat(caste.holderParticular()).isEqualTo("applicantName");
    }

    @Test
    void aMissingHindiNameAnEmptyDayAndABadRoleAreEachNamed() throws IOException {
        String text = Files.readString(Path.of("processes/birth-certificate.dmn"))
                .replace("\"जन्म प्रमाण पत्र\"", "\"\"")
                .replaceFirst("(OutputEntry_BirthCertificateSteps_ScrutiniseDocuments_DueDays\">\\s*<text>)2",
                        "$1")
                .replace("<text>\"registrar\"</text>", "<text>\"Registrar Sahib\"</text>");

        assertThatThrownBy(() -> TypeTables.read(parse(text), "birth-certificate"))
                .isInstanceOfSatisfying(TypeTables.UnreadableTypeTables.class, unreadable -> assertThat(
                        unreadable.problems()).hasSize(3).anySatisfy(problem -> assertThat(problem)
                                .contains("serviceNameHi").contains("Hindi"))
                        .anySatisfy(problem -> assertThat(problem).contains("Task_ScrutiniseDocuments")
                                .contains("dueDays"))
                        .anySatisfy(problem -> assertThat(problem).contains("Registrar Sahib")));
    }

    @Test
    void tablesOfAnotherKeyAreNotTheTypes() throws IOException {
        assertThatThrownBy(() -> TypeTables.read(file("birth-certificate"), "trade-licence"))
                .isInstanceOf(TypeTables.UnreadableTypeTables.class)
                .hasMessageContaining("trade-licence-service").hasMessageContaining("trade-licence-steps")
                .hasMessageContaining("trade-licence-documents");
    }

    @Test
    void twoRowsForOneStepAreRefused() throws IOException {
        String text = Files.readString(Path.of("processes/birth-certificate.dmn"))
                .replace("<text>\"Task_VisitCitizen\"</text>", "<text>\"Task_RecordParticulars\"</text>");

        assertThatThrownBy(() -> TypeTables.read(parse(text), "birth-certificate"))
                .hasMessageContaining("two rows for task Task_RecordParticulars");
    }

    @ParameterizedTest
    @ValueSource(strings = {"birth-certificate", "caste-certificate", "residence-certificate"})
    void everyTypeChargesTheMitanServiceFeeOfFiftyRupeesNamedInBothLanguages(String key) throws IOException {
        CertificateType type = TypeTables.read(file(key), key);

        assertThat(type.fee(Fee.MITAN_SERVICE))
                .contains(new Fee("mitan-service", 50, new Names("Mitan service fee", "मितान सेवा शुल्क")));
    }

    @Test
    void aTypeWithoutAFeesTableStillReadsAndChargesNothing() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/tenth-type/test-permit.dmn"));

        CertificateType permit = TypeTables.read(parse(text), "test-permit");

        assertThat(permit.fees()).isEmpty();
        assertThat(permit.fee(Fee.MITAN_SERVICE)).isEmpty();
    }

    @Test
    void aDepartmentAddsItsOwnFeeAsARowWithoutJava() throws IOException {
        String lateFee = TestTypes.feeRow("late-registration", 100, "Late registration fee", "विलंब पंजीयन शुल्क")
                + "</decisionTable></decision><dmndi:DMNDI>";
        String text = Files.readString(Path.of("processes/birth-certificate.dmn"))
                .replaceFirst("</decisionTable>\\s*</decision>\\s*<dmndi:DMNDI>", lateFee);

        CertificateType birth = TypeTables.read(parse(text), "birth-certificate");

        assertThat(birth.fees()).extracting(Fee::code).containsExactly("mitan-service", "late-registration");
        assertThat(birth.fee("late-registration")).map(Fee::rupees).contains(100);
    }

    @Test
    void aFeesTableWithoutTheMitanServiceFeeOrWithABadAmountOrNoHindiNameIsRefusedNamingEach() throws IOException {
        String noMitanFee = Files.readString(Path.of("processes/birth-certificate.dmn"))
                .replace("<text>\"mitan-service\"</text>", "<text>\"home-visit\"</text>")
                .replaceFirst("(OutputEntry_BirthCertificateFees_MitanService_Rupees\">\\s*<text>)50", "$1fifty")
                .replace("<text>\"मितान सेवा शुल्क\"</text>", "<text></text>");

        assertThatThrownBy(() -> TypeTables.read(parse(noMitanFee), "birth-certificate"))
                .isInstanceOfSatisfying(TypeTables.UnreadableTypeTables.class, unreadable -> assertThat(
                        unreadable.problems()).hasSize(3)
                        .anySatisfy(problem -> assertThat(problem).contains("no row for fee mitan-service"))
                        .anySatisfy(problem -> assertThat(problem).contains("home-visit").contains("rupees")
                                .contains("fifty"))
                        .anySatisfy(problem -> assertThat(problem).contains("home-visit").contains("labelHi")));
    }

    @Test
    void aDocumentsTableCopiedWithoutRenamingItsTypeIsRefusedBeforeAVisitFindsItEmpty() throws IOException {
        String copied = Files.readString(Path.of("processes/residence-certificate.dmn"))
                .replace("\"residence-certificate-", "\"trade-licence-");

        assertThatThrownBy(() -> TypeTables.read(parse(copied), "trade-licence"))
                .isInstanceOfSatisfying(TypeTables.UnreadableTypeTables.class, unreadable -> assertThat(
                        unreadable.problems()).singleElement().asString().contains("trade-licence-documents")
                        .contains("no row for certificate type 'trade-licence'")
                        .contains("write \"trade-licence\" in its first column"));
        assertThat(TypeTables.read(parse(copied.replace("<text>\"residence-certificate\"</text>",
                "<text>\"trade-licence\"</text>")), "trade-licence").key()).isEqualTo("trade-licence");
    }

    @Test
    void aDocumentRowWithoutItsTypeOrItsHindiLabelIsRefusedNamingEach() throws IOException {
        String text = Files.readString(Path.of("processes/birth-certificate.dmn"))
                .replace("<text>\"birth-report\"</text>", "<text>\"\"</text>")
                .replace("<text>\"अस्पताल या सूचक की जन्म रिपोर्ट\"</text>", "<text></text>");

        assertThatThrownBy(() -> TypeTables.read(parse(text), "birth-certificate"))
                .isInstanceOfSatisfying(TypeTables.UnreadableTypeTables.class, unreadable -> assertThat(
                        unreadable.problems()).hasSize(2)
                        .anySatisfy(problem -> assertThat(problem).contains("row 1 of table"
                                + " 'birth-certificate-documents' names no document type"))
                        .anySatisfy(problem -> assertThat(problem).contains("birth-certificate-documents row 1")
                                .contains("labelHi")));
    }

    static DmnModelInstance file(String key) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("processes", key + ".dmn"))) {
            return Dmn.readModelFromStream(in);
        }
    }

    static DmnModelInstance parse(String text) {
        return Dmn.readModelFromStream(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
