package org.mitan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.Names;
import org.mitan.catalogue.Step;
import org.mitan.catalogue.TestTypes;
import org.mitan.certificate.Certificate;
import org.mitan.certificate.CertificateRepository;
import org.mitan.document.Document;
import org.mitan.document.DocumentRepository;
import org.mitan.document.DocumentReturn;
import org.mitan.document.DocumentReturnRepository;
import org.mitan.document.RequiredDocument;
import org.mitan.document.RequiredDocuments;
import org.mitan.mitan.Mitan;
import org.mitan.mitan.MitanRepository;
import org.mitan.process.OverdueSteps;
import org.mitan.process.SmsTemplates;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;
import org.mitan.sms.SmsTexts;
import org.springframework.test.util.ReflectionTestUtils;

class SmsParametersTest {

    private static final Instant NOW = Instant.parse("2026-05-01T04:30:00Z");

    private final MitanRepository mitans = mock(MitanRepository.class);
    private final CertificateRepository certificates = mock(CertificateRepository.class);
    private final DocumentRepository documents = mock(DocumentRepository.class);
    private final DocumentReturnRepository returns = mock(DocumentReturnRepository.class);
    private final RequiredDocuments requiredDocuments = mock(RequiredDocuments.class);
    private final Catalogue catalogue = mock(Catalogue.class);
    private final SmsParameters parameters = new SmsParameters(new SmsTexts(), mitans, certificates, documents,
            returns, requiredDocuments, catalogue, "https://mitan.cg.gov.in/");
    private final Map<String, Object> variables = new HashMap<>();
    private final Function<String, Object> lookup = variables::get;

    private ServiceRequest request;

    @BeforeEach
    void setUp() {
        request = new ServiceRequest("RPR-2026-000042", "birth-certificate", "RPR", 12, "Ramesh Verma", "9876543210",
                "Ward 12, Raipur", VisitWindow.AFTERNOON, "hi", "fb-Code_123", NOW);
        ReflectionTestUtils.setField(request, "id", 42L);
        when(requiredDocuments.forType("birth-certificate")).thenReturn(List.of(
                new RequiredDocument("birth-report", "Birth report from the hospital", "अस्पताल की जन्म रिपोर्ट",
                        true, ""),
                new RequiredDocument("parent-id", "Parent's ID", "माता-पिता का पहचान पत्र", true, null),
                new RequiredDocument("address-proof", "Address proof", "", true, ""),
                new RequiredDocument("ration-card", "Ration card", "राशन कार्ड", true, "residence"),
                new RequiredDocument("electricity-bill", "Electricity bill", "बिजली बिल", true, "residence"),
                new RequiredDocument("late-registration-affidavit", "Affidavit", "शपथ पत्र", false, "")));
        when(catalogue.type("birth-certificate")).thenReturn(Optional.of(new CertificateType("birth-certificate",
                new Names("Birth certificate", "जन्म प्रमाण पत्र"), new Names("Registrar", "रजिस्ट्रार"), "childName", 7, 3,
                Map.of("Task_ScrutiniseDocuments", new Step("Task_ScrutiniseDocuments", "clerk", 2,
                        new Names("Scrutinise the documents", "दस्तावेज़ों की जाँच करें"))))));
    }

    private void uploaded(String... types) {
        List<Document> docs = java.util.Arrays.stream(types)
                .map(type -> new Document(UUID.randomUUID(), 42L, type, "documents/x/" + type, "0".repeat(64), 10,
                        "application/pdf", "mitan1", NOW))
                .toList();
        when(documents.findByRequestIdOrderByUploadedAtAsc(42L)).thenReturn(docs);
    }

