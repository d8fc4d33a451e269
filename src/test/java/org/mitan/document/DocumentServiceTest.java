package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mitan.failure.Refusal;
import org.mitan.mitan.RequestAccess;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.mitan.web.Caller;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.springframework.test.util.ReflectionTestUtils;

@ExtendWith(MockitoExtension.class)
class DocumentServiceTest {

    static final String NUMBER = "RPR-2026-000001";
    static final Instant NOW = Instant.parse("2026-05-01T06:30:00Z");
    static final Caller MITAN = new Caller("mitan.rpr.1", Set.of("mitan"));
    static final Caller OTHER_MITAN = new Caller("mitan.rpr.2", Set.of("mitan"));
    static final List<RequiredDocument> BIRTH = List.of(
            new RequiredDocument("birth-report", "Birth report", "", true, ""),
            new RequiredDocument("parent-id", "Parent's ID proof", "", true, ""),
            new RequiredDocument("address-proof", "Address proof", "", true, ""),
            new RequiredDocument("late-registration-affidavit", "Late-registration affidavit", "", false, ""));

    @Mock ServiceRequestRepository requestRows;
    @Mock Requests requests;
    @Mock RequestAccess access;
    @Mock RequiredDocuments requiredDocuments;
    @Mock DocumentRepository documents;
    @Mock DocumentStore store;
    @Mock OpenVisitChecklists openChecklists;
    @Mock DocumentReturnRepository returns;

    ServiceRequest request;
    DocumentService service;

    @BeforeEach
    void setUp() {
        request = new ServiceRequest(NUMBER, "birth-certificate", "RPR", 4, "Asha Verma", "9876543210",
                "House 12, Ward 4, Raipur", VisitWindow.MORNING, "hi", "feedback-code-1", NOW);
        ReflectionTestUtils.setField(request, "id", 41L);
        request.moveTo(RequestStatus.MITAN_ASSIGNED, NOW);
        service = new DocumentService(requestRows, requests, access, requiredDocuments, documents, store,
                new DocumentProperties(1024), Clock.fixed(NOW, ZoneOffset.UTC), openChecklists, returns);
        lenient().when(requestRows.lockByRequestNumber(NUMBER)).thenReturn(Optional.of(request));
        lenient().when(access.isAssignedMitan(MITAN, request)).thenReturn(true);
        lenient().when(requiredDocuments.forType("birth-certificate")).thenReturn(BIRTH);
        lenient().when(documents.save(any(Document.class))).thenAnswer(call -> call.getArgument(0));
    }

    @Test
    void storesTheObjectFirstThenTheRowThenTheMilestone() {
        DocumentService.Upload upload = service.upload(NUMBER, "birth-report", ContentTypesTest.PDF, MITAN);

        String sha = Sha256.hex(ContentTypesTest.PDF);
        assertThat(upload.created()).isTrue();
        Document saved = upload.document();
        assertThat(saved.getRequestId()).isEqualTo(41L);
        assertThat(saved.getDocumentType()).isEqualTo("birth-report");
        assertThat(saved.getSha256()).isEqualTo(sha).hasSize(64);
        assertThat(saved.getObjectKey()).isEqualTo("documents/" + NUMBER + "/" + sha);
        assertThat(saved.getSizeBytes()).isEqualTo(ContentTypesTest.PDF.length);
        assertThat(saved.getContentType()).isEqualTo("application/pdf");
        assertThat(saved.getUploadedBy()).isEqualTo("mitan.rpr.1");
        assertThat(saved.getUploadedAt()).isEqualTo(NOW);
        InOrder order = inOrder(store, documents, requests, openChecklists);
        order.verify(store).put("documents/" + NUMBER + "/" + sha, ContentTypesTest.PDF, "application/pdf");
        order.verify(documents).save(saved);
        order.verify(requests).record(eq(request), eq("DOCUMENT_UPLOADED"), eq("mitan.rpr.1"),
                eq("Birth report (application/pdf, " + ContentTypesTest.PDF.length + " bytes)"));
        // The open visit's checklist is written anew: it no longer says "not uploaded yet".
        order.verify(openChecklists).refresh(NUMBER);
    }

