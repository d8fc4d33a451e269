package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.certificate.Certificate;
import org.mitan.certificate.CertificateRepository;
import org.mitan.delivery.Delivery;
import org.mitan.delivery.DeliveryRepository;
import org.mitan.document.DocumentRepository;
import org.mitan.document.DocumentStore;
import org.mitan.numbering.StateCalendar;
import org.mitan.request.RequestMilestoneRepository;
import org.mitan.request.RequestStatus;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.singlewindow.SubmissionRepository;
import org.mitan.sms.SmsMessage;
import org.mitan.sms.SmsMessageRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A birth-certificate request taken from the call centre to the citizen's door as the users would: through the
 * application's API and Camunda's REST API, each step done by the demo user of the right role, on a real
 * PostgreSQL and a real S3 API server. Only the asynchronous jobs are run by the test (the job executor is off):
 * document verification after the visit, the single-window submission and the certificate.
 * <p>
 * And what a task worker cannot do by submitting extra variables with a form: act on another citizen's request,
 * change the certificate type, or choose who decides.
 */
@MitanIntegrationTest
class BirthCertificateJourneyIT {


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
    RequestMilestoneRepository milestones;
    @Autowired
    DocumentRepository documents;
    @Autowired
    SubmissionRepository submissions;
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

    JourneySteps steps;

    @BeforeEach
    void steps() {
        steps = new JourneySteps(http, json, runtime, management);
    }

