package org.mitan.document;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mitan.failure.Refusal;
import org.mitan.web.Caller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The HTTP contract of the document API: status codes, bodies and problem details. The security filter chain is
 * left out (it is configured and tested elsewhere); the caller comes from {@code @WithMockUser}.
 */
@WebMvcTest(DocumentController.class)
@AutoConfigureMockMvc(addFilters = false)
class DocumentControllerTest {

    static final String NUMBER = "RPR-2026-000001";
    static final UUID ID = UUID.fromString("2f1c3a4e-8d2b-4c1e-9a7f-0b1c2d3e4f50");
    static final String SHA = "a".repeat(64);
    static final Caller MITAN = new Caller("mitan.rpr.1", Set.of("mitan"));

    @Autowired MockMvc mvc;
    @MockitoBean DocumentService service;

    static MockMultipartFile pdf() {
        return new MockMultipartFile("file", "report.pdf", "application/pdf", ContentTypesTest.PDF);
    }

    static Document stored() {
        return new Document(ID, 41L, "birth-report", "documents/" + NUMBER + "/" + SHA, SHA,
                ContentTypesTest.PDF.length, "application/pdf", "mitan.rpr.1", Instant.parse("2026-05-01T06:30:00Z"));
    }

    @Test
    @WithMockUser(username = "mitan.rpr.1", authorities = "GROUP_mitan")
    void aNewScanIs201WithItsIdFingerprintAndWhereToReadIt() throws Exception {
        when(service.upload(NUMBER, "birth-report", ContentTypesTest.PDF, null, MITAN))
                .thenReturn(new DocumentService.Upload(stored(), true));

        mvc.perform(multipart("/api/requests/{number}/documents", NUMBER).file(pdf()).param("type", "birth-report"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/documents/" + ID + "/content"))
                .andExpect(jsonPath("$.id").value(ID.toString()))
                .andExpect(jsonPath("$.documentType").value("birth-report"))
                .andExpect(jsonPath("$.sha256").value(SHA))
                .andExpect(jsonPath("$.sizeBytes").value(ContentTypesTest.PDF.length))
                .andExpect(jsonPath("$.contentType").value("application/pdf"));
    }

    @Test
    @WithMockUser(username = "mitan.rpr.1", authorities = "GROUP_mitan")
    void theSameScanAgainIs200WithTheSameId() throws Exception {
        when(service.upload(NUMBER, "birth-report", ContentTypesTest.PDF, null, MITAN))
                .thenReturn(new DocumentService.Upload(stored(), false));

        mvc.perform(multipart("/api/requests/{number}/documents", NUMBER).file(pdf()).param("type", "birth-report"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.id").value(ID.toString()));
    }

    @Test
    @WithMockUser(username = "mitan.rpr.1", authorities = "GROUP_mitan")
    void anUnknownTypeIsAProblemNamingTheTypeField() throws Exception {
        when(service.upload(NUMBER, "selfie", ContentTypesTest.PDF, null, MITAN)).thenThrow(Refusal.invalid(
                Map.of("type", "must be one of birth-report, parent-id (the documents a birth-certificate asks for)")));

        mvc.perform(multipart("/api/requests/{number}/documents", NUMBER).file(pdf()).param("type", "selfie"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.detail").value(containsString("type must be one of birth-report")))
                .andExpect(jsonPath("$.fieldErrors.type").value(containsString("birth-report, parent-id")));
    }

    @Test
    @WithMockUser(username = "mitan.rpr.1", authorities = "GROUP_mitan")
    void tooLargeAndWrongContentAreProblemsWithTheirOwnStatus() throws Exception {
        when(service.upload(eq(NUMBER), eq("birth-report"), any(), isNull(), eq(MITAN))).thenThrow(
                new Refusal(Refusal.Kind.TOO_LARGE, "File too large", "The limit is 10 MB.",
                        Map.of("field", "file", "maxBytes", 10485760L)));
        mvc.perform(multipart("/api/requests/{number}/documents", NUMBER).file(pdf()).param("type", "birth-report"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.title").value("File too large"))
                .andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.maxBytes").value(10485760));

        when(service.upload(eq(NUMBER), eq("parent-id"), any(), isNull(), eq(MITAN))).thenThrow(
                new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, "Unsupported file type",
                        "The file for Parent's ID proof is not a PDF, JPEG or PNG.", Map.of("field", "file")));
        mvc.perform(multipart("/api/requests/{number}/documents", NUMBER).file(pdf()).param("type", "parent-id"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415))
                .andExpect(jsonPath("$.title").value("Unsupported file type"))
                .andExpect(jsonPath("$.detail").value(containsString("not a PDF, JPEG or PNG")))
                .andExpect(jsonPath("$.field").value("file"));
    }

    @Test
    @WithMockUser(username = "mitan.rpr.1", authorities = "GROUP_mitan")
    void aMissingFilePartOrTypeIs400NamingIt() throws Exception {
        mvc.perform(multipart("/api/requests/{number}/documents", NUMBER).param("type", "birth-report"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors.file").value("is missing"));

        mvc.perform(multipart("/api/requests/{number}/documents", NUMBER).file(pdf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors.type").value("is missing"));

        verifyNoInteractions(service);
    }

    @Test
    void nobodyLoggedInIs401() throws Exception {
        mvc.perform(multipart("/api/requests/{number}/documents", NUMBER).file(pdf()).param("type", "birth-report"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Not logged in"));

        verifyNoInteractions(service);
    }

    @Test
    @WithMockUser(username = "mitan.rpr.1", authorities = "GROUP_mitan")
    void anUnreachableStoreIs503() throws Exception {
        when(service.upload(eq(NUMBER), anyString(), any(), any(), any()))
                .thenThrow(new ObjectStoreException("Object store at http://minio:9000 could not write", null));

        mvc.perform(multipart("/api/requests/{number}/documents", NUMBER).file(pdf()).param("type", "birth-report"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("Document store unavailable"))
                .andExpect(jsonPath("$.detail").value(containsString("try again")));
    }

    @Test
    @WithMockUser(username = "clerk1", authorities = "GROUP_clerk")
    void theContentIsStreamedInlineWithItsStoredType() throws Exception {
        Caller clerk = new Caller("clerk1", Set.of("clerk"));
        when(service.openContent(ID.toString(), clerk)).thenReturn(
                new DocumentService.Content(stored(), new ByteArrayInputStream(ContentTypesTest.PDF)));

        mvc.perform(get("/api/documents/{id}/content", ID))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition", "inline; filename=\"birth-report.pdf\""))
                .andExpect(content().bytes(ContentTypesTest.PDF));
        verify(service).openContent(ID.toString(), clerk);
    }

    @Test
    @WithMockUser(username = "clerk1", authorities = "GROUP_clerk")
    void aDocumentTypeNamedInHindiGivesAFileNameTheBrowserCanRead() throws Exception {
        Caller clerk = new Caller("clerk1", Set.of("clerk"));
        Document hindi = new Document(ID, 41L, "जन्म-रिपोर्ट", "documents/" + NUMBER + "/" + SHA, SHA,
                ContentTypesTest.PDF.length, "application/pdf", "mitan.rpr.1", Instant.parse("2026-05-01T06:30:00Z"));
        when(service.openContent(ID.toString(), clerk)).thenReturn(
                new DocumentService.Content(hindi, new ByteArrayInputStream(ContentTypesTest.PDF)));

        mvc.perform(get("/api/documents/{id}/content", ID))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", startsWith(
                        "inline; filename=\"document.pdf\"; filename*=UTF-8''%E0%A4%9C%E0%A4%A8")));
    }

    @Test
    @WithMockUser(username = "mitan.rpr.1", authorities = "GROUP_mitan")
    void unknownContentIsA404Problem() throws Exception {
        when(service.openContent("nonsense", MITAN)).thenThrow(Refusal.notFound("No document with id nonsense."));

        mvc.perform(get("/api/documents/{id}/content", "nonsense"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value("No document with id nonsense."));
    }
}
