package org.mitan.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.certificate.Certificate;
import org.mitan.certificate.CertificateRepository;
import org.mitan.certificate.Corrections;
import org.mitan.document.Document;
import org.mitan.document.DocumentRepository;
import org.mitan.document.DocumentReturn;
import org.mitan.document.DocumentReturnRepository;
import org.mitan.document.DocumentReturns;
import org.mitan.document.RequiredDocument;
import org.mitan.document.RequiredDocuments;
import org.mitan.intake.Fixtures;
import org.mitan.intake.Scopes;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.catalogue.Catalogue;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;

class RequestSummariesTest {

    private static final UUID BIRTH_REPORT = UUID.fromString("6f1c2a52-2c1f-4a7e-9d1b-0a6f7f1f2b01");
    private static final UUID PARENT_ID = UUID.fromString("0b7e8a11-5d4c-4f0e-8a0b-3c2d1e0f9a02");

    private final Requests requests = mock(Requests.class);
    private final Catalogue types = mock(Catalogue.class);
    private final UrbanBodyRepository bodies = mock(UrbanBodyRepository.class);
    private final DocumentRepository documents = mock(DocumentRepository.class);
    private final DocumentReturnRepository returns = mock(DocumentReturnRepository.class);
    private final RequiredDocuments requiredDocuments = mock(RequiredDocuments.class);
    private final CertificateRepository certificates = mock(CertificateRepository.class);
    private final Corrections corrections = mock(Corrections.class);
    private final RequestSummaries summaries = new RequestSummaries(requests, types, bodies, documents, returns,
            requiredDocuments, certificates, corrections);
    private final ServiceRequest request = Fixtures.request(9, "RPR-2026-000009");

    @BeforeEach
    void setUp() {
        Map<String, Object> particulars = new LinkedHashMap<>();
        particulars.put("childName", "Riya");
        particulars.put("dateOfBirth", "2026-04-20");
        request.setParticulars(particulars);
        when(requests.require("RPR-2026-000009")).thenReturn(request);
        when(types.type("birth-certificate")).thenReturn(Optional.of(Fixtures.BIRTH));
        when(bodies.findById("RPR")).thenReturn(Optional.of(Fixtures.raipur()));
        when(documents.findByRequestIdOrderByUploadedAtAsc(9L)).thenReturn(List.of(
                document(BIRTH_REPORT, "birth-report", "application/pdf", 1536),
                document(PARENT_ID, "parent-id", "image/jpeg", 2_621_440)));
        when(certificates.findByRequestId(9L)).thenReturn(Optional.empty());
        when(requiredDocuments.forType("birth-certificate")).thenReturn(List.of(
                new RequiredDocument("birth-report", "Birth report from the hospital", "जन्म रिपोर्ट", true, ""),
                new RequiredDocument("parent-id", "Parent's identity proof", "माता-पिता का पहचान पत्र", true, "")));
    }

    @Test
    void showsTheRequestItsParticularsAndLinksToEachScan() {
        String markdown = summaries.markdown("RPR-2026-000009", Map.of());

        assertThat(markdown).contains("RPR-2026-000009", "Birth certificate", "Raipur (रायपुर, RPR), ward (वार्ड) 12",
                "Asha Verma", "12 Station Road, Raipur", "Morning (सुबह)",
                "- **Citizen (नागरिक):** ", "#### Particulars (विवरण)", "#### Documents (दस्तावेज़)",
                "- **Child name:** Riya\n- **Date of birth:** 2026-04-20\n",
                "[Birth report from the hospital / जन्म रिपोर्ट (application/pdf, 1.5 KB)](/api/documents/"
                        + BIRTH_REPORT + "/content)",
                "[Parent's identity proof / माता-पिता का पहचान पत्र (image/jpeg, 2.5 MB)](/api/documents/"
                        + PARENT_ID + "/content)");
        assertThat(markdown).doesNotContain("/api/certificates/", "Earlier findings and remarks", "9876543210");
    }

