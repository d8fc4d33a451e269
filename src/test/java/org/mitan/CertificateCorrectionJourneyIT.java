package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mitan.certificate.Certificate;
import org.mitan.certificate.PaperRegisterEntry;
import org.mitan.certificate.CorrectionChange;
import org.mitan.certificate.CorrectionChangeRepository;
import org.mitan.certificate.PaperRegisterEntryRepository;
import org.mitan.document.DocumentRepository;
import org.mitan.request.RequestMilestone;
import org.mitan.request.RequestMilestoneRepository;
import org.mitan.request.ServiceRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A birth certificate issued, then corrected, through the APIs as the demo users: the correction request names the
 * certificate by its number and links to it, the Mitan asks for changes (the old value comes from the register), the
 * type's rules sort them, and the corrected entry is issued as a new certificate with its own number; from then on
 * the old certificate's {@code /verify} answers "superseded by" the new number, in JSON and on the page, and the new
 * one answers valid. The register keeps both versions.
 */
@MitanIntegrationTest
class CertificateCorrectionJourneyIT extends TypeJourney {

    static final String CORRECTION = "birth-correction";

    @Autowired
    CorrectionChangeRepository changes;
    @Autowired
    RequestMilestoneRepository milestones;
    @Autowired
    PaperRegisterEntryRepository paperEntries;
    @Autowired
    DocumentRepository documents;

