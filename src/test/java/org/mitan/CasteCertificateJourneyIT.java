package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitan.Scans.image;
import static org.mitan.Scans.pdf;
import static org.mitan.Scans.sha256;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.certificate.Certificate;
import org.mitan.certificate.CertificateRepository;
import org.mitan.delivery.DeliveryRepository;
import org.mitan.document.DocumentStore;
import org.mitan.request.RequestStatus;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.sms.SmsMessageRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A caste-certificate request from the call centre to the citizen's door, through the APIs as the demo users, on a
 * real PostgreSQL and a real S3 API server: the Mitan uploads the applicant's ID, the proof of residence and only
 * one of the two kinds of caste evidence (the gram sabha's declaration), which is enough; the clerk scrutinises, the
 * Revenue Inspector reports the field inquiry, the Tehsildar decides on it, and the certificate names the applicant.
 * Nothing in it is caste-specific Java: the same shared steps as the birth certificate, driven by the model and the
 * decision tables.
 */
@MitanIntegrationTest
class CasteCertificateJourneyIT {

    static final String CASTE = "caste-certificate";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    ServiceRequestRepository requests;
    @Autowired
    CertificateRepository certificates;
    @Autowired
    DeliveryRepository deliveries;
    @Autowired
    SmsMessageRepository outbox;
    @Autowired
    DocumentStore store;

    JourneySteps journey;

    @BeforeEach
    void journey() {
        journey = new JourneySteps(http, json, runtime, management);
    }

    @Test
    void casteCertificateFromCallToDoorWithOneOfTheTwoKindsOfEvidence() throws Exception {
        // The call centre registers the request; the type is offered because it is deployed with a service level.
        ResponseEntity<JsonNode> types = journey.as("callcentre").getForEntity("/engine-rest/process-definition"
                + "?key=caste-certificate&latestVersion=true&startableInTasklist=true", JsonNode.class);
        assertThat(types.getBody()).hasSize(1);
        ResponseEntity<JsonNode> registered = journey.as("callcentre").postForEntity("/api/requests", Map.of(
                "certificateType", CASTE, "bodyCode", "RPR", "ward", 22,
                "citizenName", "Ramkumar Dhruw", "citizenPhone", "+91 94252 10001",
                "address", "House 7, Kachna Basti, Raipur", "preferredVisitWindow", "AFTERNOON",
                "language", "hi"), JsonNode.class);
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        String number = journey.registeredAndVisitArranged(registered.getBody());

        // The Mitan of ward 22 visits; the checklist asks for one of the two kinds of caste evidence.
        JsonNode visit = journey.singleTask("mitan.raipur", "Task_VisitCitizen", number);
        assertThat(visit.path("assignee").asText()).isEqualTo("mitan.raipur");
        assertThat(journey.formText("mitan.raipur", visit, "documentChecklist"))
                .contains("- **Identity proof of the applicant** / आवेदक का पहचान पत्र (required): **not uploaded yet**")
                .contains("- One of: **Father's or ancestor's record showing the caste before the cut-off date")
                .contains(" or **Declaration of the ward or gram sabha (when no such record exists)**")
                .contains("(one of these is required): **not uploaded yet**");

        journey.upload("mitan.raipur", number, "applicant-id", "aadhaar.jpg", image("jpeg"), HttpStatus.CREATED);
        journey.upload("mitan.raipur", number, "residence-proof", "ration-card.png", image("png"),
                HttpStatus.CREATED);
        // The open visit's checklist is current after the uploads (as the form shows it when opened now).
        assertThat(journey.formText("mitan.raipur", visit, "documentChecklist"))
                .contains("- **Identity proof of the applicant** / आवेदक का पहचान पत्र (required): uploaded")
                .doesNotContain("Identity proof of the applicant** / आवेदक का पहचान पत्र (required): **not uploaded");
        byte[] declaration = pdf("Gram sabha declaration: the Dhruw family of Kachna is Gond");
        JsonNode declared = journey.upload("mitan.raipur", number, "community-declaration", "declaration.pdf",
                declaration, HttpStatus.CREATED);
        journey.submit("mitan.raipur", visit, Map.of("visitOutcome", "collected",
                "visitRemarks", "No old record in the family; the gram sabha's declaration instead"));
        journey.runJobs(number);
        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus())
                .as("one of the two kinds of evidence is enough").isEqualTo(RequestStatus.DOCUMENTS_VERIFIED);

        journey.submit("mitan.raipur", journey.singleTask("mitan.raipur", "Task_RecordParticulars", number), Map.of(
                "particular_applicantName", "Ramkumar Dhruw", "particular_fatherName", "Sukhram Dhruw",
                "particular_caste", "Gond", "particular_category", "ST",
                "particular_evidence", "Declaration of the ward or gram sabha"));
        assertThat(requests.findByRequestNumber(number).orElseThrow().getParticulars())
                .containsEntry("applicantName", "Ramkumar Dhruw").containsEntry("category", "ST")
                .containsEntry("evidence", "Declaration of the ward or gram sabha");

        // The clerk opens the declaration and accepts.
        JsonNode scrutiny = journey.claim("clerk.raipur", "Task_ScrutiniseDocuments", number);
        assertThat(journey.formText("clerk.raipur", scrutiny, "requestSummary"))
                .contains("Caste certificate", "- **Caste:** Gond", "- **Category:** ST",
                        "[Declaration of the ward or gram sabha (when no such record exists)"
                                + " / वार्ड या ग्राम सभा की घोषणा (जब ऐसा कोई अभिलेख न हो) (application/pdf");
        ResponseEntity<byte[]> scan = journey.as("clerk.raipur").getForEntity(
                "/api/documents/" + declared.path("id").asText() + "/content", byte[].class);
        assertThat(scan.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scan.getBody()).isEqualTo(declaration);
        journey.submit("clerk.raipur", scrutiny, Map.of("scrutinyOutcome", "accepted"));
        journey.runJobs(number);
        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus()).isEqualTo(RequestStatus.SUBMITTED);

        // The field inquiry is the Revenue Inspector's, not the clerk's or the Tehsildar's.
        assertThat(journey.tasks("clerk.raipur", "Task_FieldInquiry", number)).isEmpty();
        assertThat(journey.tasks("tehsildar.raipur", "Task_FieldInquiry", number)).isEmpty();
        JsonNode inquiry = journey.claim("inspector.raipur", "Task_FieldInquiry", number);
        assertThat(candidateGroups(inquiry)).containsExactly("revenue-inspector-RPR");
        assertThat(journey.formText("inspector.raipur", inquiry, "requestSummary"))
                .contains("- **Applicant name:** Ramkumar Dhruw", "- **Visit remarks:** No old record in the family");
        ResponseEntity<byte[]> inspected = journey.as("inspector.raipur").getForEntity(
                "/api/documents/" + declared.path("id").asText() + "/content", byte[].class);
        assertThat(inspected.getStatusCode()).isEqualTo(HttpStatus.OK);
        journey.submit("inspector.raipur", inquiry, Map.of("inquiryFinding", "supported",
                "inquiryRemarks", "Met the sarpanch and three neighbours; the family is Gond"));

        // The Tehsildar decides with the inquiry's finding in front of them.
        assertThat(journey.tasks("inspector.raipur", "Task_DecideApplication", number)).isEmpty();
        JsonNode decision = journey.claim("tehsildar.raipur", "Task_DecideApplication", number);
        assertThat(candidateGroups(decision)).containsExactly("tehsildar-RPR");
        assertThat(journey.formText("tehsildar.raipur", decision, "requestSummary"))
                .contains("#### Earlier findings and remarks", "- **Inquiry finding:** Supported",
                        "- **Inquiry remarks:** Met the sarpanch and three neighbours; the family is Gond");
        journey.submit("tehsildar.raipur", decision, Map.of("decision", "approved"));

        // The certificate names the applicant and the Tehsildar who approved it.
        journey.runJobs(number);
        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        Certificate certificate = certificates.findByRequestId(request.getId()).orElseThrow();
        assertThat(certificate.getCertificateNumber()).matches("RPR/CASTE/\\d{4}/\\d{6}");
        assertThat(certificate.getCertificateType()).isEqualTo(CASTE);
        assertThat(certificate.getHolderName()).isEqualTo("Ramkumar Dhruw");
        try (InputStream stored = store.open(certificate.getObjectKey()).orElseThrow()) {
            assertThat(sha256(stored.readAllBytes())).isEqualTo(certificate.getSha256());
        }
        ResponseEntity<byte[]> download = journey.as("tehsildar.raipur").getForEntity(
                "/api/certificates/" + certificate.getCertificateNumber() + "/pdf", byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> verified = http.getForEntity("/verify/" + certificate.getVerificationCode(),
                JsonNode.class);
        assertThat(verified.getBody().path("valid").asBoolean()).isTrue();
        assertThat(verified.getBody().path("serviceName").asText()).isEqualTo("Caste certificate");

        // The Mitan hands it over with the citizen's OTP.
        JsonNode delivery = journey.singleTask("mitan.raipur", "Task_DeliverCertificate", number);
        journey.submit("mitan.raipur", delivery, Map.of("deliveryOtp", JourneySteps.latestOtp(outbox, request.getId())));
        assertThat(deliveries.findByRequestId(request.getId()).orElseThrow().getDeliveredAt()).isNotNull();

        ResponseEntity<JsonNode> status = journey.as("callcentre").getForEntity("/api/requests/" + number,
                JsonNode.class);
        assertThat(status.getBody().path("status").asText()).isEqualTo("DELIVERED");
        assertThat(status.getBody().path("milestones").findValuesAsText("milestone"))
                .contains("REGISTERED", "MITAN_ASSIGNED", "DOCUMENTS_VERIFIED", "PARTICULARS_RECORDED",
                        "UNDER_SCRUTINY", "SUBMITTED", "APPROVED", "CERTIFICATE_ISSUED", "OUT_FOR_DELIVERY",
                        "DELIVERED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    private List<String> candidateGroups(JsonNode task) {
        return JourneySteps.candidateGroups(taskService, task);
    }
}
