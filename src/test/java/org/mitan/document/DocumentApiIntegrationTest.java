package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.EmbeddedInfrastructure;
import org.mitan.mitan.Mitan;
import org.mitan.mitan.MitanRepository;
import org.mitan.process.ProcessKeys;
import org.mitan.request.RequestMilestone;
import org.mitan.request.RequestMilestoneRepository;
import org.mitan.request.RequestStatus;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Uploads, reading back and verification on a real PostgreSQL and a real S3 API server: rows, objects and
 * fingerprints as they are really stored, and refusals that leave both untouched. Uses the deployed documents table
 * of the birth certificate.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedInfrastructure.class)
@ActiveProfiles("test")
class DocumentApiIntegrationTest {

    static final String MITAN_USER = "mitan.documents.it";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired RepositoryService repository;
    @Autowired MitanRepository mitans;
    @Autowired ServiceRequestRepository requests;
    @Autowired RequestMilestoneRepository milestones;
    @Autowired DocumentRepository documents;
    @Autowired DocumentVerification verification;
    @Autowired RequiredDocuments requiredDocuments;
    @Autowired MinioClient s3;
    @Autowired StorageProperties storage;

    ServiceRequest request;

    @BeforeEach
    void requestWithAssignedMitan() {
        Mitan mitan = mitans.findByUserId(MITAN_USER).orElseGet(() -> mitans.save(
                new Mitan("RPR", "Document Test Mitan", "9876500001", MITAN_USER, Set.of(1))));
        String suffix = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        ServiceRequest fresh = new ServiceRequest("RPR-2099-" + suffix, ProcessKeys.BIRTH_CERTIFICATE, "RPR", 1,
                "Meena Patel", "9" + suffix + "123", "House 4, Ward 1, Raipur", VisitWindow.MORNING, "hi",
                "docs-it-" + UUID.randomUUID().toString().substring(0, 20), Instant.now());
        fresh.moveTo(RequestStatus.MITAN_ASSIGNED, Instant.now());
        fresh.setMitanId(mitan.getId());
        request = requests.save(fresh);
    }