    @Test
    void aSpellingOfTheFathersNameIsCorrectedByTheRegistrarAndTheOldCertificateIsSuperseded() throws Exception {
        JourneySteps journey = journey();
        Certificate old = issuedBirthCertificate(journey, "9826100011");

        String number = correctionAtTheNamingStep(journey, "9826100012");
        // A number that is not in the register is refused on the field; the task stays open.
        JsonNode naming = journey.singleTask("mitan.raipur", "Task_NameCertificate", number);
        ResponseEntity<String> unknown = journey.submitRaw("mitan.raipur", naming,
                Map.of("certificateToCorrect", "RPR/BIRTH/1999/123456"));
        assertThat(unknown.getStatusCode()).as(unknown.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("No certificate in the register has the number RPR/BIRTH/1999/123456");
        journey.submit("mitan.raipur", naming, Map.of("certificateToCorrect", old.getCertificateNumber()));
        ServiceRequest correction = requests.findByRequestNumber(number).orElseThrow();
        assertThat(correction.getCorrectsCertificateId()).isEqualTo(old.getId());
        assertThat(correction.getParticulars()).containsEntry("fatherName", "Mohan Sahu");

        // The form offers the register's entries by their labels and shows the certificate it corrects.
        JsonNode asking = journey.singleTask("mitan.raipur", "Task_AskForChanges", number);
        // As Tasklist reads them for a Camunda Form: serialized, a Json variable the select's valuesKey names.
        JsonNode fields = journey.as("mitan.raipur").getForObject(
                "/engine-rest/task/{id}/form-variables?deserializeValues=false", JsonNode.class,
                asking.path("id").asText()).path("correctableFields");
        assertThat(fields.path("type").asText()).as("%s", fields).isEqualTo("Json");
        assertThat(fields.path("value").asText()).as("%s", fields).contains("\"value\":\"fatherName\"")
                .contains("Father's name (पिता का नाम)");
        assertThat(journey.formText("mitan.raipur", asking, "requestSummary"))
                .contains("Correction of the register (रजिस्टर में सुधार)").contains(old.getCertificateNumber());
        // Asking for what the register already says is refused.
        ResponseEntity<String> same = journey.submitRaw("mitan.raipur", asking, Map.of("changeField1", "fatherName",
                "changeNewValue1", "Mohan Sahu", "changeReason1", "As in the school record"));
        assertThat(same.getStatusCode()).as(same.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(same.getBody()).contains("The register already says Mohan Sahu");
        // So is a value the certificate cannot print, as where the particulars are first entered.
        ResponseEntity<String> tamil = journey.submitRaw("mitan.raipur", asking, Map.of("changeField1", "fatherName",
                "changeNewValue1", "மோகன் சாகு", "changeReason1", "Spelt as in the father's Aadhaar card"));
        assertThat(tamil.getStatusCode()).as(tamil.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tamil.getBody()).contains("changeNewValue1 has a character the certificate cannot print");
        journey.submit("mitan.raipur", asking, Map.of("changeField1", "fatherName", "changeNewValue1", "Mohan Saahu",
                "changeReason1", "Spelt as in the father's Aadhaar card"));

        CorrectionChange change = changes.findByRequestIdOrderByPositionAsc(correction.getId()).get(0);
        assertThat(change.getOldValue()).isEqualTo("Mohan Sahu");
        assertThat(change.getNewValue()).isEqualTo("Mohan Saahu");
        assertThat(change.getKind()).isEqualTo(CorrectionChange.CLERICAL);
        assertThat(change.getAskedBy()).isEqualTo("mitan.raipur");

        journey.submit("clerk.raipur", journey.claim("clerk.raipur", "Task_ScrutiniseDocuments", number),
                Map.of("scrutinyOutcome", "accepted"));
        journey.runJobs(number);
        assertThat(journey.tasks("commissioner.raipur", "Task_ApproveCorrection", number)).isEmpty();
        JsonNode decision = journey.claim("registrar.raipur", "Task_DecideApplication", number);
        // Old and new side by side, in Hindi and English.
        assertThat(journey.formText("registrar.raipur", decision, "requestSummary"))
                .contains("| Entry (प्रविष्टि) | In the register (रजिस्टर में) | Asked for (माँगा गया) |")
                .contains("| Father's name / पिता का नाम | Mohan Sahu | **Mohan Saahu** |");
        journey.submit("registrar.raipur", decision, Map.of("decision", "approved"));
        journey.runJobs(number);

        Certificate corrected = assertSupersedes(old, correction, "Mohan Saahu");
        assertThat(milestones.findByRequestIdOrderByOccurredAtAscIdAsc(old.getRequestId()))
                .extracting(RequestMilestone::getMilestone).contains("SUPERSEDED");
        assertThat(milestones.findByRequestIdOrderByOccurredAtAscIdAsc(correction.getId()))
                .filteredOn(milestone -> milestone.getMilestone().equals("REGISTER_CORRECTED")).singleElement()
                .satisfies(milestone -> assertThat(milestone.getDetail()).contains(corrected.getCertificateNumber(),
                        "fatherName 'Mohan Sahu' → 'Mohan Saahu'", "asked by mitan.raipur", "certificate-copy"));
        deliverAtTheDoor(journey, number, correction);
    }

    @Test
    void anotherDateOfBirthNeedsTheAffidavitAndTheCommissionersApprovalBeforeTheRegistrar() throws Exception {
        JourneySteps journey = journey();
        Certificate old = issuedBirthCertificate(journey, "9826100021");
        String number = correctionAtTheNamingStep(journey, "9826100022");
        journey.submit("mitan.raipur", journey.singleTask("mitan.raipur", "Task_NameCertificate", number),
                Map.of("certificateToCorrect", old.getCertificateNumber().toLowerCase()));
        String registered = requests.findByRequestNumber(number).orElseThrow().getParticulars().get("dateOfBirth")
                .toString();
        String other = LocalDate.parse(registered).minusDays(40).toString();
        journey.submit("mitan.raipur", journey.singleTask("mitan.raipur", "Task_AskForChanges", number), Map.of(
                "changeField1", "dateOfBirth", "changeNewValue1", other,
                "changeReason1", "The hospital discharge record gives the earlier date"));

        // A change of substance: the affidavit becomes required and the Mitan visits again.
        ServiceRequest correction = requests.findByRequestNumber(number).orElseThrow();
        assertThat(correction.getPathDocuments()).containsExactly("correction-affidavit");
        JsonNode revisit = journey.singleTask("mitan.raipur", "Task_VisitCitizen", number);
        assertThat(journey.formText("mitan.raipur", revisit, "scrutinyRemarks")).contains("Affidavit");
        journey.upload("mitan.raipur", number, "correction-affidavit", "affidavit.pdf",
                Scans.pdf("Affidavit on the date of birth"), HttpStatus.CREATED);
        journey.submit("mitan.raipur", revisit, Map.of("visitOutcome", "collected"));
        journey.runJobs(number);
        // The second time round both steps are prefilled: the Mitan confirms them.
        JsonNode naming = journey.singleTask("mitan.raipur", "Task_NameCertificate", number);
        assertThat(journey.formText("mitan.raipur", naming, "certificateToCorrect"))
                .isEqualTo(old.getCertificateNumber());
        journey.submit("mitan.raipur", naming, Map.of("certificateToCorrect", old.getCertificateNumber()));
        JsonNode asking = journey.singleTask("mitan.raipur", "Task_AskForChanges", number);
        assertThat(journey.formText("mitan.raipur", asking, "changeNewValue1")).isEqualTo(other);
        journey.submit("mitan.raipur", asking, Map.of("changeField1", "dateOfBirth", "changeNewValue1", other,
                "changeReason1", "The hospital discharge record gives the earlier date"));

        journey.submit("clerk.raipur", journey.claim("clerk.raipur", "Task_ScrutiniseDocuments", number),
                Map.of("scrutinyOutcome", "accepted"));
        journey.runJobs(number);
        assertThat(journey.tasks("registrar.raipur", "Task_DecideApplication", number)).isEmpty();
        JsonNode approval = journey.claim("commissioner.raipur", "Task_ApproveCorrection", number);
        assertThat(candidateGroups(approval)).containsExactly("municipal-commissioner-RPR");
        assertThat(journey.formText("commissioner.raipur", approval, "requestSummary"))
                .contains("change of substance").contains("| " + registered + " | **" + other + "** |");
        journey.submit("commissioner.raipur", approval, Map.of("correctionApproval", "granted",
                "correctionApprovalRemarks", "Order 4/2026 on the affidavit"));
        JsonNode decision = journey.claim("registrar.raipur", "Task_DecideApplication", number);
        assertThat(journey.formText("registrar.raipur", decision, "requestSummary"))
                .contains("Order 4/2026 on the affidavit");
        journey.submit("registrar.raipur", decision, Map.of("decision", "approved"));
        journey.runJobs(number);

        Certificate corrected = assertSupersedes(old, correction, "Aarav Sahu");
        assertThat(requests.findById(corrected.getRequestId()).orElseThrow().getParticulars())
                .containsEntry("dateOfBirth", other).containsEntry("childName", "Aarav Sahu");
        assertThat(requests.findById(old.getRequestId()).orElseThrow().getParticulars())
                .containsEntry("dateOfBirth", registered);
        assertThat(changes.findByRequestIdOrderByPositionAsc(correction.getId())).singleElement()
                .satisfies(row -> assertThat(row.getKind()).isEqualTo(CorrectionChange.SUBSTANCE));
    }

    @Test
    void anOlderPaperCertificateIsEnteredFromItsScanByTheClerkAndSupersededByTheCorrectedCertificate()
            throws Exception {
        JourneySteps journey = journey();
        String paperNumber = "RPR/BIRTH/1998/004217";
        String number = correctionAtTheNamingStep(journey, "9826100031");
        JsonNode naming = journey.singleTask("mitan.raipur", "Task_NameCertificate", number);
        // Not in the register: refused unless the Mitan says it is a paper certificate.
        ResponseEntity<String> notInRegister = journey.submitRaw("mitan.raipur", naming,
                Map.of("certificateToCorrect", paperNumber));
        assertThat(notInRegister.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notInRegister.getBody()).contains("for an older paper certificate tick");
        // A number the register cannot keep (longer than its 64 characters, or with a character that is not text) is
        // refused on the field where it is typed, not at the clerk's entry.
        for (String unfit : List.of(paperNumber + "/" + "0".repeat(50), paperNumber + "\u0000", "RPR/\u200BBIRTH")) {
            ResponseEntity<String> refused = journey.submitRaw("mitan.raipur", naming,
                    Map.of("certificateToCorrect", unfit, "paperCertificate", true));
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).contains("certificateToCorrect ");
        }
        assertThat(journey.tasks("clerk.raipur", "Task_EnterPaperEntry", number)).isEmpty();
        journey.submit("mitan.raipur", naming, Map.of("certificateToCorrect", paperNumber, "paperCertificate", true));
        // Another correction of the same paper certificate, named before it is entered: its clerk comes to it later.
        String meanwhile = correctionAtTheNamingStep(journey, "9826100033");
        journey.submit("mitan.raipur", journey.singleTask("mitan.raipur", "Task_NameCertificate", meanwhile),
                Map.of("certificateToCorrect", paperNumber, "paperCertificate", true));

        // The clerk of Raipur enters the entry from the scan; the Mitan cannot.
        assertThat(journey.tasks("mitan.raipur", "Task_EnterPaperEntry", number)).isEmpty();
        JsonNode entry = journey.claim("clerk.raipur", "Task_EnterPaperEntry", number);
        assertThat(candidateGroups(entry)).containsExactly("clerk-RPR");
        assertThat(journey.formText("clerk.raipur", entry, "requestSummary")).contains("/api/documents/");
        journey.submit("clerk.raipur", entry, paperEntryAsRead("Mohan Sahoo"));
        ServiceRequest correction = requests.findByRequestNumber(number).orElseThrow();
        PaperRegisterEntry paper = paperEntries.findById(correction.getCorrectsPaperEntryId()).orElseThrow();
        assertThat(paper.getCertificateNumber()).isEqualTo(paperNumber);
        assertThat(paper.getEnteredBy()).isEqualTo("clerk.raipur");
        assertThat(paper.getParticulars()).containsEntry("fatherName", "Mohan Sahoo");
        assertThat(documents.findById(paper.getScanDocumentId()).orElseThrow().getDocumentType())
                .isEqualTo("certificate-copy");

        JsonNode asking = journey.singleTask("mitan.raipur", "Task_AskForChanges", number);
        assertThat(journey.formText("mitan.raipur", asking, "requestSummary"))
                .contains("Entered from paper (कागज़ी प्रमाण पत्र से दर्ज):** by clerk\\.raipur");
        journey.submit("mitan.raipur", asking, Map.of("changeField1", "fatherName", "changeNewValue1", "Mohan Sahu",
                "changeReason1", "As in the father's Aadhaar card"));
        journey.submit("clerk.raipur", journey.claim("clerk.raipur", "Task_ScrutiniseDocuments", number),
                Map.of("scrutinyOutcome", "accepted"));
        journey.runJobs(number);
        JsonNode decision = journey.claim("registrar.raipur", "Task_DecideApplication", number);
        assertThat(journey.formText("registrar.raipur", decision, "requestSummary"))
                .contains("| Father's name / पिता का नाम | Mohan Sahoo | **Mohan Sahu** |");
        journey.submit("registrar.raipur", decision, Map.of("decision", "approved"));
        journey.runJobs(number);

        Certificate corrected = certificates.findByRequestId(correction.getId()).orElseThrow();
        assertThat(corrected.getCertificateType()).isEqualTo("birth-certificate");
        assertThat(corrected.getSupersedesPaperEntryId()).isEqualTo(paper.getId());
        assertThat(corrected.getEntryVersion()).isEqualTo(2);
        assertThat(http.getForObject("/verify/{code}", JsonNode.class, corrected.getVerificationCode())
                .path("valid").asBoolean()).isTrue();

        // The correction named meanwhile: its clerk's entry finds the paper certificate entered and corrected, so the
        // request corrects the certificate that supersedes it, as the Mitan would be told to when naming it now.
        journey.submit("clerk.raipur", journey.claim("clerk.raipur", "Task_EnterPaperEntry", meanwhile),
                paperEntryAsRead("Mohan Sahoo"));
        ServiceRequest later = requests.findByRequestNumber(meanwhile).orElseThrow();
        assertThat(later.getCorrectsCertificateId()).isEqualTo(corrected.getId());
        assertThat(later.getCorrectsPaperEntryId()).isNull();
        assertThat(later.getParticulars()).containsEntry("fatherName", "Mohan Sahu");
        assertThat(journey.formText("mitan.raipur", journey.singleTask("mitan.raipur", "Task_AskForChanges",
                meanwhile), "requestSummary")).contains(corrected.getCertificateNumber());
        assertThat(runtime.getVariable(later.getProcessInstanceId(), "certificateToCorrect"))
                .isEqualTo(corrected.getCertificateNumber());

        // The paper certificate is now superseded: a second correction of it is sent to the new one.
        String again = correctionAtTheNamingStep(journey, "9826100032");
        ResponseEntity<String> superseded = journey.submitRaw("mitan.raipur",
                journey.singleTask("mitan.raipur", "Task_NameCertificate", again),
                Map.of("certificateToCorrect", paperNumber, "paperCertificate", true));
        assertThat(superseded.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(superseded.getBody()).contains("superseded by " + corrected.getCertificateNumber());
    }

    @Test
    void twoCorrectionsNamingTheSamePaperCertificateCorrectTheOneEntryItsFirstClerkEnteredOneAtATime()
            throws Exception {
        JourneySteps journey = journey();
        String paperNumber = "RPR/BIRTH/1997/000815";
        String first = correctionAtTheNamingStep(journey, "9826100041");
        String second = correctionAtTheNamingStep(journey, "9826100042");
        for (String number : List.of(first, second)) {
            journey.submit("mitan.raipur", journey.singleTask("mitan.raipur", "Task_NameCertificate", number),
                    Map.of("certificateToCorrect", paperNumber, "paperCertificate", true));
        }
        journey.submit("clerk.raipur", journey.claim("clerk.raipur", "Task_EnterPaperEntry", first),
                paperEntryAsRead("Mohan Sahoo"));
        PaperRegisterEntry entered = paperEntries.findById(requests.findByRequestNumber(first).orElseThrow()
                .getCorrectsPaperEntryId()).orElseThrow();

        // The second clerk reads the same paper a little differently: the register keeps one entry, the first, and
        // while the first request corrects it, the second waits; its task stays open.
        JsonNode entering = journey.claim("clerk.raipur", "Task_EnterPaperEntry", second);
        ResponseEntity<String> meanwhile = journey.submitRaw("clerk.raipur", entering,
                paperEntryAsRead("Mohan Sahoooo"));
        assertThat(meanwhile.getStatusCode()).as(meanwhile.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(meanwhile.getBody()).contains("for request " + first, "complete this task again once " + first);
        assertThat(requests.findByRequestNumber(second).orElseThrow().getCorrectsPaperEntryId()).isNull();
        assertThat(journey.tasks("clerk.raipur", "Task_EnterPaperEntry", second)).hasSize(1);

        // Once the first is decided (here: withdrawn), the second clerk completes the task again.
        runtime.deleteProcessInstance(requests.findByRequestNumber(first).orElseThrow().getProcessInstanceId(),
                "The citizen withdrew the request");
        ResponseEntity<String> again = journey.submitRaw("clerk.raipur", entering, paperEntryAsRead("Mohan Sahoooo"));
        assertThat(again.getStatusCode().is2xxSuccessful()).as(again.getBody()).isTrue();
        ServiceRequest correction = requests.findByRequestNumber(second).orElseThrow();
        assertThat(correction.getCorrectsPaperEntryId()).isEqualTo(entered.getId());
        assertThat(correction.getParticulars()).containsEntry("fatherName", "Mohan Sahoo");
        assertThat(paperEntries.findAll()).filteredOn(entry -> entry.getCertificateNumber().equals(paperNumber))
                .singleElement().extracting(PaperRegisterEntry::getId).isEqualTo(entered.getId());
        assertThat(milestones.findByRequestIdOrderByOccurredAtAscIdAsc(correction.getId()))
                .extracting(RequestMilestone::getMilestone).doesNotContain("ENTERED_FROM_PAPER");
        JsonNode asking = journey.singleTask("mitan.raipur", "Task_AskForChanges", second);
        assertThat(journey.formText("mitan.raipur", asking, "requestSummary")).contains(paperNumber)
                .contains("Entered from paper (कागज़ी प्रमाण पत्र से दर्ज):** by clerk\\.raipur");
    }

    @Test
    void twoClerksEnteringOnePaperCertificateInTheSameInstantMakeOneEntryAndNeitherFails() throws Exception {
        JourneySteps journey = journey();
        String paperNumber = "RPR/BIRTH/1996/000421";
        List<String> numbers = List.of(correctionAtTheNamingStep(journey, "9826100051"),
                correctionAtTheNamingStep(journey, "9826100052"));
        List<JsonNode> entering = new ArrayList<>();
        for (String number : numbers) {
            journey.submit("mitan.raipur", journey.singleTask("mitan.raipur", "Task_NameCertificate", number),
                    Map.of("certificateToCorrect", paperNumber, "paperCertificate", true));
            entering.add(journey.claim("clerk.raipur", "Task_EnterPaperEntry", number));
        }

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        try {
            List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
            for (JsonNode task : entering) {
                answers.add(clerks.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return journey.submitRaw("clerk.raipur", task, paperEntryAsRead("Mohan Sahoo"));
                }));
            }
            List<HttpStatusCode> statuses = new ArrayList<>();
            for (Future<ResponseEntity<String>> answer : answers) {
                ResponseEntity<String> response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.getStatusCode().is5xxServerError()).as(response.getBody()).isFalse();
                statuses.add(response.getStatusCode());
            }
            // One entered it; the other found that entry, which the first request is correcting, and waits.
            assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.BAD_REQUEST);
        } finally {
            clerks.shutdownNow();
        }
        assertThat(paperEntries.findAll()).filteredOn(entry -> entry.getCertificateNumber().equals(paperNumber))
                .hasSize(1);
    }

    @Test
    void aPaperNumberIsItsUrbanBodysOwnSoTwoBodiesEachEnterTheirs() throws Exception {
        JourneySteps journey = journey();
        String paperNumber = "123/1998";
        String raipur = correctionAtTheNamingStep(journey, "9826100061");
        String korba = correctionAtTheNamingStep(journey, "9826100062", "KRB", "mitan.korba");
        for (List<String> body : List.of(List.of(raipur, "mitan.raipur", "clerk.raipur", "Mohan Sahoo"),
                List.of(korba, "mitan.korba", "clerk.korba", "Ramlal Kanwar"))) {
            journey.submit(body.get(1), journey.singleTask(body.get(1), "Task_NameCertificate", body.get(0)),
                    Map.of("certificateToCorrect", paperNumber, "paperCertificate", true));
            journey.submit(body.get(2), journey.claim(body.get(2), "Task_EnterPaperEntry", body.get(0)),
                    paperEntryAsRead(body.get(3)));
        }

        assertThat(paperEntries.findAll()).filteredOn(entry -> entry.getCertificateNumber().equals(paperNumber))
                .extracting(PaperRegisterEntry::getBodyCode, entry -> entry.getParticulars().get("fatherName"))
                .containsExactlyInAnyOrder(tuple("RPR", "Mohan Sahoo"), tuple("KRB", "Ramlal Kanwar"));
        for (String number : List.of(raipur, korba)) {
            ServiceRequest correction = requests.findByRequestNumber(number).orElseThrow();
            assertThat(paperEntries.findById(correction.getCorrectsPaperEntryId()).orElseThrow().getBodyCode())
                    .isEqualTo(correction.getBodyCode());
        }
    }

    @Test
    void aCertificateIsCorrectedByOneRequestAtATime() throws Exception {
        JourneySteps journey = journey();
        Certificate old = issuedBirthCertificate(journey, "9826100071");
        String first = correctionAtTheNamingStep(journey, "9826100072");
        String second = correctionAtTheNamingStep(journey, "9826100073");
        journey.submit("mitan.raipur", journey.singleTask("mitan.raipur", "Task_NameCertificate", first),
                Map.of("certificateToCorrect", old.getCertificateNumber()));

        JsonNode naming = journey.singleTask("mitan.raipur", "Task_NameCertificate", second);
        ResponseEntity<String> refused = journey.submitRaw("mitan.raipur", naming,
                Map.of("certificateToCorrect", old.getCertificateNumber()));
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Request " + first + " is already correcting "
                + old.getCertificateNumber());
        assertThat(requests.findByRequestNumber(second).orElseThrow().getCorrectsCertificateId()).isNull();

        // Once the first is decided (here: withdrawn), the certificate may be named again.
        runtime.deleteProcessInstance(requests.findByRequestNumber(first).orElseThrow().getProcessInstanceId(),
                "Registered twice");
        journey.submit("mitan.raipur", naming, Map.of("certificateToCorrect", old.getCertificateNumber()));
        assertThat(requests.findByRequestNumber(second).orElseThrow().getCorrectsCertificateId())
                .isEqualTo(old.getId());
    }

    /** The clerk's entry of a paper birth certificate as read from its scan, with the father's name as read. */
    private static Map<String, Object> paperEntryAsRead(String fatherName) {
        return Map.of("particular_childName", "Pooja Sahu", "particular_sex", "Female",
                "particular_dateOfBirth", "1998-07-14", "particular_placeOfBirth", "Raipur",
                "particular_motherName", "Kamla Sahu", "particular_fatherName", fatherName,
                "particular_informantName", fatherName, "particular_informantRelation", "father");
    }

    /** A birth certificate issued to a citizen of Raipur; the request is then out for delivery. */
    private Certificate issuedBirthCertificate(JourneySteps journey, String phone) throws Exception {
        String birth = journey.birthRequestAtScrutiny(phone);
        journey.clerkAcceptsAndRegistrarApproves(birth);
        return certificates.findByRequestId(requests.findByRequestNumber(birth).orElseThrow().getId()).orElseThrow();
    }

    /** A correction request of Raipur registered and visited, with its scans verified: at "Name the certificate". */
    private String correctionAtTheNamingStep(JourneySteps journey, String phone) throws Exception {
        return correctionAtTheNamingStep(journey, phone, "RPR", "mitan.raipur");
    }

    /** As {@link #correctionAtTheNamingStep(JourneySteps, String)}, in the urban body given, visited by its Mitan. */
    private String correctionAtTheNamingStep(JourneySteps journey, String phone, String body, String mitan)
            throws Exception {
        String number = journey.registerOffered(CORRECTION, "Correction of a birth certificate", "Kamla Sahu", phone,
                "House 3, Tatibandh", body);
        JsonNode visit = journey.singleTask(mitan, "Task_VisitCitizen", number);
        journey.upload(mitan, number, "certificate-copy", "certificate.pdf", Scans.pdf("The certificate"),
                HttpStatus.CREATED);
        journey.upload(mitan, number, "applicant-id", "aadhaar.png", Scans.image("png"), HttpStatus.CREATED);
        journey.upload(mitan, number, "school-record", "school.jpg", Scans.image("jpeg"), HttpStatus.CREATED);
        journey.submit(mitan, visit, Map.of("visitOutcome", "collected"));
        journey.runJobs(number);
        return number;
    }

    /**
     * The correction's certificate is the entry's next version: a birth certificate with a number of its own that
     * prints the corrected entry; the old one answers "superseded by" it on /verify (JSON and page), the new one valid.
     */
    private Certificate assertSupersedes(Certificate old, ServiceRequest correction, String printed) throws Exception {
        Certificate corrected = certificates.findByRequestId(correction.getId()).orElseThrow();
        assertThat(corrected.getCertificateType()).isEqualTo("birth-certificate");
        assertThat(corrected.getCertificateNumber()).matches("RPR/BIRTH/\\d{4}/\\d{6}")
                .isNotEqualTo(old.getCertificateNumber());
        assertThat(corrected.getSupersedesId()).isEqualTo(old.getId());
        assertThat(corrected.getEntryVersion()).isEqualTo(old.getEntryVersion() + 1);
        Certificate unchanged = certificates.findById(old.getId()).orElseThrow();
        assertThat(unchanged.getSha256()).isEqualTo(old.getSha256());
        try (InputStream stored = store.open(corrected.getObjectKey()).orElseThrow();
                PDDocument pdf = Loader.loadPDF(stored.readAllBytes())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(corrected.getCertificateNumber(), printed);
        }

        JsonNode oldAnswer = http.getForObject("/verify/{code}", JsonNode.class, old.getVerificationCode());
        assertThat(oldAnswer.path("valid").asBoolean(true)).isFalse();
        assertThat(oldAnswer.path("status").asText()).isEqualTo("superseded");
        assertThat(oldAnswer.path("supersededBy").asText()).isEqualTo(corrected.getCertificateNumber());
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = http.exchange("/verify/{code}", HttpMethod.GET, new HttpEntity<>(browser),
                String.class, old.getVerificationCode());
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("superseded by <strong id=\"superseded-by\">"
                + corrected.getCertificateNumber() + "</strong>", "यह प्रमाण पत्र अब मान्य नहीं है")
                .doesNotContain("This certificate is genuine.");
        JsonNode newAnswer = http.getForObject("/verify/{code}", JsonNode.class, corrected.getVerificationCode());
        assertThat(newAnswer.path("valid").asBoolean()).isTrue();
        assertThat(newAnswer.path("status").asText()).isEqualTo("valid");
        assertThat(newAnswer.path("certificateNumber").asText()).isEqualTo(corrected.getCertificateNumber());
        return corrected;
    }
}