    @Test
    void gathersTheRequestItsMitanAndItsCertificateInTheCitizensLanguage() {
        request.setMitanId(5L);
        when(mitans.findById(5L)).thenReturn(Optional.of(new Mitan("RPR", "Sunita Sahu", "9123456780", "sunita",
                java.util.Set.of(12))));
        when(certificates.findByRequestId(42L)).thenReturn(Optional.of(new Certificate("RPR-BC-2026-000007", 42L,
                "RPR", "birth-certificate", "Baby Verma", NOW, "certificates/abc.pdf", "a".repeat(64),
                "VeRiFy12345678")));

        Map<String, Object> params = parameters.gather(request, SmsTemplates.CERTIFICATE_ISSUED, "hi", lookup);

        assertThat(params)
                .containsEntry("requestNumber", "RPR-2026-000042")
                .containsEntry("serviceName", "जन्म प्रमाण पत्र")
                .containsEntry("visitWindow", "दोपहर 12 से 4 बजे के बीच")
                .containsEntry("mitanName", "Sunita Sahu")
                .containsEntry("mitanPhone", "9123456780")
                .containsEntry("certificateNumber", "RPR-BC-2026-000007")
                .containsEntry("verifyUrl", "https://mitan.cg.gov.in/verify/VeRiFy12345678")
                .containsEntry("feedbackUrl", "https://mitan.cg.gov.in/feedback/fb-Code_123")
                .containsEntry("statusUrl", "https://mitan.cg.gov.in/status/" + request.getStatusCode())
                .doesNotContainKeys("reason", "taskName", "documents", "otp");
        assertThat(request.getStatusCode()).as("the status link's code").matches("[0-9a-f]{24}")
                .doesNotContain("fb-Code_123");
        assertThat(parameters.gather(request, SmsTemplates.MITAN_ASSIGNED, "en", lookup))
                .containsEntry("serviceName", "Birth certificate")
                .containsEntry("visitWindow", "afternoon (12 noon to 4 pm)");
    }

    @Test
    void leavesOutWhatIsNotKnownYet() {
        Map<String, Object> params = parameters.gather(request, SmsTemplates.REQUEST_REGISTERED, "en", lookup);

        assertThat(params).doesNotContainKeys("mitanName", "mitanPhone", "certificateNumber", "verifyUrl");
    }

    @Test
    void takesTheCertificateNumberFromTheProcessBeforeTheRowExists() {
        variables.put("certificateNumber", "RPR-BC-2026-000008");

        assertThat(parameters.gather(request, SmsTemplates.CERTIFICATE_ISSUED, "en", lookup))
                .containsEntry("certificateNumber", "RPR-BC-2026-000008")
                .doesNotContainKey("verifyUrl");
    }

    /** The clerk's remark goes to the citizen's phone: as plain words, never as a link from the government. */
    @Test
    void aTypedReasonGoesInAsPlainTextWithoutLinksOrMarkdown() {
        variables.put("scrutinyRemarks", "Re-upload at [portal](https://evil.example/x)\n**today**\u0007");

        assertThat(parameters.gather(request, SmsTemplates.DOCUMENTS_RETURNED, "en", lookup))
                .containsEntry("reason", "Re-upload at portal (link removed); today");
    }

    @Test
    void theReasonDependsOnTheTemplate() {
        variables.put("scrutinyRemarks", "Parent's ID is unreadable");
        assertThat(parameters.gather(request, SmsTemplates.DOCUMENTS_RETURNED, "en", lookup))
                .containsEntry("reason", "Parent's ID is unreadable");
        assertThat(parameters.gather(request, SmsTemplates.REJECTED, "en", lookup)).doesNotContainKey("reason");

        variables.put("submissionRejection", "Duplicate application SW-991");
        assertThat(parameters.gather(request, SmsTemplates.REJECTED, "en", lookup))
                .containsEntry("reason", "Duplicate application SW-991");

        variables.put("decisionReason", "Birth not in this municipal area");
        assertThat(parameters.gather(request, SmsTemplates.REJECTED, "en", lookup))
                .containsEntry("reason", "Birth not in this municipal area");
        assertThat(parameters.gather(request, SmsTemplates.DOCUMENTS_RETURNED, "en", lookup))
                .containsEntry("reason", "Parent's ID is unreadable");
    }

    @Test
    void listsTheRequiredDocumentsNotYetUploadedInTheCitizensLanguage() {
        uploaded("birth-report", "late-registration-affidavit");

        assertThat(parameters.gather(request, SmsTemplates.DOCUMENTS_MISSING, "en", lookup))
                .containsEntry("documents", "Parent's ID, Address proof, Ration card or Electricity bill");
        assertThat(parameters.gather(request, SmsTemplates.DOCUMENTS_MISSING, "hi", lookup))
                .containsEntry("documents", "माता-पिता का पहचान पत्र, Address proof, राशन कार्ड या बिजली बिल");
    }