    @Test
    void theSha256IsTheStandardHexDigest() {
        assertThat(Sha256.hex("abc".getBytes()))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theContentTypeComesFromTheBytes() {
        assertThat(service.upload(NUMBER, "parent-id", ContentTypesTest.JPEG, MITAN).document().getContentType())
                .isEqualTo("image/jpeg");
        assertThat(service.upload(NUMBER, "address-proof", ContentTypesTest.PNG, MITAN).document().getContentType())
                .isEqualTo("image/png");
    }

    @Test
    void theSameFileForTheSameTypeAgainReturnsTheExistingRowAndRestoresItsObject() {
        Document existing = birthReportUploaded(NOW.minusSeconds(60));

        DocumentService.Upload upload = service.upload(NUMBER, "birth-report", ContentTypesTest.PDF, MITAN);

        assertThat(upload.created()).isFalse();
        assertThat(upload.document()).isSameAs(existing);
        verify(store).put(existing.getObjectKey(), ContentTypesTest.PDF, "application/pdf");
        verify(documents, never()).save(any());
        verifyNoInteractions(requests);
    }

    /**
     * The very file the clerk returned, sent again for its type, is not a new scan: refused (422) with nothing stored,
     * so that the Mitan takes a new photo rather than believing the document done.
     */
    @Test
    void theScanTheClerkReturnedSentAgainIsRefused() {
        Document returned = birthReportUploaded(NOW.minusSeconds(3600));
        when(documents.findByRequestIdOrderByUploadedAtAsc(41L)).thenReturn(List.of(returned));
        when(returns.findByRequestIdOrderByReturnedAtAsc(41L)).thenReturn(List.of(new DocumentReturn(41L,
                List.of("birth-report"), "clerk.raipur", NOW.minusSeconds(60))));

        Refusal refusal = assertUploadRefused(() -> service.upload(NUMBER, "birth-report", ContentTypesTest.PDF,
                MITAN), Refusal.Kind.UNACCEPTABLE, "very scan the office returned");
        assertThat(refusal.getProperties()).containsEntry("documentId", returned.getId().toString());
        verify(store, never()).put(any(), any(), any());
        verify(documents, never()).save(any());
    }

    /** The PDF of the tests, uploaded before as the request's birth report. */
    private Document birthReportUploaded(Instant at) {
        String sha = Sha256.hex(ContentTypesTest.PDF);
        Document existing = new Document(UUID.randomUUID(), 41L, "birth-report", "documents/" + NUMBER + "/" + sha,
                sha, ContentTypesTest.PDF.length, "application/pdf", "mitan.rpr.1", at);
        when(documents.findByRequestIdAndDocumentTypeAndSha256(41L, "birth-report", sha))
                .thenReturn(Optional.of(existing));
        return existing;
    }

    @Test
    void unknownRequestIs404() {
        when(requestRows.lockByRequestNumber("RPR-2026-999999")).thenReturn(Optional.empty());

        assertUploadRefused(() -> service.upload("RPR-2026-999999", "birth-report", ContentTypesTest.PDF, MITAN),
                Refusal.Kind.NOT_FOUND, "RPR-2026-999999");
    }

    @Test
    void onlyTheAssignedMitanMayUpload() {
        assertUploadRefused(() -> service.upload(NUMBER, "birth-report", ContentTypesTest.PDF, OTHER_MITAN),
                Refusal.Kind.NOT_ALLOWED, "Only the Mitan assigned to request " + NUMBER);
    }

    @Test
    void aClosedRequestTakesNoDocuments() {
        request.moveTo(RequestStatus.CLOSED, NOW);

        Refusal refusal = assertUploadRefused(() -> service.upload(NUMBER, "birth-report", ContentTypesTest.PDF,
                MITAN), Refusal.Kind.CONFLICT, "is closed (CLOSED)");
        assertThat(refusal.getProperties()).containsEntry("requestStatus", "CLOSED")
                .containsEntry("requestNumber", NUMBER);
    }

    @Test
    void verifiedDocumentsTakeNoNewScanThatWouldReachTheClerkUnverified() {
        request.moveTo(RequestStatus.DOCUMENTS_VERIFIED, NOW);

        Refusal refusal = assertUploadRefused(() -> service.upload(NUMBER, "birth-report", ContentTypesTest.PDF,
                MITAN), Refusal.Kind.CONFLICT, "already verified (DOCUMENTS_VERIFIED)");
        assertThat(refusal.getMessage()).contains("return the request for a revisit");
        assertThat(refusal.getProperties()).containsEntry("requestStatus", "DOCUMENTS_VERIFIED");
    }

    @Test
    void aRequestBackFromScrutinyWithItsMitanTakesDocumentsAgain() {
        request.moveTo(RequestStatus.UNDER_SCRUTINY, NOW);
        request.moveTo(RequestStatus.MITAN_ASSIGNED, NOW);

        assertThat(service.upload(NUMBER, "birth-report", ContentTypesTest.PDF, MITAN).created()).isTrue();
    }

    @Test
    void aRequestWithTheOfficersTakesNoDocuments() {
        request.moveTo(RequestStatus.UNDER_SCRUTINY, NOW);

        assertUploadRefused(() -> service.upload(NUMBER, "birth-report", ContentTypesTest.PDF, MITAN),
                Refusal.Kind.CONFLICT, "is with the officers (UNDER_SCRUTINY)");
    }

    @Test
    void aTypeTheDecisionDoesNotListIs400NamingTheAllowedTypes() {
        Refusal refusal = assertUploadRefused(() -> service.upload(NUMBER, "caste-record", ContentTypesTest.PDF,
                MITAN), Refusal.Kind.INVALID, "type must be one of birth-report, parent-id, address-proof,"
                        + " late-registration-affidavit");
        assertThat(fieldErrors(refusal)).containsOnlyKeys("type");
    }

    @Test
    void anEmptyFileIs400OnTheFileField() {
        Refusal refusal = assertUploadRefused(() -> service.upload(NUMBER, "birth-report", new byte[0], MITAN),
                Refusal.Kind.INVALID, "file is empty");
        assertThat(fieldErrors(refusal)).containsOnlyKeys("file");
    }

    @Test
    void aFileOverTheLimitIs413() {
        byte[] big = Arrays.copyOf(ContentTypesTest.PDF, 1025);

        Refusal refusal = assertUploadRefused(() -> service.upload(NUMBER, "birth-report", big, MITAN),
                Refusal.Kind.TOO_LARGE, "the limit is 1 KB");
        assertThat(refusal.getProperties()).containsEntry("maxBytes", 1024L);
    }

    @Test
    void aFileExactlyAtTheLimitIsTaken() {
        byte[] atLimit = Arrays.copyOf(ContentTypesTest.PDF, 1024);

        assertThat(service.upload(NUMBER, "birth-report", atLimit, MITAN).created()).isTrue();
    }

    @Test
    void contentThatIsNotPdfJpegOrPngIs415WhateverItIsCalled() {
        byte[] gif = "GIF89a not a scan we take".getBytes();

        Refusal refusal = assertUploadRefused(() -> service.upload(NUMBER, "birth-report", gif, MITAN),
                Refusal.Kind.UNSUPPORTED_TYPE, "not a PDF, JPEG or PNG");
        assertThat(refusal.getProperties()).containsEntry("field", "file");
    }

    @Test
    void aPdfWithActiveContentOrAFakeImageIs422NamingTheProblemAndStoresNothing() {
        byte[] scripted = TestScans.pdf("/OpenAction 4 0 R", "<< /S /JavaScript /JS (app.alert(1)) >>");
        byte[] jpegThenHtml = "\u00FF\u00D8\u00FF\u00E0<html><script>alert(1)</script></html>".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1);

        Refusal pdf = assertUploadRefused(() -> service.upload(NUMBER, "birth-report", scripted, MITAN),
                Refusal.Kind.UNACCEPTABLE, "is a PDF with active content");
        assertUploadRefused(() -> service.upload(NUMBER, "parent-id", jpegThenHtml, MITAN),
                Refusal.Kind.UNACCEPTABLE, "starts like a JPEG image but is not one");

        assertThat(pdf.getMessage()).contains("Birth report", "JavaScript (/JavaScript)", "Nothing was stored");
        assertThat(pdf.getProperties()).containsEntry("field", "file");
        verifyNoInteractions(store);
        verify(documents, never()).save(any());
        verifyNoInteractions(requests);
    }