    /**
     * After a return, the clerk's second scrutiny tells the scans apart: the new scan of a returned document is marked
     * new, the one it replaced is kept and marked replaced, and the others are as they were.
     */
    @Test
    void afterAReturnTheNewScanIsMarkedNewAndTheOneItReplacedIsKeptAndMarked() {
        UUID newParentId = UUID.fromString("0b7e8a11-5d4c-4f0e-8a0b-3c2d1e0f9a03");
        Instant returnedAt = Instant.parse("2026-05-03T05:00:00Z");
        when(documents.findByRequestIdOrderByUploadedAtAsc(9L)).thenReturn(List.of(
                document(BIRTH_REPORT, "birth-report", "application/pdf", 1536),
                document(PARENT_ID, "parent-id", "image/jpeg", 2_621_440),
                new Document(newParentId, 9L, "parent-id", "documents/RPR-2026-000009/" + newParentId,
                        "c".repeat(64), 2048, "image/jpeg", "mitan1", returnedAt.plusSeconds(86_400))));
        when(returns.findByRequestIdOrderByReturnedAtAsc(9L))
                .thenReturn(List.of(new DocumentReturn(9L, List.of("parent-id"), "clerk1", returnedAt)));

        String markdown = summaries.markdown("RPR-2026-000009", Map.of());

        assertThat(markdown).contains("Returned to the Mitan on 3 May 2026, 10:30 IST; the scans taken since are"
                + " marked new.",
                "(/api/documents/" + BIRTH_REPORT + "/content)\n",
                "(/api/documents/" + PARENT_ID + "/content) — Replaced: returned, and a new scan was taken"
                        + " (बदला गया)\n",
                "(/api/documents/" + newParentId + "/content) — **New: taken after the return (नया)**\n");
    }

    @Test
    void theOfficerSeesTheServiceNameWhileTheTypeTakesNoNewRequests() {
        when(types.find("birth-certificate")).thenReturn(Optional.empty());   // its process suspended

        assertThat(summaries.markdown("RPR-2026-000009", Map.of()))
                .startsWith("### Request RPR-2026-000009: Birth certificate\n");
    }

    @Test
    void aScanOfATypeTheDecisionNoLongerListsKeepsItsTypeAsName() {
        when(requiredDocuments.forType("birth-certificate")).thenReturn(List.of(
                new RequiredDocument("birth-report", "Birth report from the hospital", "", true, "")));

        assertThat(summaries.markdown("RPR-2026-000009", Map.of()))
                .contains("[Birth report from the hospital (application/pdf", "[parent-id (image/jpeg");
    }

    @Test
    void showsEarlierRemarks() {
        String markdown = summaries.markdown("RPR-2026-000009", Map.of("scrutinyRemarks", "Parent ID is blurred",
                "visitRemarks", "Citizen was\nout"));

        assertThat(markdown).contains("#### Earlier findings and remarks (पहले के निष्कर्ष और टिप्पणियाँ)\n\n"
                + "- **Scrutiny remarks:** Parent ID is blurred\n- **Visit remarks:** Citizen was out\n");
    }

    @Test
    void showsEveryFindingAndRemarkOfEarlierStepsWhateverTheStepIsCalled() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("visitRemarks", "All originals seen");
        variables.put("inquiryRemarks", "Neighbours and the ward member confirm the community");
        variables.put("inquiryFinding", "notSupported");
        variables.put("hearingFinding", "Claim upheld on appeal");
        variables.put("scrutinyRemarks", " ");
        variables.put("decisionReason", "not a finding");
        variables.put("requestNumber", "RPR-2026-000009");
        variables.put("officerDueDays", 5);
        variables.put("Remarks", "no step named");

        String markdown = summaries.markdown("RPR-2026-000009", variables);