    @Test
    void oneDocumentOfAGroupIsEnough() {
        uploaded("parent-id", "address-proof", "electricity-bill");

        assertThat(parameters.gather(request, SmsTemplates.DOCUMENTS_MISSING, "en", lookup))
                .containsEntry("documents", "Birth report from the hospital");
    }

    /** A document the office returned is to be kept ready again until a new scan of it is in. */
    @Test
    void aDocumentTheOfficeReturnedIsListedUntilItIsTakenAgain() {
        uploaded("birth-report", "parent-id", "address-proof", "ration-card");
        when(returns.findByRequestIdOrderByReturnedAtAsc(42L)).thenReturn(List.of(new DocumentReturn(42L,
                List.of("parent-id", "ration-card"), "clerk.raipur", NOW.plusSeconds(60))));

        assertThat(parameters.gather(request, SmsTemplates.DOCUMENTS_MISSING, "en", lookup))
                .containsEntry("documents", "Parent's ID, Ration card or Electricity bill");
    }

    @Test
    void withEverythingUploadedTheDocumentsAreTheProblemsThenTheRemarks() {
        uploaded("birth-report", "parent-id", "address-proof", "ration-card");
        variables.put("visitRemarks", "Original hospital slip needed");
        assertThat(parameters.gather(request, SmsTemplates.DOCUMENTS_MISSING, "en", lookup))
                .containsEntry("documents", "Original hospital slip needed");

        variables.put("documentProblems", "parent-id: the scan is empty\n");
        assertThat(parameters.gather(request, SmsTemplates.DOCUMENTS_MISSING, "en", lookup))
                .containsEntry("documents", "parent-id: the scan is empty");

        variables.clear();
        assertThat(parameters.gather(request, SmsTemplates.DOCUMENTS_MISSING, "hi", lookup))
                .containsEntry("documents", "मितान द्वारा बताए गए दस्तावेज़");
    }

    @Test
    void looksUpTheMitanAndTheCertificateOnlyForTextsThatNameThem() {
        request.setMitanId(5L);

        assertThat(parameters.gather(request, SmsTemplates.SUBMITTED, "hi", lookup))
                .containsEntry("serviceName", "जन्म प्रमाण पत्र");

        verify(mitans, never()).findById(any());
        verify(certificates, never()).findByRequestId(any());
    }

    @Test
    void asksTheDecisionOnlyForTextsThatListDocuments() {
        parameters.gather(request, SmsTemplates.SUBMITTED, "en", lookup);

        verify(requiredDocuments, never()).forType(anyString());
    }

    @Test
    void aTypeIsNamedByItsTablesInTheLanguageOfTheSmsAndByItsKeyOnceItsTablesAreGone() {
        ServiceRequest caste = new ServiceRequest("RPR-2026-000043", "caste-certificate", "RPR", 3, "A B",
                "9876543210", "Raipur", VisitWindow.EVENING, "en", "fb2", NOW);
        variables.put("serviceName", "What a form submitted");

        assertThat(parameters.gather(caste, SmsTemplates.SUBMITTED, "en", lookup))
                .containsEntry("serviceName", "caste certificate");
        when(catalogue.type("caste-certificate")).thenReturn(Optional.of(TestTypes.type("caste-certificate",
                "Caste certificate", "Revenue")));
        assertThat(parameters.gather(caste, SmsTemplates.SUBMITTED, "en", lookup))
                .containsEntry("serviceName", "Caste certificate");
    }

    @Test
    void anOverdueStepIsNamedByTheTypesStepsTableInTheLanguageOfTheSms() {
        variables.put("taskName", "What a form submitted");
        variables.put(SmsParameters.TASK_STEP, "Task_ScrutiniseDocuments");

        assertThat(parameters.gather(request, SmsTemplates.TASK_OVERDUE, "hi", lookup))
                .containsEntry("taskName", "दस्तावेज़ों की जाँच करें");
        assertThat(parameters.gather(request, SmsTemplates.TASK_OVERDUE, "en", lookup))
                .containsEntry("taskName", "Scrutinise the documents");
        variables.put(SmsParameters.TASK_STEP, OverdueSteps.WHOLE_SERVICE);
        assertThat(parameters.gather(request, SmsTemplates.TASK_OVERDUE, "hi", lookup))
                .containsEntry("taskName", "सेवा की कानूनी समय-सीमा");
    }
}
