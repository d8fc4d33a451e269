package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;
import org.springframework.test.util.ReflectionTestUtils;

class DocumentVerificationTest {

    static final String NUMBER = "BSP-2026-000007";
    static final Instant T0 = Instant.parse("2026-05-02T05:00:00Z");
    static final List<RequiredDocument> ROWS = List.of(
            new RequiredDocument("birth-report", "Birth report", "", true, ""),
            new RequiredDocument("parent-id", "Parent's ID proof", "", true, ""),
            new RequiredDocument("voter-id", "Voter ID", "", true, "address"),
            new RequiredDocument("ration-card", "Ration card", "", true, "address"),
            new RequiredDocument("late-registration-affidavit", "Late-registration affidavit", "", false, ""));

    final Requests requests = mock(Requests.class);
    final DocumentRepository documents = mock(DocumentRepository.class);
    final RequiredDocuments requiredDocuments = mock(RequiredDocuments.class);
    final InMemoryDocumentStore store = new InMemoryDocumentStore();
    final DocumentReturnRepository returns = mock(DocumentReturnRepository.class);
    final List<Document> uploaded = new ArrayList<>();

    ServiceRequest request;
    DocumentVerification verification;

    @BeforeEach
    void setUp() {
        request = new ServiceRequest(NUMBER, "birth-certificate", "BSP", 12, "Ravi Sahu", "9123456780",
                "Near the temple, Ward 12, Bilaspur", VisitWindow.EVENING, "en", "feedback-code-7", T0);
        ReflectionTestUtils.setField(request, "id", 7L);
        request.moveTo(RequestStatus.MITAN_ASSIGNED, T0);
        when(requests.require(NUMBER)).thenReturn(request);
        when(requiredDocuments.forType("birth-certificate")).thenReturn(ROWS);
        when(documents.findByRequestIdOrderByUploadedAtAsc(7L)).thenReturn(uploaded);
        verification = new DocumentVerification(requests, documents, requiredDocuments, store,
                new DocumentProperties(1024), returns);
    }

    @Test
    void everythingInOrderGivesNoProblemsAndMovesTheRequestOnOnce() {
        upload("birth-report", ContentTypesTest.PDF);
        upload("parent-id", ContentTypesTest.JPEG);
        upload("ration-card", ContentTypesTest.PNG);

        assertThat(verification.verify(NUMBER)).isEmpty();
        verify(requests).advance(request, RequestStatus.DOCUMENTS_VERIFIED, DocumentVerification.ACTOR,
                "Every required document is in order");

        request.moveTo(RequestStatus.DOCUMENTS_VERIFIED, T0);
        assertThat(verification.verify(NUMBER)).as("a re-run after a crash").isEmpty();
        verify(requests).advance(any(), any(), anyString(), anyString());
    }

    @Test
    void eachMissingMandatoryDocumentIsOneSentence() {
        upload("birth-report", ContentTypesTest.PDF);

        assertThat(verification.verify(NUMBER)).containsExactly(
                "Parent's ID proof is missing: scan and upload it.",
                "None of Voter ID or Ration card is uploaded: scan and upload one of them.");
        verify(requests, never()).advance(any(), any(), anyString(), anyString());
    }

    @Test
    void aStoredObjectThatIsGoneIsReported() {
        uploadAllInOrder();
        store.objects.remove(key("parent-id"));

        assertThat(verification.verify(NUMBER))
                .containsExactly("Parent's ID proof: the stored file is missing; upload it again.");
    }

    @Test
    void aStoredObjectOfAnotherSizeIsReported() {
        uploadAllInOrder();
        store.objects.put(key("birth-report"), Arrays.copyOf(ContentTypesTest.PDF, ContentTypesTest.PDF.length - 1));

        assertThat(verification.verify(NUMBER))
                .containsExactly("Birth report: the stored file is not the size recorded at upload; upload it again.");
    }

    @Test
    void aStoredObjectWithOtherBytesOfTheSameSizeFailsTheFingerprint() {
        uploadAllInOrder();
        byte[] tampered = ContentTypesTest.PDF.clone();
        tampered[tampered.length - 1] ^= 1;
        store.objects.put(key("birth-report"), tampered);

        assertThat(verification.verify(NUMBER)).containsExactly(
                "Birth report: the stored file does not match its recorded fingerprint; upload it again.");
    }

    @Test
    void anEmptyStoredObjectIsReported() {
        uploadAllInOrder();
        store.objects.put(key("voter-id"), new byte[0]);

        assertThat(verification.verify(NUMBER))
                .containsExactly("Voter ID: the file is empty; scan it again and upload it.");
    }

    @Test
    void aFileOverTheLimitIsReportedWithTheLimit() {
        uploadAllInOrder();
        upload("birth-report", Arrays.copyOf(ContentTypesTest.PDF, 2048));

        assertThat(verification.verify(NUMBER)).containsExactly("Birth report: the file is 2 KB, more than the limit"
                + " of 1 KB; scan it at a lower resolution and upload it again.");
    }

    @Test
    void contentThatIsNotPdfJpegOrPngIsReportedEvenWhenItsFingerprintMatches() {
        uploadAllInOrder();
        upload("parent-id", "GIF89a an old format".getBytes());

        assertThat(verification.verify(NUMBER)).containsExactly("Parent's ID proof: the file is not a PDF, JPEG or"
                + " PNG; scan it again as PDF, JPEG or PNG and upload it.");
    }

    @Test
    void theNewestUploadOfATypeIsTheOneThatCounts() {
        uploadAllInOrder();
        store.objects.remove(key("birth-report"));
        upload("birth-report", TestScans.pdf("/Lang (hi)"));

        assertThat(verification.verify(NUMBER)).isEmpty();
    }