        assertThat(markdown).contains("""
                #### Earlier findings and remarks (पहले के निष्कर्ष और टिप्पणियाँ)

                - **Hearing finding:** Claim upheld on appeal
                - **Inquiry finding:** Not supported
                - **Inquiry remarks:** Neighbours and the ward member confirm the community
                - **Visit remarks:** All originals seen
                """).doesNotContain("Scrutiny remarks", "not a finding", "no step named", "Officer due days");
    }

    @Test
    void aFindingOrRemarkCannotBecomeALinkEitherByItsValueOrItsName() {
        String markdown = summaries.markdown("RPR-2026-000009", Map.of("inquiryRemarks", "[see](http://evil.example)",
                "x[y](http://evil.example)Remarks", "text"));

        assertThat(markdown).doesNotContain("[see](http://evil.example)", "[y](http://evil.example)")
                .contains("\\[see\\](http\\://evil\\.example)");
    }

    @Test
    void linksTheCertificateOnceIssuedWithTheSlashesOfItsNumberAsTheyAre() {
        when(certificates.findByRequestId(9L)).thenReturn(Optional.of(new Certificate("RPR/BIRTH/2026/000001", 9L,
                "RPR", "birth-certificate", "Riya", Instant.parse("2026-05-10T05:00:00Z"), "certificates/x.pdf",
                "a".repeat(64), "verification-code")));

        assertThat(summaries.markdown("RPR-2026-000009", Map.of()))
                .contains("[RPR/BIRTH/2026/000001 (PDF)](/api/certificates/RPR/BIRTH/2026/000001/pdf)")
                .doesNotContain("%2F");
    }

    @Test
    void whatIsNotSafeInAPathIsStillEncodedSegmentBySegment() {
        assertThat(RequestSummaries.certificatePdfPath("RPR/BIRTH 2026/000001"))
                .isEqualTo("/api/certificates/RPR/BIRTH%202026/000001/pdf");
    }

    @Test
    void saysSoWhenNothingIsThereYet() {
        request.setParticulars(Map.of());
        when(documents.findByRequestIdOrderByUploadedAtAsc(9L)).thenReturn(List.of());

        assertThat(summaries.markdown("RPR-2026-000009", Map.of()))
                .contains("None recorded yet. (अभी कुछ दर्ज नहीं।)", "None uploaded yet. (अभी कुछ अपलोड नहीं।)");
    }

    @Test
    void whatACitizenSaidCannotBecomeALink() {
        request.setParticulars(Map.of("fatherName", "[click](http://evil.example)"));

        String markdown = summaries.markdown("RPR-2026-000009", Map.of());

        assertThat(markdown).contains("\\[click\\](http\\://evil\\.example)")
                .doesNotContain("[click](http://evil.example)");
    }

    /** Markdown makes bare addresses links and images of {@code ![](...)}: none of it from what people typed. */
    @Test
    void aRemarkCannotBecomeAnAutomaticLinkAnImageOrHtml() {
        String markdown = summaries.markdown("RPR-2026-000009", Map.of("scrutinyRemarks",
                "see https://evil.example/x or www.evil.example or help@evil.example ![i](https://evil.example/i.png)"
                        + " <img src=x> &lt;b&gt;"));

        assertThat(markdown).contains("https\\://evil\\.example/x", "www\\.evil\\.example",
                        "help\\@evil\\.example", "\\!\\[i\\](https\\://", "\\<img src=x\\>", "\\&lt;b\\&gt;")
                .doesNotContain("https://", "www.evil", "help@evil");
    }

    @Test
    void theListenerPutsTheSummaryOnTheTask() {
        Map<String, Object> processScope = new HashMap<>(Map.of("requestNumber", "RPR-2026-000010",
                "scrutinyRemarks", "Address proof missing"));
        Map<String, Object> taskScope = new HashMap<>();

        DocumentReturns documentReturns = mock(DocumentReturns.class);
        when(documentReturns.returnable("RPR-2026-000009"))
                .thenReturn(List.of(Map.of("label", "Birth report / जन्म रिपोर्ट", "value", "birth-report")));

        DelegateTask scrutiny = Scopes.task(TaskListener.EVENTNAME_CREATE, taskScope,
                Scopes.execution("RPR-2026-000009", processScope));
        when(scrutiny.getBpmnModelElementInstance()).thenReturn(userTaskWithForm("document-scrutiny"));
        new RequestSummaryListener(summaries, documentReturns).notify(scrutiny);

        assertThat((String) taskScope.get("requestSummary")).contains("RPR-2026-000009", "Address proof missing")
                .doesNotContain("RPR-2026-000010");
        assertThat(processScope).doesNotContainKey("requestSummary");
        // The choices of the documents a return names, as a Camunda Form's valuesKey reads them.
        assertThat(taskScope.get("returnableDocuments").toString()).startsWith("[{").endsWith("}]")
                .contains("\"label\":\"Birth report / जन्म रिपोर्ट\"", "\"value\":\"birth-report\"");
        assertThat(processScope).doesNotContainKey("returnableDocuments");
    }

    /** Only the scrutiny form offers a return: a decision's task carries the summary and no choices. */
    @Test
    void theListenerGivesTheChoicesOfAReturnOnlyToATaskOfTheScrutinyForm() {
        Map<String, Object> taskScope = new HashMap<>();
        DocumentReturns documentReturns = mock(DocumentReturns.class);
        DelegateTask decision = Scopes.task(TaskListener.EVENTNAME_CREATE, taskScope,
                Scopes.execution("RPR-2026-000009", new HashMap<>()));
        when(decision.getBpmnModelElementInstance()).thenReturn(userTaskWithForm("authority-decision"));

        new RequestSummaryListener(summaries, documentReturns).notify(decision);

        assertThat(taskScope).containsKey("requestSummary").doesNotContainKey("returnableDocuments");
        verifyNoInteractions(documentReturns);
    }

    private static UserTask userTaskWithForm(String form) {
        return Bpmn.createExecutableProcess("p").startEvent().userTask("Task_Test").camundaFormRef(form).endEvent()
                .done().getModelElementById("Task_Test");
    }

    @Test
    void sizesReadLikeAPersonWouldSayThem() {
        assertThat(RequestSummaries.size(900)).isEqualTo("900 bytes");
        assertThat(RequestSummaries.size(10_240)).isEqualTo("10.0 KB");
        assertThat(RequestSummaries.size(3_145_728)).isEqualTo("3.0 MB");
    }

    private static Document document(UUID id, String type, String contentType, long size) {
        return new Document(id, 9L, type, "documents/RPR-2026-000009/" + id, "b".repeat(64), size, contentType,
                "mitan1", Instant.parse("2026-05-02T05:00:00Z"));
    }
}
