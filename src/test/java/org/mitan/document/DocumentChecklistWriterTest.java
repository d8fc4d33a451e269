package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;
import org.springframework.test.util.ReflectionTestUtils;

class DocumentChecklistWriterTest {

    static final List<RequiredDocument> ROWS = List.of(
            new RequiredDocument("birth-report", "Birth report", "जन्म की सूचना", true, ""),
            new RequiredDocument("parent-id", "Parent's ID proof", "", true, ""),
            new RequiredDocument("voter-id", "Voter ID", "मतदाता पहचान पत्र", true, "address"),
            new RequiredDocument("ration-card", "Ration card", "राशन कार्ड", true, "address"),
            new RequiredDocument("late-registration-affidavit", "Late-registration affidavit", "", false, ""));

    @Test
    void listsEachRequirementInBothLanguagesWithWhatIsUploaded() {
        String checklist = DocumentChecklistWriter.render(ROWS, Set.of("birth-report", "ration-card"), "");

        assertThat(checklist).isEqualTo("""
                **Documents to collect**

                - **Birth report** / जन्म की सूचना (required): uploaded
                - **Parent's ID proof** (required): **not uploaded yet**
                - One of: **Voter ID** / मतदाता पहचान पत्र or **Ration card** / राशन कार्ड (one of these is \
                required): uploaded: Ration card
                - **Late-registration affidavit** (only if it applies): not uploaded
                """);
    }

    @Test
    void addsTheProblemsFoundAtVerificationOneALine() {
        String checklist = DocumentChecklistWriter.render(ROWS, Set.of(), """
                Parent's ID proof is missing: scan and upload it.

                Birth report: the stored file does not match its recorded fingerprint; upload it again.
                """);

        assertThat(checklist).contains("- One of: **Voter ID** / मतदाता पहचान पत्र or **Ration card** / राशन कार्ड"
                + " (one of these is required): **not uploaded yet**");
        assertThat(checklist).endsWith("""

                **To fix before the documents can go ahead**

                - Parent's ID proof is missing: scan and upload it.
                - Birth report: the stored file does not match its recorded fingerprint; upload it again.
                """);
    }

    @Test
    void noProblemsSectionWhenThereAreNone() {
        assertThat(DocumentChecklistWriter.render(ROWS, Set.of(), null)).doesNotContain("To fix");
        assertThat(DocumentChecklistWriter.render(ROWS, Set.of(), " \n")).doesNotContain("To fix");
    }

    @Test
    void theCasteEvidenceOfTheRealTableIsOneLineAskingForOneOfTwo() {
        List<RequiredDocument> caste = DeployedRequiredDocuments.forType("caste-certificate");

        String before = DocumentChecklistWriter.render(caste, Set.of("applicant-id"), null);
        String after = DocumentChecklistWriter.render(caste, Set.of("applicant-id", "community-declaration"), null);

        assertThat(before).isEqualTo("""
                **Documents to collect**

                - **Identity proof of the applicant** / आवेदक का पहचान पत्र (required): uploaded
                - **Proof of residence** / निवास का प्रमाण (required): **not uploaded yet**
                - One of: **Father's or ancestor's record showing the caste before the cut-off date (SC 10-08-1950, \
                ST 06-09-1950, OBC 26-12-1984)** / कट-ऑफ तिथि से पहले की जाति दर्शाने वाला पिता या पूर्वज का \
                अभिलेख (अनुसूचित जाति 10-08-1950, अनुसूचित जनजाति 06-09-1950, अन्य पिछड़ा वर्ग 26-12-1984) or \
                **Declaration of the ward or gram sabha (when no such record exists)** / वार्ड या ग्राम सभा की \
                घोषणा (जब ऐसा कोई अभिलेख न हो) (one of these is required): **not uploaded yet**
                """);
        assertThat(after).contains("(one of these is required): uploaded: Declaration of the ward or gram sabha"
                + " (when no such record exists)\n");
    }

    @Test
    void readsTheRequestsUploadsAndTheDocumentsOfItsOwnType() {
        Requests requests = mock(Requests.class);
        DocumentRepository documents = mock(DocumentRepository.class);
        RequiredDocuments requiredDocuments = mock(RequiredDocuments.class);
        ServiceRequest request = new ServiceRequest("RPR-2026-000002", "birth-certificate", "RPR", 1, "A", "9000000000",
                "Somewhere", VisitWindow.AFTERNOON, "hi", "fc", Instant.EPOCH);
        ReflectionTestUtils.setField(request, "id", 2L);
        when(requests.require("RPR-2026-000002")).thenReturn(request);
        when(documents.findByRequestIdOrderByUploadedAtAsc(2L)).thenReturn(List.of(new Document(UUID.randomUUID(),
                2L, "parent-id", "k", "s", 1, "image/png", "m", Instant.EPOCH)));
        when(requiredDocuments.forType("birth-certificate")).thenReturn(ROWS);
        DocumentReturnRepository returns = mock(DocumentReturnRepository.class);
        DocumentChecklistWriter writer = new DocumentChecklistWriter(requests, documents, requiredDocuments, returns);

        String checklist = writer.forRequest("RPR-2026-000002", null);

        assertThat(checklist).contains("- **Parent's ID proof** (required): uploaded\n")
                .contains("- **Birth report** / जन्म की सूचना (required): **not uploaded yet**\n");

        when(returns.findByRequestIdOrderByReturnedAtAsc(2L)).thenReturn(List.of(new DocumentReturn(2L,
                List.of("parent-id"), "clerk.raipur", Instant.EPOCH.plusSeconds(60))));
        assertThat(writer.forRequest("RPR-2026-000002", null)).as("after the clerk returned the parent's ID")
                .contains("- **Parent's ID proof** (required): **returned by the office: take it again**");
    }

    /**
     * A document the clerk returned is neither uploaded nor done until a new scan of it is in; a "one of" line whose
     * returned alternative gave way to another is uploaded.
     */
    @Test
    void aReturnedDocumentIsToBeTakenAgainUntilANewScanIsIn() {
        Instant returnedAt = Instant.parse("2026-12-07T06:00:00Z");
        List<Document> scans = List.of(
                new Document(UUID.randomUUID(), 2L, "parent-id", "k1", "s1", 1, "image/png", "m",
                        returnedAt.minusSeconds(3600)),
                new Document(UUID.randomUUID(), 2L, "voter-id", "k2", "s2", 1, "image/png", "m",
                        returnedAt.minusSeconds(3600)),
                new Document(UUID.randomUUID(), 2L, "ration-card", "k3", "s3", 1, "image/png", "m",
                        returnedAt.plusSeconds(3600)));
        ReturnedScans returned = ReturnedScans.of(List.of(new DocumentReturn(2L, List.of("parent-id", "voter-id"),
                "clerk.raipur", returnedAt)), scans);

        String checklist = DocumentChecklistWriter.render(ROWS, Set.of("parent-id", "voter-id", "ration-card"),
                returned, null);

        assertThat(checklist).contains("- **Parent's ID proof** (required): **returned by the office: take it again**"
                + " (कार्यालय ने लौटाया: फिर से लें)\n")
                .contains("(one of these is required): uploaded: Ration card\n");
    }
}
