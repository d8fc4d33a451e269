package org.mitan.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.catalogue.TestTypes;
import org.mitan.document.Document;
import org.mitan.document.DocumentRepository;
import org.mitan.document.RequiredDocuments;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.mitan.singlewindow.ParticularsFormLabels;
import org.mitan.text.PrintableCharacters;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The register's side of a correction request, on its repositories faked: what is refused on which form field, and
 * that a refusal changes nothing. The whole path, through the engine and its forms, is
 * {@code CertificateCorrectionJourneyIT}'s.
 */
class CorrectionsTest {

    static final Instant NOW = Instant.parse("2026-05-01T04:30:00Z");
    static final String NUMBER = "RPR-2026-000077";
    static final String PAPER = "RPR/BIRTH/1998/004217";
    static final String MARRIAGE = "marriage-certificate";

    final ServiceRequestRepository requestRows = mock(ServiceRequestRepository.class);
    final Requests progress = mock(Requests.class);
    final CertificateRepository certificates = mock(CertificateRepository.class);
    final CorrectionChangeRepository changes = mock(CorrectionChangeRepository.class);
    final PaperRegisterEntryRepository paperEntries = mock(PaperRegisterEntryRepository.class);
    final DocumentRepository documents = mock(DocumentRepository.class);
    final CorrectionRules rules = mock(CorrectionRules.class);
    final RepositoryService engine = mock(RepositoryService.class, RETURNS_DEEP_STUBS);
    /** The certificate's fonts, as far as these tests need them: no Tamil. */
    final ParticularsFormLabels labels = mock(ParticularsFormLabels.class);
    final PrintableCharacters printable = text -> text.codePoints()
            .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.TAMIL).findFirst();
    final Corrections corrections = new Corrections(requestRows, progress, certificates, changes, paperEntries,
            rules, TestTypes.particularsRules(engine, MARRIAGE), printable, labels,
            documents, mock(RequiredDocuments.class), Clock.fixed(NOW, ZoneOffset.UTC));
    final ServiceRequest request = request(77L, NUMBER, "RPR");

    @BeforeEach
    void aBirthCorrectionRequest() {
        when(progress.require(NUMBER)).thenReturn(request);
        when(engine.createDecisionDefinitionQuery().decisionDefinitionKey("birth-certificate-particulars-rules")
                .latestVersion().singleResult()).thenReturn(null);
        when(rules.judge(anyString(), anyString(), any(), anyString())).thenReturn(new CorrectionRules.Verdict(
                CorrectionChange.CLERICAL, "A spelling", "वर्तनी", List.of()));
    }

    @Test
    void aNumberLongerThanTheRegisterKeepsIsRefusedOnItsFieldBeforeAnythingIsLookedUpOrKept() {
        String longer = "RPR/BIRTH/1998/" + "0".repeat(50);

        assertThatThrownBy(() -> corrections.link(NUMBER, longer, "birth-certificate", true, "mitan.raipur"))
                .isInstanceOfSatisfying(CorrectionRefused.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("certificateToCorrect");
                    assertThat(refusal.getMessage()).contains("at most 64 characters");
                });
        // 64 characters are what the form and the register take.
        when(certificates.findByCertificateNumber(anyString())).thenReturn(Optional.empty());
        assertThatThrownBy(() -> corrections.link(NUMBER, longer.substring(0, 64), "birth-certificate", false,
                "mitan.raipur")).isInstanceOfSatisfying(CorrectionRefused.class, refusal ->
                        assertThat(refusal.getMessage()).startsWith("No certificate in the register has the number"));
        verify(requestRows, never()).save(any());
        verifyNoInteractions(paperEntries, changes);
    }

    @Test
    void aNumberWithAControlOrInvisibleCharacterIsRefusedOnItsFieldAndNotLookedUp() {
        for (String typed : new String[] {"RPR/BIRTH/1998/\u0000004217", "RPR/BIRTH/1998/\u200B004217",
                "RPR/BIRTH/1998\n/004217", "RPR/BIRTH/\u202E1998/004217"}) {
            assertThatThrownBy(() -> corrections.link(NUMBER, typed, "birth-certificate", true, "mitan.raipur"))
                    .as(typed).isInstanceOfSatisfying(CorrectionRefused.class, refusal -> {
                        assertThat(refusal.field()).isEqualTo("certificateToCorrect");
                        assertThat(refusal.getMessage()).startsWith("certificateToCorrect ")
                                .containsAnyOf("control character", "invisible character", "line break");
                    });
        }
        verifyNoInteractions(certificates, paperEntries, changes, documents);
        verify(requestRows, never()).save(any());
    }

    @Test
    void aPaperCertificateAnotherRequestsClerkEnteredMeanwhileIsCorrectedAsEnteredAndNotEnteredAgain() {
        PaperRegisterEntry first = paperEntry(5L, "RPR", "Mohan Sahoo");
        clerkReadTheScan("Mohan Sahooo");
        when(certificates.findBySupersedesPaperEntryId(5L)).thenReturn(Optional.empty());

        String corrected = corrections.enterFromPaper(NUMBER, PAPER, "birth-certificate", "clerk.raipur");

        assertThat(corrected).isEqualTo(PAPER);
        assertThat(request.getCorrectsPaperEntryId()).isEqualTo(first.getId());
        assertThat(request.getParticulars()).containsEntry("fatherName", "Mohan Sahoo");
        verify(paperEntries, never()).save(any());
        verify(requestRows).save(request);
        verify(progress).record(eq(request), eq(Corrections.LINKED), eq("clerk.raipur"),
                contains("entered from paper by clerk.raipur.2"));
    }

    @Test
    void aPaperCertificateEnteredAndCorrectedMeanwhileIsCorrectedInItsLatestVersion() {
        paperEntry(5L, "RPR", "Mohan Sahoo");
        clerkReadTheScan("Mohan Sahooo");
        Certificate second = certificate(10L, "RPR/BIRTH/2026/000002", 100L);
        Certificate third = certificate(11L, "RPR/BIRTH/2026/000003", 101L);
        when(certificates.findBySupersedesPaperEntryId(5L)).thenReturn(Optional.of(second));
        when(certificates.findBySupersedesId(10L)).thenReturn(Optional.of(third));
        when(certificates.findBySupersedesId(11L)).thenReturn(Optional.empty());
        ServiceRequest thirdsRequest = request(101L, "RPR-2026-000101", "RPR");
        thirdsRequest.setParticulars(Map.of("fatherName", "Mohan Sahu", "childName", "Pooja Sahu"));
        when(requestRows.findById(101L)).thenReturn(Optional.of(thirdsRequest));

        String corrected = corrections.enterFromPaper(NUMBER, PAPER, "birth-certificate", "clerk.raipur");

        assertThat(corrected).isEqualTo("RPR/BIRTH/2026/000003");
        assertThat(request.getCorrectsCertificateId()).isEqualTo(11L);
        assertThat(request.getCorrectsPaperEntryId()).isNull();
        assertThat(request.getParticulars()).containsOnly(Map.entry("fatherName", "Mohan Sahu"),
                Map.entry("childName", "Pooja Sahu"));
        verify(paperEntries, never()).save(any());
    }

    @Test
    void aPaperNumberAnotherBodyEnteredIsThatBodysOwnAndThisClerkEntersThisBodysEntry() {
        paperEntry(5L, "KRB", "Mohan Sahoo");
        clerkReadTheScan("Mohan Sahooo");
        when(paperEntries.save(any())).thenAnswer(saving -> {
            PaperRegisterEntry entry = saving.getArgument(0);
            ReflectionTestUtils.setField(entry, "id", 6L);
            return entry;
        });

        String corrected = corrections.enterFromPaper(NUMBER, PAPER, "birth-certificate", "clerk.raipur");

        assertThat(corrected).isEqualTo(PAPER);
        verify(paperEntries).awaitEntering("birth-certificate", "RPR", PAPER);
        verify(paperEntries).save(argThat(entry -> entry.getBodyCode().equals("RPR")
                && entry.getParticulars().get("fatherName").equals("Mohan Sahooo")));
        assertThat(request.getCorrectsPaperEntryId()).isEqualTo(6L);
        verify(progress).record(eq(request), eq(Corrections.ENTERED_FROM_PAPER), eq("clerk.raipur"), anyString());
    }

    @Test
    void aPaperCertificateAnotherRequestIsCorrectingIsRefusedAtTheEntryNamingThatRequestAndNothingChanges() {
        paperEntry(5L, "RPR", "Mohan Sahoo");
        clerkReadTheScan("Mohan Sahooo");
        when(certificates.findBySupersedesPaperEntryId(5L)).thenReturn(Optional.empty());
        when(requestRows.otherOpenCorrectionsOfPaperEntry(5L, 77L)).thenReturn(List.of("RPR-2026-000090"));

        assertThatThrownBy(() -> corrections.enterFromPaper(NUMBER, PAPER, "birth-certificate", "clerk.raipur"))
                .isInstanceOfSatisfying(CorrectionRefused.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("certificateToCorrect");
                    assertThat(refusal.getMessage()).contains("for request RPR-2026-000090",
                            "complete this task again once RPR-2026-000090 is decided");
                });
        assertThat(request.getCorrectsPaperEntryId()).isNull();
        assertThat(request.getParticulars()).containsEntry("fatherName", "Mohan Sahooo");
        verify(paperEntries, never()).save(any());
        verify(requestRows, never()).save(any());
    }

    @Test
    void aCertificateAnotherRequestIsCorrectingIsRefusedWhereTheMitanNamesItAndNothingChanges() {
        Certificate old = certificate(10L, "RPR/BIRTH/2026/000002", 100L);
        when(certificates.findByCertificateNumber("RPR/BIRTH/2026/000002")).thenReturn(Optional.of(old));
        when(requestRows.otherOpenCorrectionsOfCertificate(10L, 77L)).thenReturn(List.of("RPR-2026-000090"));

        assertThatThrownBy(() -> corrections.link(NUMBER, "rpr/birth/2026/000002", "birth-certificate", false,
                "mitan.raipur")).isInstanceOfSatisfying(CorrectionRefused.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("certificateToCorrect");
                    assertThat(refusal.getMessage()).startsWith("Request RPR-2026-000090 is already correcting"
                            + " RPR/BIRTH/2026/000002");
                });
        verify(certificates).lockById(10L);
        assertThat(request.getCorrectsCertificateId()).isNull();
        verify(requestRows, never()).save(any());
        verifyNoInteractions(changes);
    }

    @Test
    void aNewValueTheCertificateCannotPrintIsRefusedOnItsFieldAndNothingIsAsked() {
        correctsTheEntry("birth-certificate", Map.of("fatherName", "Mohan Sahu", "childName", "Pooja Sahu"));

        assertThatThrownBy(() -> corrections.ask(NUMBER, List.of(
                new Corrections.Asked("childName", "Pooja Sahu Verma", "As in the school record"),
                new Corrections.Asked("fatherName", "மோகன் சாகு", "As in his Aadhaar card")), "mitan.raipur"))
                .isInstanceOfSatisfying(CorrectionRefused.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("changeNewValue2");
                    assertThat(refusal.getMessage()).startsWith("changeNewValue2 has a character the certificate"
                            + " cannot print: 'ம' (U+0BAE");
                });
        assertNothingAsked();
        // A reason is not printed: it may quote the paper in any script.
        corrections.ask(NUMBER, List.of(new Corrections.Asked("fatherName", "Mohan Saahu",
                "As in his Aadhaar card (மோகன்)")), "mitan.raipur");
        assertThat(request.getParticulars()).containsEntry("fatherName", "Mohan Saahu");
    }

    /** A number the particulars form would not take (an age at death of -5) is no more taken as a correction. */
    @Test
    void aNumberOutsideTheParticularsFormsRangeIsRefusedOnItsFieldAndNothingIsAsked() {
        when(labels.particularsOf("death-certificate")).thenReturn(List.of(new ParticularsFormLabels.Particular(
                "ageAtDeath", new ParticularsFormLabels.Label("Age at death, in years", "मृत्यु के समय आयु, वर्ष"),
                Map.of(), java.math.BigDecimal.ZERO, java.math.BigDecimal.valueOf(130))));
        when(engine.createDecisionDefinitionQuery().decisionDefinitionKey("death-certificate-particulars-rules")
                .latestVersion().singleResult()).thenReturn(null);
        correctsTheEntry("death-certificate", Map.of("deceasedName", "Ramesh Sahu", "ageAtDeath", 78L));

        for (String age : List.of("-5", "131", "99999")) {
            assertThatThrownBy(() -> corrections.ask(NUMBER, List.of(
                    new Corrections.Asked("ageAtDeath", age, "As in the hospital record")), "mitan.raipur"))
                    .isInstanceOfSatisfying(CorrectionRefused.class, refusal -> {
                        assertThat(refusal.field()).isEqualTo("changeNewValue1");
                        assertThat(refusal.getMessage()).contains("from 0 to 130");
                    });
        }
        assertNothingAsked();
        corrections.ask(NUMBER, List.of(new Corrections.Asked("ageAtDeath", "87", "As in the hospital record")),
                "mitan.raipur");
        assertThat(request.getParticulars()).containsEntry("ageAtDeath", 87L);
    }

    /** A number with an exponent or a hundred digits is refused before it is made a number (and printed whole). */
    @Test
    void aNumberWithAnExponentOrTooManyDigitsIsRefusedOnItsFieldAndNothingIsAsked() {
        when(engine.createDecisionDefinitionQuery().decisionDefinitionKey("death-certificate-particulars-rules")
                .latestVersion().singleResult()).thenReturn(null);
        correctsTheEntry("death-certificate", Map.of("deceasedName", "Ramesh Sahu", "heightCm", 165.5));

        for (String height : List.of("1e999999999", "1E+5", "9".repeat(100), "0x10", "NaN", "1.5e3")) {
            assertThatThrownBy(() -> corrections.ask(NUMBER, List.of(
                    new Corrections.Asked("heightCm", height, "As in the hospital record")), "mitan.raipur"))
                    .as(height).isInstanceOfSatisfying(CorrectionRefused.class, refusal -> {
                        assertThat(refusal.field()).isEqualTo("changeNewValue1");
                        assertThat(refusal.getMessage()).startsWith("Write a whole number");
                    });
        }
        assertNothingAsked();
        corrections.ask(NUMBER, List.of(new Corrections.Asked("heightCm", "167.25", "As in the hospital record")),
                "mitan.raipur");
        assertThat(request.getParticulars()).containsEntry("heightCm", new java.math.BigDecimal("167.25"));
    }

    /**
     * A date of birth corrected to a year no certificate holds (0000, -0001, a slip such as 0202) or to after today
     * is refused on its field, as where the particulars are entered; 1800 and today are taken.
     */
    @Test
    void aDateBefore1800OrAfterTodayIsRefusedOnItsFieldAndNothingIsAsked() {
        when(engine.createDecisionDefinitionQuery().decisionDefinitionKey("birth-certificate-particulars-rules")
                .latestVersion().singleResult()).thenReturn(null);
        correctsTheEntry("birth-certificate", Map.of("childName", "Pooja Sahu", "dateOfBirth", "2001-04-20"));

        for (String date : List.of("0000-01-01", "-0001-04-20", "0202-04-20", "1799-12-31")) {
            assertThatThrownBy(() -> corrections.ask(NUMBER, List.of(
                    new Corrections.Asked("dateOfBirth", date, "As in the school record")), "mitan.raipur"))
                    .as(date).isInstanceOfSatisfying(CorrectionRefused.class, refusal -> {
                        assertThat(refusal.field()).isEqualTo("changeNewValue1");
                        assertThat(refusal.getMessage()).startsWith("dateOfBirth cannot be a date before 1800")
                                .contains("check the year", "1800 से पहले की तिथि नहीं हो सकती");
                    });
        }
        String tomorrow = java.time.LocalDate.now(org.mitan.numbering.StateCalendar.ZONE).plusDays(1).toString();
        for (String date : List.of(tomorrow, "+10000-01-01")) {
            assertThatThrownBy(() -> corrections.ask(NUMBER, List.of(
                    new Corrections.Asked("dateOfBirth", date, "As in the school record")), "mitan.raipur"))
                    .as(date).isInstanceOfSatisfying(CorrectionRefused.class, refusal -> assertThat(
                            refusal.getMessage()).startsWith("dateOfBirth cannot be a date after today"));
        }
        assertNothingAsked();
        corrections.ask(NUMBER, List.of(new Corrections.Asked("dateOfBirth", "1800-01-01",
                "As in the school record")), "mitan.raipur");
        assertThat(request.getParticulars()).containsEntry("dateOfBirth", "1800-01-01");
    }

    @Test
    void aCorrectionThatMakesTheGroomUnderTwentyOneIsRefusedOnTheChangeAsWhereTheParticularsAreEntered() {
        correctsTheEntry(MARRIAGE, Map.of("groomName", "Ravi Sahu", "groomDateOfBirth", "1995-03-01",
                "brideDateOfBirth", "1996-05-01", "dateOfMarriage", "2020-02-15"));

        assertThatThrownBy(() -> corrections.ask(NUMBER, List.of(
                new Corrections.Asked("groomName", "Ravi Kumar Sahu", "As in his Aadhaar card"),
                new Corrections.Asked("groomDateOfBirth", "2000-01-01", "As in his school record")), "mitan.raipur"))
                .isInstanceOfSatisfying(CorrectionRefused.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("changeNewValue2");
                    assertThat(refusal.getMessage()).startsWith("changeNewValue2: ")
                            .contains("groom must be at least 21", "वर की आयु कम से कम 21 वर्ष");
                });
        // Another date of marriage makes him too young as well: refused on that change, naming the entry.
        assertThatThrownBy(() -> corrections.ask(NUMBER, List.of(
                new Corrections.Asked("dateOfMarriage", "2015-12-01", "As in the solemnisation certificate")),
                "mitan.raipur")).isInstanceOfSatisfying(CorrectionRefused.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("changeNewValue1");
                    assertThat(refusal.getMessage()).contains("groomDateOfBirth", "groom must be at least 21");
                });
        assertNothingAsked();
        corrections.ask(NUMBER, List.of(new Corrections.Asked("groomDateOfBirth", "1999-01-01",
                "As in his school record")), "mitan.raipur");
        assertThat(request.getParticulars()).containsEntry("groomDateOfBirth", "1999-01-01");
    }

    @Test
    void anEntryThatBrokeARuleAlreadyTakesAChangeThatLeavesTheRuleAsItWas() {
        // An old paper certificate, copied as printed: the groom was 19 on the date of marriage.
        correctsTheEntry(MARRIAGE, Map.of("groomName", "Ravi Sahu", "groomDateOfBirth", "2001-03-01",
                "brideDateOfBirth", "2002-05-01", "brideFatherName", "Mohan Sahu", "dateOfMarriage", "2020-02-15"));

        corrections.ask(NUMBER, List.of(new Corrections.Asked("brideFatherName", "Mohan Lal Sahu",
                "As in his Aadhaar card")), "mitan.raipur");

        assertThat(request.getParticulars()).containsEntry("brideFatherName", "Mohan Lal Sahu");
    }

    /** The request corrects an entry of that type entered from paper, with these particulars. */
    private void correctsTheEntry(String type, Map<String, Object> particulars) {
        PaperRegisterEntry entry = new PaperRegisterEntry(PAPER, type, "RPR", particulars, UUID.randomUUID(),
                "clerk.raipur", NOW.minusSeconds(600));
        ReflectionTestUtils.setField(entry, "id", 6L);
        when(paperEntries.findById(6L)).thenReturn(Optional.of(entry));
        request.correctPaperEntry(6L, NOW);
        request.setParticulars(particulars);
    }

    private void assertNothingAsked() {
        verify(changes, never()).deleteByRequestId(any());
        verify(changes, never()).saveAll(any());
        verify(requestRows, never()).save(any());
        assertThat(request.getRegistrationPath()).isNull();
    }

    private PaperRegisterEntry paperEntry(long id, String body, String fatherName) {
        PaperRegisterEntry entry = new PaperRegisterEntry(PAPER, "birth-certificate", body,
                Map.of("fatherName", fatherName, "childName", "Pooja Sahu"), UUID.randomUUID(), "clerk.raipur.2",
                NOW.minusSeconds(600));
        ReflectionTestUtils.setField(entry, "id", id);
        when(paperEntries.findEntry("birth-certificate", body, PAPER)).thenReturn(Optional.of(entry));
        return entry;
    }

    /** The request's clerk has read the scan: the particulars are on the request, the scan is uploaded. */
    private void clerkReadTheScan(String fatherName) {
        request.setParticulars(Map.of("fatherName", fatherName, "childName", "Pooja Sahu"));
        Document scan = mock(Document.class);
        when(scan.getDocumentType()).thenReturn(Corrections.PAPER_SCAN);
        when(scan.getId()).thenReturn(UUID.randomUUID());
        when(documents.findByRequestIdOrderByUploadedAtAsc(77L)).thenReturn(List.of(scan));
    }

    private static Certificate certificate(long id, String number, long requestId) {
        Certificate certificate = new Certificate(number, requestId, "RPR", "birth-certificate", "Pooja Sahu", NOW,
                "certificates/" + id + ".pdf", "0".repeat(64), "code-" + id);
        ReflectionTestUtils.setField(certificate, "id", id);
        return certificate;
    }

    static ServiceRequest request(long id, String number, String body) {
        ServiceRequest request = new ServiceRequest(number, "birth-correction", body, 12, "Kamla Sahu", "9826100031",
                "House 3, Tatibandh, Raipur", VisitWindow.MORNING, "hi", "feedback-code-" + id, NOW);
        ReflectionTestUtils.setField(request, "id", id);
        return request;
    }
}