    /** Stored before uploads were checked through, or put into the store by other means: caught before the clerk. */
    @Test
    void aStoredPdfWithActiveContentIsReported() {
        uploadAllInOrder();
        upload("birth-report", TestScans.pdf("/OpenAction 4 0 R", "<< /S /JavaScript /JS (app.alert(1)) >>"));

        assertThat(verification.verify(NUMBER)).singleElement().asString()
                .startsWith("Birth report: the file is a PDF with active content").contains("JavaScript");
    }

    @Test
    void anOptionalDocumentThatWasUploadedIsCheckedToo() {
        uploadAllInOrder();
        upload("late-registration-affidavit", ContentTypesTest.PDF);
        store.objects.remove(key("late-registration-affidavit"));

        assertThat(verification.verify(NUMBER))
                .containsExactly("Late-registration affidavit: the stored file is missing; upload it again.");
    }

    @Test
    void everyProblemIsListedMissingDocumentsFirst() {
        upload("birth-report", ContentTypesTest.PDF);
        upload("voter-id", ContentTypesTest.PNG);
        store.objects.clear();

        assertThat(verification.verify(NUMBER)).containsExactly(
                "Parent's ID proof is missing: scan and upload it.",
                "Birth report: the stored file is missing; upload it again.",
                "Voter ID: the stored file is missing; upload it again.");
    }

    @Test
    void eitherCasteEvidenceOfTheRealTableIsEnoughAndNeitherIsOneProblem() {
        request = new ServiceRequest(NUMBER, "caste-certificate", "BSP", 12, "Ravi Sahu", "9123456780",
                "Near the temple, Ward 12, Bilaspur", VisitWindow.EVENING, "en", "feedback-code-7", T0);
        ReflectionTestUtils.setField(request, "id", 7L);
        when(requests.require(NUMBER)).thenReturn(request);
        when(requiredDocuments.forType("caste-certificate"))
                .thenReturn(DeployedRequiredDocuments.forType("caste-certificate"));
        upload("applicant-id", ContentTypesTest.JPEG);
        upload("residence-proof", ContentTypesTest.PNG);

        assertThat(verification.verify(NUMBER)).containsExactly("None of Father's or ancestor's record showing the"
                + " caste before the cut-off date (SC 10-08-1950, ST 06-09-1950, OBC 26-12-1984) or Declaration of"
                + " the ward or gram sabha (when no such record exists) is uploaded: scan and upload one of them.");

        upload("community-declaration", ContentTypesTest.PDF);
        assertThat(verification.verify(NUMBER)).isEmpty();

        uploaded.removeIf(document -> document.getDocumentType().equals("community-declaration"));
        upload("caste-record", ContentTypesTest.PDF);
        assertThat(verification.verify(NUMBER)).isEmpty();
    }

    /**
     * A document the clerk returned is a problem until a new scan of it is uploaded after the return (so "collected"
     * goes back to the Mitan), said once, as a return; a "one of" line is met by another alternative taken instead.
     */
    @Test
    void aReturnedDocumentIsAProblemUntilItIsTakenAgain() {
        upload("birth-report", ContentTypesTest.PDF);
        upload("parent-id", ContentTypesTest.JPEG);
        upload("voter-id", ContentTypesTest.PNG);
        when(returns.findByRequestIdOrderByReturnedAtAsc(7L)).thenReturn(List.of(new DocumentReturn(7L,
                List.of("parent-id", "voter-id"), "clerk.raipur", T0.plusSeconds(10))));

        assertThat(verification.verify(NUMBER)).containsExactly(
                "Parent's ID proof was returned by the office: take it again and upload the new scan.",
                "Voter ID or Ration card was returned by the office: take it again and upload the new scan.");
        verify(requests, never()).advance(any(), any(), anyString(), anyString());

        uploaded.add(new Document(UUID.randomUUID(), 7L, "parent-id", key("parent-id"),
                uploaded.get(1).getSha256(), uploaded.get(1).getSizeBytes(), "image/jpeg", "mitan.bsp.1",
                T0.plusSeconds(20)));
        store.put("documents/" + NUMBER + "/ration-card", ContentTypesTest.PNG, "image/png");
        uploaded.add(new Document(UUID.randomUUID(), 7L, "ration-card", "documents/" + NUMBER + "/ration-card",
                Sha256.hex(ContentTypesTest.PNG), ContentTypesTest.PNG.length, "image/png", "mitan.bsp.1",
                T0.plusSeconds(21)));
        assertThat(verification.verify(NUMBER)).as("a new parent's ID, and a ration card instead of the voter ID")
                .isEmpty();
    }

    private void uploadAllInOrder() {
        upload("birth-report", ContentTypesTest.PDF);
        upload("parent-id", ContentTypesTest.JPEG);
        upload("voter-id", ContentTypesTest.PNG);
    }

    /** Records a row as the upload would, and stores the bytes under its own key. */
    private void upload(String type, byte[] content) {
        String sha = Sha256.hex(content);
        String objectKey = "documents/" + NUMBER + "/" + type + "/" + sha;
        store.put(objectKey, content, "application/octet-stream");
        uploaded.add(new Document(UUID.randomUUID(), 7L, type, objectKey, sha, content.length,
                ContentTypes.detect(content).orElse("application/octet-stream"), "mitan.bsp.1",
                T0.plusSeconds(uploaded.size())));
    }

    private String key(String type) {
        return uploaded.stream().filter(document -> document.getDocumentType().equals(type))
                .reduce((first, second) -> second).orElseThrow().getObjectKey();
    }
}
