package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.mitan.certificate.Certificate;
import org.mitan.certificate.CertificateRepository;
import org.mitan.delivery.Delivery;
import org.mitan.delivery.DeliveryRepository;
import org.mitan.document.DocumentRepository;
import org.mitan.document.DocumentStore;
import org.mitan.intake.RequestMilestoneRepository;
import org.mitan.intake.RequestStatus;
import org.mitan.intake.ServiceRequest;
import org.mitan.intake.ServiceRequestRepository;
import org.mitan.notification.SmsMessage;
import org.mitan.notification.SmsMessageRepository;
import org.mitan.singlewindow.SubmissionRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

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

    private static final Pattern OTP = Pattern.compile("\\b(\\d{6})\\b");

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

    @Test
    void birthCertificateFromCallToDoor() throws Exception {
        // The call centre finds the type among those on offer (whatever else other tests deployed).
        ResponseEntity<JsonNode> types = as("callcentre").getForEntity("/api/certificate-types", JsonNode.class);
        assertThat(types.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(types.getBody().findValuesAsText("key")).contains("birth-certificate");
        assertThat(types.getBody().findValuesAsText("serviceName")).contains("Birth certificate");

        // Call centre registers the request.
        ResponseEntity<JsonNode> registered = as("callcentre").postForEntity("/api/requests", Map.of(
                "certificateType", "birth-certificate", "bodyCode", "RPR", "ward", 12,
                "citizenName", "Lakshmi Yadav", "citizenPhone", "+91 98765 43210",
                "address", "House 14, Gandhi Chowk, Raipur", "preferredVisitWindow", "MORNING",
                "language", "en"), JsonNode.class);
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = registered.getBody().path("requestNumber").asText();
        assertThat(number).matches("RPR-\\d{4}-\\d{6}");

        // The Mitan serving ward 12 has the visit.
        JsonNode visit = singleTask("mitan.raipur", "Task_VisitCitizen", number);
        assertThat(visit.path("assignee").asText()).isEqualTo("mitan.raipur");

        // The Mitan uploads real scans from the tablet; the same file twice is accepted once.
        byte[] birthReport = pdf("Birth report from District Hospital Raipur");
        JsonNode uploaded = upload("mitan.raipur", number, "birth-report", "birth-report.pdf", birthReport,
                HttpStatus.CREATED);
        JsonNode again = upload("mitan.raipur", number, "birth-report", "birth-report.pdf", birthReport,
                HttpStatus.OK);
        assertThat(again.path("id").asText()).isEqualTo(uploaded.path("id").asText());
        assertThat(uploaded.path("sha256").asText()).isEqualTo(sha256(birthReport));
        upload("mitan.raipur", number, "parent-id", "aadhaar.jpg", image("jpeg"), HttpStatus.CREATED);
        upload("mitan.raipur", number, "address-proof", "ration-card.png", image("png"), HttpStatus.CREATED);
        // Another Mitan may not upload to this request.
        ResponseEntity<String> intruder = uploadRaw("mitan.korba", number, "parent-id", "x.png", image("png"));
        assertThat(intruder.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        submit("mitan.raipur", visit, Map.of("visitOutcome", "collected", "visitRemarks", "All originals seen"));
        // The scans are read back from the store by a job, after the Mitan's form is saved.
        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus())
                .isEqualTo(RequestStatus.MITAN_ASSIGNED);
        runJobs(number);
        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus())
                .isEqualTo(RequestStatus.DOCUMENTS_VERIFIED);
        // Verified documents take no new scan: it would reach the clerk unverified.
        assertThat(uploadRaw("mitan.raipur", number, "parent-id", "late.png", image("png")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        JsonNode particulars = singleTask("mitan.raipur", "Task_RecordParticulars", number);
        submit("mitan.raipur", particulars, Map.of(
                "particular_childName", "Aarav Yadav", "particular_sex", "male",
                "particular_dateOfBirth", "2026-11-02", "particular_placeOfBirth", "District Hospital, Raipur",
                "particular_motherName", "Lakshmi Yadav", "particular_fatherName", "Suresh Yadav",
                "particular_informantName", "Suresh Yadav", "particular_informantRelation", "father"));
        assertThat(requests.findByRequestNumber(number).orElseThrow().getParticulars())
                .containsEntry("childName", "Aarav Yadav");

        // The clerk sees the scans and accepts.
        JsonNode scrutiny = claim("clerk.raipur", "Task_ScrutiniseDocuments", number);
        ResponseEntity<byte[]> scan = as("clerk.raipur").getForEntity(
                "/api/documents/" + uploaded.path("id").asText() + "/content", byte[].class);
        assertThat(scan.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scan.getBody()).isEqualTo(birthReport);
        submit("clerk.raipur", scrutiny, Map.of("scrutinyOutcome", "accepted"));

        // Single-window submission runs asynchronously.
        runJobs(number);

        // The Registrar approves.
        JsonNode decision = claim("registrar.raipur", "Task_DecideApplication", number);
        submit("registrar.raipur", decision, Map.of("decision", "approved"));

        // The certificate is issued asynchronously.
        runJobs(number);
        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        Certificate certificate = certificates.findByRequestId(request.getId()).orElseThrow();
        try (InputStream stored = store.open(certificate.getObjectKey()).orElseThrow()) {
            byte[] pdf = stored.readAllBytes();
            assertThat(sha256(pdf)).isEqualTo(certificate.getSha256());
            assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        }
        ResponseEntity<byte[]> download = as("registrar.raipur").getForEntity(
                "/api/certificates/" + certificate.getCertificateNumber() + "/pdf", byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(sha256(download.getBody())).isEqualTo(certificate.getSha256());

        // Anyone can verify it, and learns nothing more than needed.
        ResponseEntity<JsonNode> verified = http.getForEntity("/verify/" + certificate.getVerificationCode(),
                JsonNode.class);
        assertThat(verified.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(verified.getBody().path("valid").asBoolean()).isTrue();
        assertThat(verified.getBody().path("certificateNumber").asText())
                .isEqualTo(certificate.getCertificateNumber());
        assertThat(verified.getBody().toString()).doesNotContain("Lakshmi").doesNotContain("9876543210");

        // Home delivery: a wrong OTP is refused, the citizen's OTP completes it.
        JsonNode delivery = singleTask("mitan.raipur", "Task_DeliverCertificate", number);
        String otp = latestOtp(request.getId());
        String wrongOtp = String.format("%06d", (Integer.parseInt(otp) + 1) % 1_000_000);
        ResponseEntity<String> wrong = submitRaw("mitan.raipur", delivery, Map.of("deliveryOtp", wrongOtp));
        assertThat(wrong.getStatusCode().is4xxClientError()).as(wrong.getBody()).isTrue();
        assertThat(wrong.getBody()).contains("OTP");
        assertThat(deliveries.findByRequestId(request.getId()).orElseThrow().getFailedAttempts()).isEqualTo(1);
        submit("mitan.raipur", delivery, Map.of("deliveryOtp", otp));

        Delivery delivered = deliveries.findByRequestId(request.getId()).orElseThrow();
        assertThat(delivered.getDeliveredAt()).isNotNull();
        assertThat(delivered.getDeliveredBy()).isEqualTo("mitan.raipur");
        assertThat(delivered.getOtpHash()).doesNotContain(otp);

        // The call centre sees the whole story.
        ResponseEntity<JsonNode> status = as("callcentre").getForEntity("/api/requests/" + number, JsonNode.class);
        assertThat(status.getBody().path("status").asText()).isEqualTo("DELIVERED");
        assertThat(status.getBody().path("milestones").toString())
                .contains("REGISTERED", "MITAN_ASSIGNED", "DOCUMENTS_VERIFIED", "SUBMITTED",
                        "CERTIFICATE_ISSUED", "OUT_FOR_DELIVERY", "DELIVERED");

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

    @Test
    void variablesSubmittedWithTheFormsReachNeitherAnotherRequestNorTheChoiceOfWhoDecides() throws Exception {
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
        upload("mitan.raipur", own, "birth-report", "report.pdf", pdf("Birth report, Kavita Nag"), HttpStatus.CREATED);
        upload("mitan.raipur", own, "parent-id", "id.png", image("png"), HttpStatus.CREATED);
        submit("mitan.raipur", singleTask("mitan.raipur", "Task_VisitCitizen", own),
                with(tampered, Map.of("visitOutcome", "collected")));
        runJobs(own);
        JsonNode again = singleTask("mitan.raipur", "Task_VisitCitizen", own);
        assertThat(again.path("assignee").asText()).isEqualTo("mitan.raipur");
        assertThat(requests.findByRequestNumber(own).orElseThrow().getStatus())
                .isEqualTo(RequestStatus.MITAN_ASSIGNED);

        upload("mitan.raipur", own, "address-proof", "bill.png", image("png"), HttpStatus.CREATED);
        submit("mitan.raipur", again, with(tampered, Map.of("visitOutcome", "collected")));
        runJobs(own);
        assertThat(requests.findByRequestNumber(own).orElseThrow().getStatus())
                .isEqualTo(RequestStatus.DOCUMENTS_VERIFIED);
        submit("mitan.raipur", singleTask("mitan.raipur", "Task_RecordParticulars", own), with(tampered, Map.of(
                "particular_childName", "Ira Nag", "particular_sex", "Female",
                "particular_dateOfBirth", "2026-11-03", "particular_placeOfBirth", "District Hospital, Raipur",
                "particular_motherName", "Kavita Nag", "particular_fatherName", "Rohit Nag",
                "particular_informantName", "Rohit Nag", "particular_informantRelation", "father")));
        assertThat(requests.findByRequestNumber(own).orElseThrow().getParticulars())
                .containsEntry("childName", "Ira Nag");

        // The clerk accepts and names the clerks as the deciding group, and the other request.
        JsonNode scrutiny = claim("clerk.raipur", "Task_ScrutiniseDocuments", own);
        submit("clerk.raipur", scrutiny, with(tampered, Map.of("scrutinyOutcome", "accepted",
                "authorityGroup", "clerk", "scrutinyGroup", "clerk")));
        runJobs(own);

        // The decision is still offered to the Registrar only.
        assertThat(as("clerk.raipur").getForEntity(
                "/engine-rest/task?taskDefinitionKey=Task_DecideApplication&processInstanceBusinessKey={number}",
                JsonNode.class, own).getBody()).isEmpty();
        JsonNode decision = singleTask("registrar.raipur", "Task_DecideApplication", own);
        assertThat(taskService.getIdentityLinksForTask(decision.path("id").asText()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)).containsExactly("registrar");

        // The other request is as it was: no verification, particulars, filing or message of this one.
        ServiceRequest otherAfter = requests.findByRequestNumber(other).orElseThrow();
        assertThat(otherAfter.getStatus()).isEqualTo(RequestStatus.MITAN_ASSIGNED);
        assertThat(otherAfter.getParticulars()).isEmpty();
        assertThat(milestonesOf(otherAfter)).isEqualTo(otherMilestones);
        assertThat(documents.findByRequestIdOrderByUploadedAtAsc(otherAfter.getId())).isEmpty();
        assertThat(submissions.findByRequestId(otherAfter.getId())).isEmpty();
        assertThat(outbox.findByRequestIdOrderByIdAsc(otherAfter.getId())).hasSize(otherMessages);
        assertThat(singleTask("mitan.raipur2", "Task_VisitCitizen", other).path("assignee").asText())
                .isEqualTo("mitan.raipur2");
        assertThat(requests.findByRequestNumber(own).orElseThrow().getStatus()).isEqualTo(RequestStatus.SUBMITTED);
    }

    private String register(String name, String phone, int ward) {
        ResponseEntity<JsonNode> registered = as("callcentre").postForEntity("/api/requests", Map.of(
                "certificateType", "birth-certificate", "bodyCode", "RPR", "ward", ward, "citizenName", name,
                "citizenPhone", phone, "address", "House 3, ward " + ward + ", Raipur",
                "preferredVisitWindow", "EVENING", "language", "hi"), JsonNode.class);
        assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
        return registered.getBody().path("requestNumber").asText();
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

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private JsonNode singleTask(String user, String taskKey, String number) {
        ResponseEntity<JsonNode> tasks = as(user).getForEntity(
                "/engine-rest/task?taskDefinitionKey={key}&processInstanceBusinessKey={number}", JsonNode.class,
                taskKey, number);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.getBody()).as("%s sees one %s", user, taskKey).hasSize(1);
        return tasks.getBody().get(0);
    }

    private JsonNode claim(String user, String taskKey, String number) {
        JsonNode task = singleTask(user, taskKey, number);
        ResponseEntity<String> claimed = as(user).postForEntity("/engine-rest/task/{id}/claim",
                Map.of("userId", user), String.class, task.path("id").asText());
        assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        return task;
    }

    private void submit(String user, JsonNode task, Map<String, Object> values) {
        ResponseEntity<String> response = submitRaw(user, task, values);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    private ResponseEntity<String> submitRaw(String user, JsonNode task, Map<String, Object> values) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return as(user).postForEntity("/engine-rest/task/{id}/submit-form", Map.of("variables", variables),
                String.class, task.path("id").asText());
    }

    private JsonNode upload(String user, String number, String type, String fileName, byte[] content,
            HttpStatus expected) throws IOException {
        ResponseEntity<String> response = uploadRaw(user, number, type, fileName, content);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> uploadRaw(String user, String number, String type, String fileName,
            byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("type", type);
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/api/requests/{number}/documents", new HttpEntity<>(form, headers),
                String.class, number);
    }

    /** Runs the jobs that are due in the request's process instances (the certificate's and its call activities'). */
    private void runJobs(String number) {
        List<Job> jobs = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
                .map(ProcessInstance::getId)
                .flatMap(id -> management.createJobQuery().processInstanceId(id).executable().list().stream())
                .toList();
        assertThat(jobs).isNotEmpty();
        jobs.forEach(job -> management.executeJob(job.getId()));
    }

    private String latestOtp(Long requestId) {
        SmsMessage sms = outbox.findByRequestIdOrderByIdAsc(requestId).stream()
                .filter(message -> message.getTemplate().equals("DELIVERY_OTP"))
                .reduce((first, second) -> second).orElseThrow();
        Matcher matcher = OTP.matcher(sms.getBody());
        assertThat(matcher.find()).as(sms.getBody()).isTrue();
        return matcher.group(1);
    }

    static byte[] pdf(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph(text));
        document.close();
        return out.toByteArray();
    }

    static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 320, 200);
        graphics.setColor(Color.BLACK);
        graphics.drawString("Scanned " + format, 20, 100);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