    @Test
    @WithMockUser(username = MITAN_USER, authorities = "GROUP_mitan")
    void anUploadStoresTheObjectAndTheRowAndTheSameFileAgainIsTheSameDocument() throws Exception {
        MvcResult created = mvc.perform(upload("birth-report", "report.pdf", ContentTypesTest.PDF))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sha256").value(Sha256.hex(ContentTypesTest.PDF)))
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andReturn();
        String id = json.readTree(created.getResponse().getContentAsString()).get("id").asText();

        Document row = documents.findById(UUID.fromString(id)).orElseThrow();
        assertThat(row.getObjectKey())
                .isEqualTo("documents/" + request.getRequestNumber() + "/" + row.getSha256());
        assertThat(row.getUploadedBy()).isEqualTo(MITAN_USER);
        try (InputStream stored = s3.getObject(GetObjectArgs.builder().bucket(storage.bucket())
                .object(row.getObjectKey()).build())) {
            assertThat(Sha256.hex(stored.readAllBytes())).isEqualTo(row.getSha256());
        }
        assertThat(milestones.findByRequestIdOrderByOccurredAtAscIdAsc(request.getId()))
                .extracting(RequestMilestone::getMilestone).containsExactly("DOCUMENT_UPLOADED");

        mvc.perform(upload("birth-report", "same-again.pdf", ContentTypesTest.PDF))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        assertThat(documents.findByRequestIdOrderByUploadedAtAsc(request.getId())).hasSize(1);
        assertThat(objectKeys()).hasSize(1);
        assertThat(milestones.findByRequestIdOrderByOccurredAtAscIdAsc(request.getId())).hasSize(1);

        mvc.perform(get("/api/documents/{id}/content", id))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(ContentTypesTest.PDF));
    }

    @Test
    @WithMockUser(username = MITAN_USER, authorities = "GROUP_mitan")
    void uploadingTheSameFileAgainRepairsAStoredObjectThatWentMissing() throws Exception {
        mvc.perform(upload("birth-report", "report.pdf", ContentTypesTest.PDF)).andExpect(status().isCreated());
        Document row = documents.findByRequestIdOrderByUploadedAtAsc(request.getId()).get(0);
        s3.removeObject(RemoveObjectArgs.builder().bucket(storage.bucket()).object(row.getObjectKey()).build());
        assertThat(verification.verify(request.getRequestNumber()))
                .anyMatch(problem -> problem.endsWith(": the stored file is missing; upload it again."));

        mvc.perform(upload("birth-report", "report.pdf", ContentTypesTest.PDF)).andExpect(status().isOk());

        assertThat(objectKeys()).containsExactly(row.getObjectKey());
        assertThat(verification.verify(request.getRequestNumber()))
                .noneMatch(problem -> problem.contains("stored file"));
    }

    @Test
    @WithMockUser(username = MITAN_USER, authorities = "GROUP_mitan")
    void refusedUploadsLeaveNoRowAndNoObject() throws Exception {
        mvc.perform(upload("selfie", "me.jpg", ContentTypesTest.JPEG))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors.type").value(allOf(containsString("birth-report"),
                        containsString("parent-id"), containsString("address-proof"))));
        mvc.perform(upload("parent-id", "empty.pdf", new byte[0]))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors.file").exists());
        mvc.perform(upload("parent-id", "id.pdf", "GIF89a renamed to .pdf".getBytes()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.title").value("Unsupported file type"));
        for (String activeContent : new String[] {"/OpenAction 4 0 R", "/Names << /JavaScript 4 0 R >>"}) {
            mvc.perform(upload("birth-report", "report.pdf", TestScans.pdf(activeContent,
                            "<< /S /JavaScript /JS (app.alert(1)) >>")))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.title").value("Scan refused"))
                    .andExpect(jsonPath("$.detail").value(containsString("JavaScript (/JavaScript)")));
        }
        mvc.perform(upload("parent-id", "id.jpg", "\u00FF\u00D8\u00FF\u00E0<html><script>alert(1)</script>"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("is not one that can be shown")));
        mvc.perform(multipart("/api/requests/{number}/documents", "RPR-2099-NONE").file(file("a.pdf",
                        ContentTypesTest.PDF)).param("type", "birth-report"))
                .andExpect(status().isNotFound());

        assertThat(documents.findByRequestIdOrderByUploadedAtAsc(request.getId())).isEmpty();
        assertThat(objectKeys()).isEmpty();
        assertThat(milestones.findByRequestIdOrderByOccurredAtAscIdAsc(request.getId())).isEmpty();
    }

    @Test
    @WithMockUser(username = "mitan.someone.else", authorities = "GROUP_mitan")
    void anotherMitanCannotUploadNorLearnThatTheRequestExists() throws Exception {
        mvc.perform(upload("birth-report", "report.pdf", ContentTypesTest.PDF))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("No request with number "
                        + request.getRequestNumber() + " that you may see.")));

        assertThat(documents.findByRequestIdOrderByUploadedAtAsc(request.getId())).isEmpty();
        assertThat(objectKeys()).isEmpty();
    }

    @Test
    @WithMockUser(username = MITAN_USER, authorities = "GROUP_mitan")
    void verificationReadsTheRealStoreAndMovesTheRequestOnWhenAllIsThere() throws Exception {
        mvc.perform(upload("birth-report", "report.pdf", ContentTypesTest.PDF)).andExpect(status().isCreated());
        mvc.perform(upload("parent-id", "id.jpg", ContentTypesTest.JPEG)).andExpect(status().isCreated());

        String addressProof = requiredDocuments.forType(ProcessKeys.BIRTH_CERTIFICATE).stream()
                .filter(row -> row.documentType().equals("address-proof")).findFirst().orElseThrow().label();
        assertThat(verification.verify(request.getRequestNumber()))
                .containsExactly(addressProof + " is missing: scan and upload it.");
        assertThat(requests.findById(request.getId()).orElseThrow().getStatus())
                .isEqualTo(RequestStatus.MITAN_ASSIGNED);

        mvc.perform(upload("address-proof", "bill.png", ContentTypesTest.PNG)).andExpect(status().isCreated());

        assertThat(verification.verify(request.getRequestNumber())).isEmpty();
        assertThat(requests.findById(request.getId()).orElseThrow().getStatus())
                .isEqualTo(RequestStatus.DOCUMENTS_VERIFIED);
    }

    private RequestBuilder upload(String type, String name, byte[] bytes) {
        return multipart("/api/requests/{number}/documents", request.getRequestNumber())
                .file(file(name, bytes)).param("type", type);
    }

    private static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("file", name, "application/octet-stream", bytes);
    }

    private List<String> objectKeys() throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : s3.listObjects(ListObjectsArgs.builder().bucket(storage.bucket())
                .prefix("documents/" + request.getRequestNumber() + "/").recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }
}