    @Test
    void birthCertificateFromCallToDoor() throws Exception {
        // The call centre finds the type among those on offer (whatever else other tests deployed).
        ResponseEntity<JsonNode> types = steps.as("callcentre").getForEntity("/api/certificate-types", JsonNode.class);
        assertThat(types.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(types.getBody().findValuesAsText("key")).contains("birth-certificate");
        assertThat(types.getBody().findValuesAsText("serviceName")).contains("Birth certificate");

        // Call centre registers the request.
        ResponseEntity<JsonNode> registered = steps.as("callcentre").postForEntity("/api/requests", Map.of(
                "certificateType", "birth-certificate", "bodyCode", "RPR", "ward", 12,
                "citizenName", "Lakshmi Yadav", "citizenPhone", "+91 98765 43210",
                "address", "House 14, Gandhi Chowk, Raipur", "preferredVisitWindow", "MORNING",
                "language", "en"), JsonNode.class);
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = registered.getBody().path("requestNumber").asText();
        assertThat(number).matches("RPR-\\d{4}-\\d{6}");
        // The call is answered once the request is registered; the visit is arranged after it, by the job executor.
        assertThat(steps.tasks("mitan.raipur", "Task_VisitCitizen", number)).isEmpty();
        assertThat(outbox.findByRequestIdOrderByIdAsc(requests.findByRequestNumber(number).orElseThrow().getId()))
                .extracting(SmsMessage::getTemplate).containsExactly("REQUEST_REGISTERED");
        steps.registeredAndVisitArranged(registered.getBody());

        // The Mitan serving ward 12 has the visit.
        JsonNode visit = steps.singleTask("mitan.raipur", "Task_VisitCitizen", number);
        assertThat(visit.path("assignee").asText()).isEqualTo("mitan.raipur");

        // The Mitan uploads real scans from the tablet; the same file twice is accepted once.
        byte[] birthReport = Scans.pdf("Birth report from District Hospital Raipur");
        JsonNode uploaded = steps.upload("mitan.raipur", number, "birth-report", "birth-report.pdf", birthReport,
                HttpStatus.CREATED);
        JsonNode again = steps.upload("mitan.raipur", number, "birth-report", "birth-report.pdf", birthReport,
                HttpStatus.OK);
        assertThat(again.path("id").asText()).isEqualTo(uploaded.path("id").asText());
        assertThat(uploaded.path("sha256").asText()).isEqualTo(Scans.sha256(birthReport));
        steps.upload("mitan.raipur", number, "parent-id", "aadhaar.jpg", Scans.image("jpeg"), HttpStatus.CREATED);
        steps.upload("mitan.raipur", number, "address-proof", "ration-card.png", Scans.image("png"),
                HttpStatus.CREATED);
        // Another body's Mitan may not upload to this request, nor learn that it exists.
        ResponseEntity<String> intruder = steps.uploadRaw("mitan.korba", number, "parent-id", "x.png",
                Scans.image("png"));
        assertThat(intruder.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        steps.submit("mitan.raipur", visit, Map.of("visitOutcome", "collected", "visitRemarks", "All originals seen"));
        // The scans are read back from the store by a job, after the Mitan's form is saved.
        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus())
                .isEqualTo(RequestStatus.MITAN_ASSIGNED);
        steps.runJobs(number);
        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus())
                .isEqualTo(RequestStatus.DOCUMENTS_VERIFIED);
        // Verified documents take no new scan: it would reach the clerk unverified.
        assertThat(steps.uploadRaw("mitan.raipur", number, "parent-id", "late.png", Scans.image("png")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        JsonNode particulars = steps.singleTask("mitan.raipur", "Task_RecordParticulars", number);
        // A birth date after today (in India) is refused by the server too, naming the field; nothing is stored.
        Map<String, Object> before = requests.findByRequestNumber(number).orElseThrow().getParticulars();
        String tomorrow = StateCalendar.dateOf(Instant.now()).plusDays(1).toString();
        Map<String, Object> filledIn = new HashMap<>(Map.of(
                "particular_childName", "Aarav Yadav", "particular_sex", "Male",
                "particular_dateOfBirth", daysAgo(3), "particular_placeOfBirth", "District Hospital, Raipur",
                "particular_motherName", "Lakshmi Yadav", "particular_fatherName", "Suresh Yadav",
                "particular_informantName", "Suresh Yadav", "particular_informantRelation", "father"));
        Map<String, Object> bornTomorrow = new HashMap<>(filledIn);
        bornTomorrow.put("particular_dateOfBirth", tomorrow);
        ResponseEntity<String> future = steps.submitRaw("mitan.raipur", particulars, bornTomorrow);
        assertThat(future.getStatusCode()).as(future.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody()).contains("particular_dateOfBirth cannot be a date after today");
        assertThat(requests.findByRequestNumber(number).orElseThrow().getParticulars()).isEqualTo(before);
        steps.submit("mitan.raipur", particulars, filledIn);
        assertThat(requests.findByRequestNumber(number).orElseThrow().getParticulars())
                .containsEntry("childName", "Aarav Yadav");

        // The clerk sees the scans and accepts.
        JsonNode scrutiny = steps.claim("clerk.raipur", "Task_ScrutiniseDocuments", number);
        ResponseEntity<byte[]> scan = steps.as("clerk.raipur").getForEntity(
                "/api/documents/" + uploaded.path("id").asText() + "/content", byte[].class);
        assertThat(scan.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scan.getBody()).isEqualTo(birthReport);
        steps.submit("clerk.raipur", scrutiny, Map.of("scrutinyOutcome", "accepted"));

        // Single-window submission runs asynchronously.
        steps.runJobs(number);

        // The Registrar approves.
        JsonNode decision = steps.claim("registrar.raipur", "Task_DecideApplication", number);
        steps.submit("registrar.raipur", decision, Map.of("decision", "approved"));

        // The certificate is issued asynchronously.
        steps.runJobs(number);
        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        Certificate certificate = certificates.findByRequestId(request.getId()).orElseThrow();
        try (InputStream stored = store.open(certificate.getObjectKey()).orElseThrow()) {
            byte[] pdf = stored.readAllBytes();
            assertThat(Scans.sha256(pdf)).isEqualTo(certificate.getSha256());
            assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        }
        ResponseEntity<byte[]> download = steps.as("registrar.raipur").getForEntity(
                "/api/certificates/" + certificate.getCertificateNumber() + "/pdf", byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Scans.sha256(download.getBody())).isEqualTo(certificate.getSha256());

        // Anyone can verify it, and learns nothing more than needed.
        ResponseEntity<JsonNode> verified = http.getForEntity("/verify/" + certificate.getVerificationCode(),
                JsonNode.class);
        assertThat(verified.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(verified.getBody().path("valid").asBoolean()).isTrue();
        assertThat(verified.getBody().path("certificateNumber").asText())
                .isEqualTo(certificate.getCertificateNumber());
        assertThat(verified.getBody().path("issuedBy").asText()).isEqualTo("Raipur Municipal Corporation");
        assertThat(verified.getBody().toString()).doesNotContain("Lakshmi").doesNotContain("9876543210");

        // Home delivery: a wrong OTP is refused, the citizen's OTP completes it.
        JsonNode delivery = steps.singleTask("mitan.raipur", "Task_DeliverCertificate", number);
        String otp = JourneySteps.latestOtp(outbox, request.getId());
        String wrongOtp = String.format("%06d", (Integer.parseInt(otp) + 1) % 1_000_000);
        ResponseEntity<String> wrong = steps.submitRaw("mitan.raipur", delivery, Map.of("deliveryOtp", wrongOtp));
        assertThat(wrong.getStatusCode().is4xxClientError()).as(wrong.getBody()).isTrue();
        assertThat(wrong.getBody()).contains("OTP");
        assertThat(deliveries.findByRequestId(request.getId()).orElseThrow().getFailedAttempts()).isEqualTo(1);
        steps.submit("mitan.raipur", delivery, Map.of("deliveryOtp", otp));

        Delivery delivered = deliveries.findByRequestId(request.getId()).orElseThrow();
        assertThat(delivered.getDeliveredAt()).isNotNull();
        assertThat(delivered.getDeliveredBy()).isEqualTo("mitan.raipur");
        assertThat(delivered.getOtpHash()).doesNotContain(otp);

        // The call centre sees the whole story.
        ResponseEntity<JsonNode> status = steps.as("callcentre").getForEntity("/api/requests/" + number,
                JsonNode.class);
        assertThat(status.getBody().path("status").asText()).isEqualTo("DELIVERED");
        assertThat(status.getBody().path("milestones").toString())
                .contains("REGISTERED", "MITAN_ASSIGNED", "DOCUMENTS_VERIFIED", "SUBMITTED",
                        "CERTIFICATE_ISSUED", "OUT_FOR_DELIVERY", "DELIVERED");
        // Reported three days after the birth: the registrar decided without a late-registration permission.
        assertThat(status.getBody().path("registration").path("delayDays").asInt()).isEqualTo(3);
        assertThat(status.getBody().path("registration").path("path").asText()).isEqualTo("registrar");

        // Every milestone reached the citizen by SMS.
        List<String> templates = outbox.findByRequestIdOrderByIdAsc(request.getId()).stream()
                .map(SmsMessage::getTemplate).toList();
        assertThat(templates).contains("REQUEST_REGISTERED", "MITAN_ASSIGNED", "SUBMITTED", "CERTIFICATE_ISSUED",
                "DELIVERY_OTP", "DELIVERED", "FEEDBACK_REQUEST");

        // The citizen gives feedback once.
        String feedbackUrl = "/feedback/" + request.getFeedbackCode();
        assertThat(http.postForEntity(feedbackUrl, Map.of("rating", 5, "comment", "Came on time"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.postForEntity(feedbackUrl, Map.of("rating", 4), String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    /** Issue 6: what intake accepts in Hindi, the rest of the journey finishes, up to a certificate in Hindi. */
    @Test
    void requestRecordedInDevanagariEndsInAnIssuedCertificateWithoutAnIncident() throws Exception {
        String name = "लक्ष्मी यादव";
        String address = "मकान 14, गांधी चौक, रायपुर।";
        String number = steps.register(Map.of(
                "certificateType", "birth-certificate", "bodyCode", "RPR", "ward", 14, "citizenName", name,
                "citizenPhone", "+91 98765 33333", "address", address, "preferredVisitWindow", "MORNING",
                "language", "hi"));
        assertThat(requests.findByRequestNumber(number).orElseThrow().getCitizenName()).isEqualTo(name);

        steps.upload("mitan.raipur", number, "birth-report", "report.pdf", Scans.pdf("Birth report, ward 14"),
                HttpStatus.CREATED);
        steps.upload("mitan.raipur", number, "parent-id", "id.png", Scans.image("png"), HttpStatus.CREATED);
        steps.upload("mitan.raipur", number, "address-proof", "bill.png", Scans.image("png"), HttpStatus.CREATED);
        steps.submit("mitan.raipur", steps.singleTask("mitan.raipur", "Task_VisitCitizen", number),
                Map.of("visitOutcome", "collected", "visitRemarks", "सभी मूल दस्तावेज़ देखे"));
        steps.runJobs(number);
        steps.submit("mitan.raipur", steps.singleTask("mitan.raipur", "Task_RecordParticulars", number), Map.of(
                "particular_childName", "रीना प्रिया", "particular_sex", "Female",
                "particular_dateOfBirth", daysAgo(1), "particular_placeOfBirth", "ज़िला अस्पताल, रायपुर",
                "particular_motherName", name, "particular_fatherName", "श्री राम यादव",
                "particular_informantName", "श्री राम यादव", "particular_informantRelation", "पिता"));
        steps.clerkAcceptsAndRegistrarApproves(number);

        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        assertThat(request.getStatus()).isEqualTo(RequestStatus.OUT_FOR_DELIVERY);
        List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list()
                .stream().map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toList();
        assertThat(instances).isNotEmpty().allSatisfy(id ->
                assertThat(runtime.createIncidentQuery().processInstanceId(id).list()).isEmpty());
        assertThat(steps.singleTask("mitan.raipur", "Task_DeliverCertificate", number).path("assignee").asText())
                .isEqualTo("mitan.raipur");

        // The certificate names the child, and says everything in the letters it was recorded in.
        Certificate certificate = certificates.findByRequestId(request.getId()).orElseThrow();
        assertThat(certificate.getHolderName()).isEqualTo("रीना प्रिया");
        ResponseEntity<byte[]> download = steps.as("registrar.raipur").getForEntity(
                "/api/certificates/" + certificate.getCertificateNumber() + "/pdf", byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (PDDocument pdf = Loader.loadPDF(download.getBody())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("रीना प्रिया", address, name, "श्री राम यादव", "ज़िला अस्पताल, रायपुर", "पिता",
                    certificate.getCertificateNumber());
            // In Hindi and English, labelled as the deployed particulars form labels the fields.
            assertThat(text.replaceAll("\\s+", " ")).contains("छत्तीसगढ़ शासन", "नगर पालिक निगम रायपुर",
                    "जन्म प्रमाण पत्र", "Child's name / बच्चे का नाम", "Female / स्त्री", "Date of birth / जन्म तिथि");
            // Signed by the issuing body over the whole file (the signature itself is checked in
            // CertificateSignerTest, by poppler's pdfsig among others).
            PDSignature signature = pdf.getLastSignatureDictionary();
            assertThat(signature.getSubFilter()).isEqualTo(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName());
            assertThat(signature.getName()).isEqualTo("Raipur Municipal Corporation");
            assertThat(signature.getByteRange()[2] + signature.getByteRange()[3])
                    .isEqualTo(download.getBody().length);
        }

        // The public check shows whole syllables of the holder's name, and no more.
        ResponseEntity<JsonNode> verified = http.getForEntity("/verify/" + certificate.getVerificationCode(),
                JsonNode.class);
        assertThat(verified.getBody().path("holder").asText()).isEqualTo("री* प्रि*");

        // The citizen's SMS went out in Hindi.
        assertThat(outbox.findByRequestIdOrderByIdAsc(request.getId())).extracting(SmsMessage::getTemplate)
                .contains("REQUEST_REGISTERED", "MITAN_ASSIGNED", "SUBMITTED", "CERTIFICATE_ISSUED");
    }

    @Test
    void variablesOutsideAFormAreRefusedAndReachNeitherAnotherRequestNorTheChoiceOfWhoDecides() throws Exception {
        // Another citizen's request, with the other Raipur Mitan (wards 36-70), and the one being worked on.
        String other = register("Meera Sahu", "+91 98765 11111", 40);
        String own = register("Kavita Nag", "+91 98765 22222", 20);
        ServiceRequest otherBefore = requests.findByRequestNumber(other).orElseThrow();
        List<String> otherMilestones = milestonesOf(otherBefore);
        int otherMessages = outbox.findByRequestIdOrderByIdAsc(otherBefore.getId()).size();
        Map<String, Object> tampered = Map.of("requestNumber", other, "certificateType", "no-papers-needed",
                "mitanUserId", "mitan.korba");

        // The Mitan reports the visit without the address proof, naming the other request and a type with
        // fewer papers: verification still checks this request against the birth certificate's list.
        steps.upload("mitan.raipur", own, "birth-report", "report.pdf", Scans.pdf("Birth report, Kavita Nag"),
                HttpStatus.CREATED);
        steps.upload("mitan.raipur", own, "parent-id", "id.png", Scans.image("png"), HttpStatus.CREATED);
        refusedThenSubmitted("mitan.raipur", steps.singleTask("mitan.raipur", "Task_VisitCitizen", own), tampered,
                Map.of("visitOutcome", "collected"));
        steps.runJobs(own);
        JsonNode again = steps.singleTask("mitan.raipur", "Task_VisitCitizen", own);
        assertThat(again.path("assignee").asText()).isEqualTo("mitan.raipur");
        assertThat(requests.findByRequestNumber(own).orElseThrow().getStatus())
                .isEqualTo(RequestStatus.MITAN_ASSIGNED);

        steps.upload("mitan.raipur", own, "address-proof", "bill.png", Scans.image("png"), HttpStatus.CREATED);
        refusedThenSubmitted("mitan.raipur", again, tampered, Map.of("visitOutcome", "collected"));
        steps.runJobs(own);
        assertThat(requests.findByRequestNumber(own).orElseThrow().getStatus())
                .isEqualTo(RequestStatus.DOCUMENTS_VERIFIED);
        JsonNode particulars = steps.singleTask("mitan.raipur", "Task_RecordParticulars", own);
        refusedThenSubmitted("mitan.raipur", particulars, tampered, Map.of(
                "particular_childName", "Ira Nag", "particular_sex", "Female",
                "particular_dateOfBirth", daysAgo(2), "particular_placeOfBirth", "District Hospital, Raipur",
                "particular_motherName", "Kavita Nag", "particular_fatherName", "Rohit Nag",
                "particular_informantName", "Rohit Nag", "particular_informantRelation", "father"));
        assertThat(requests.findByRequestNumber(own).orElseThrow().getParticulars())
                .containsEntry("childName", "Ira Nag");

        // The clerk accepts and names the clerks as the deciding group, and the other request.
        JsonNode scrutiny = steps.claim("clerk.raipur", "Task_ScrutiniseDocuments", own);
        refusedThenSubmitted("clerk.raipur", scrutiny, with(tampered, Map.of("authorityGroup", "clerk",
                "scrutinyGroup", "clerk", "decision", "approved")), Map.of("scrutinyOutcome", "accepted"));
        steps.runJobs(own);

        // The decision is still offered to the Registrar only.
        assertThat(steps.as("clerk.raipur").getForEntity(
                "/engine-rest/task?taskDefinitionKey=Task_DecideApplication&processInstanceBusinessKey={number}",
                JsonNode.class, own).getBody()).isEmpty();
        JsonNode decision = steps.singleTask("registrar.raipur", "Task_DecideApplication", own);
        assertThat(taskService.getIdentityLinksForTask(decision.path("id").asText()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)).containsExactly("registrar-RPR");

        // The other request is as it was: no verification, particulars, filing or message of this one.
        ServiceRequest otherAfter = requests.findByRequestNumber(other).orElseThrow();
        assertThat(otherAfter.getStatus()).isEqualTo(RequestStatus.MITAN_ASSIGNED);
        assertThat(otherAfter.getParticulars()).isEmpty();
        assertThat(milestonesOf(otherAfter)).isEqualTo(otherMilestones);
        assertThat(documents.findByRequestIdOrderByUploadedAtAsc(otherAfter.getId())).isEmpty();
        assertThat(submissions.findByRequestId(otherAfter.getId())).isEmpty();
        assertThat(outbox.findByRequestIdOrderByIdAsc(otherAfter.getId())).hasSize(otherMessages);
        assertThat(steps.singleTask("mitan.raipur2", "Task_VisitCitizen", other).path("assignee").asText())
                .isEqualTo("mitan.raipur2");
        assertThat(requests.findByRequestNumber(own).orElseThrow().getStatus()).isEqualTo(RequestStatus.SUBMITTED);
    }

    private String register(String name, String phone, int ward) {
        return steps.register(Map.of(
                "certificateType", "birth-certificate", "bodyCode", "RPR", "ward", ward, "citizenName", name,
                "citizenPhone", phone, "address", "House 3, ward " + ward + ", Raipur",
                "preferredVisitWindow", "EVENING", "language", "hi"));
    }

    private List<String> milestonesOf(ServiceRequest request) {
        return milestones.findByRequestIdOrderByOccurredAtAscIdAsc(request.getId()).stream()
                .map(milestone -> milestone.getMilestone() + ": " + milestone.getDetail()).toList();
    }

    private static Map<String, Object> with(Map<String, Object> tampered, Map<String, Object> values) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(tampered);
        all.putAll(values);
        return all;
    }

    /**
     * The form's values with the tampered variables added are refused (400, naming them; the task stays open); the
     * form's own values then go through.
     */
    private void refusedThenSubmitted(String user, JsonNode task, Map<String, Object> tampered,
            Map<String, Object> values) {
        ResponseEntity<String> refused = steps.submitRaw(user, task, with(tampered, values));
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Only the fields of this task's form may be sent");
        assertThat(taskService.createTaskQuery().taskId(task.path("id").asText()).count()).isOne();
        steps.submit(user, task, values);
    }

    /**
     * A date of birth so many days before today in Raipur: a birth reported within 21 days, which the registrar
     * registers without the late-registration permission (the delay is counted from the day of the call).
     */
    static String daysAgo(int days) {
        return LocalDate.now(StateCalendar.ZONE).minusDays(days).toString();
    }
}