    @Test
    void aStoreFailureLeavesNoRowAndNoMilestone() {
        doThrow(new ObjectStoreException("down", null)).when(store).put(anyString(), any(), anyString());

        assertThatThrownBy(() -> service.upload(NUMBER, "birth-report", ContentTypesTest.PDF, MITAN))
                .isInstanceOf(ObjectStoreException.class);
        verify(documents, never()).save(any());
        verifyNoInteractions(requests);
    }

    @Test
    void opensTheContentForSomeoneWhoMaySeeTheRequest() throws Exception {
        Document document = document();
        when(documents.findById(document.getId())).thenReturn(Optional.of(document));
        when(requestRows.findById(41L)).thenReturn(Optional.of(request));
        InputStream bytes = new ByteArrayInputStream(ContentTypesTest.PDF);
        when(store.open(document.getObjectKey())).thenReturn(Optional.of(bytes));
        Caller clerk = new Caller("clerk1", Set.of("clerk"));
        when(access.maySee(clerk, request)).thenReturn(true);

        DocumentService.Content content = service.openContent(document.getId().toString(), clerk);

        assertThat(content.document()).isSameAs(document);
        assertThat(content.stream().readAllBytes()).isEqualTo(ContentTypesTest.PDF);
        verify(access).maySee(clerk, request);
    }

    @Test
    void contentOfAnUnknownOrMalformedIdIs404() {
        UUID unknown = UUID.randomUUID();
        when(documents.findById(unknown)).thenReturn(Optional.empty());

        assertRefused(() -> service.openContent(unknown.toString(), MITAN), Refusal.Kind.NOT_FOUND, unknown.toString());
        assertRefused(() -> service.openContent("not-a-uuid", MITAN), Refusal.Kind.NOT_FOUND, "not-a-uuid");
    }

    /** Refused as an unknown id is, word for word: nobody learns which ids exist by trying them. */
    @Test
    void contentIsRefusedBeforeTheStoreIsOpenedWhenTheCallerMayNotSeeTheRequest() {
        Document document = document();
        when(documents.findById(document.getId())).thenReturn(Optional.of(document));
        when(requestRows.findById(41L)).thenReturn(Optional.of(request));
        Caller stranger = new Caller("clerk9", Set.of("clerk"));
        when(access.maySee(stranger, request)).thenReturn(false);

        String id = document.getId().toString();
        assertRefused(() -> service.openContent(id, stranger), Refusal.Kind.NOT_FOUND, "No document with id " + id
                + " that you may see. / यह दस्तावेज़ आपके लिए नहीं है।");
        verifyNoInteractions(store);
    }

    @Test
    void contentMissingFromTheStoreIs404TellingWhoCanFixIt() {
        Document document = document();
        when(documents.findById(document.getId())).thenReturn(Optional.of(document));
        when(requestRows.findById(41L)).thenReturn(Optional.of(request));
        when(store.open(document.getObjectKey())).thenReturn(Optional.empty());
        when(access.maySee(MITAN, request)).thenReturn(true);

        assertRefused(() -> service.openContent(document.getId().toString(), MITAN), Refusal.Kind.NOT_FOUND,
                "Ask the Mitan to upload the birth-report again");
    }

    private Document document() {
        return new Document(UUID.randomUUID(), 41L, "birth-report", "documents/" + NUMBER + "/abc", "abc",
                ContentTypesTest.PDF.length, "application/pdf", "mitan.rpr.1", NOW);
    }

    /** Asserts the refusal and that it changed nothing: no object, no row, no milestone. */
    /**
     * As {@link #assertRefused}, for a refusal the Mitan meets on the field page: in English, then " / " and the
     * Hindi, as the house writes a refusal the Mitan reads.
     */
    private Refusal assertUploadRefused(Runnable call, Refusal.Kind kind, String detailPart) {
        Refusal refusal = assertRefused(call, kind, detailPart);
        assertThat(refusal.getMessage()).as("in English, then in Hindi")
                .matches("(?s)[^\u0900-\u097F]+ / .*[\u0900-\u097F].*");
        return refusal;
    }

    private Refusal assertRefused(Runnable call, Refusal.Kind kind, String detailPart) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(Refusal.class);
        Refusal refusal = (Refusal) thrown;
        assertThat(refusal.getKind()).isEqualTo(kind);
        assertThat(refusal.getMessage()).contains(detailPart);
        verify(store, never()).put(anyString(), any(), anyString());
        verify(documents, never()).save(any());
        verifyNoInteractions(requests);
        return refusal;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fieldErrors(Refusal refusal) {
        return (Map<String, String>) refusal.getProperties().get("fieldErrors");
    }
}
