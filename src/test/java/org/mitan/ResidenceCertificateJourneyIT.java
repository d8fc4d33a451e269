package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitan.Scans.image;
import static org.mitan.Scans.pdf;
import static org.mitan.Scans.sha256;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.StreamSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mitan.certificate.Certificate;
import org.mitan.request.RequestStatus;
import org.mitan.request.ServiceRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A residence (domicile) certificate from the call centre to the citizen's door, through the APIs as the demo users:
 * a type made of data only. The Mitan uploads the applicant's ID, one of the five proofs of residence (a ration
 * card) and the affidavit; the clerk scrutinises, the Revenue Inspector inquires, the Tehsildar decides, and the
 * certificate names the applicant.
 */
@MitanIntegrationTest
class ResidenceCertificateJourneyIT extends TypeJourney {

    static final String RESIDENCE = "residence-certificate";

    @Test
    void residenceCertificateFromCallToDoorWithOneOfTheFiveProofsOfResidence() throws Exception {
        JourneySteps journey = journey();
        ResponseEntity<JsonNode> offered = journey.as("callcentre").getForEntity("/api/certificate-types",
                JsonNode.class);
        assertThat(offered.getBody().findValuesAsText("key")).contains(RESIDENCE);
        JsonNode residenceOffered = StreamSupport.stream(offered.getBody().spliterator(), false)
                .filter(type -> RESIDENCE.equals(type.path("key").asText())).findFirst().orElseThrow();
        assertThat(residenceOffered.path("fees").findValuesAsText("code")).containsExactly("mitan-service");
        assertThat(residenceOffered.path("fees").path(0).path("rupees").asInt()).isEqualTo(50);
        assertThat(residenceOffered.path("fees").path(0).path("labelHi").asText()).isEqualTo("मितान सेवा शुल्क");
        ResponseEntity<JsonNode> registered = journey.as("callcentre").postForEntity("/api/requests", Map.of(
                "certificateType", RESIDENCE, "bodyCode", "RPR", "ward", 22,
                "citizenName", "Sunita Verma", "citizenPhone", "+91 94252 10077",
                "address", "House 9, Kachna Basti, Raipur", "preferredVisitWindow", "MORNING",
                "language", "hi"), JsonNode.class);
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getBody().path("serviceName").asText()).isEqualTo("Residence (domicile) certificate");
        String number = journey.registeredAndVisitArranged(registered.getBody());

        JsonNode visit = journey.singleTask("mitan.raipur", "Task_VisitCitizen", number);
        assertThat(journey.formText("mitan.raipur", visit, "documentChecklist"))
                .contains("- One of: **Land record in the state (B-1 or khasra)**")
                .contains("**Affidavit of residence** / निवास का शपथ पत्र (required): **not uploaded yet**");
        journey.upload("mitan.raipur", number, "applicant-id", "aadhaar.jpg", image("jpeg"), HttpStatus.CREATED);
        journey.upload("mitan.raipur", number, "ration-card", "ration-card.png", image("png"), HttpStatus.CREATED);
        journey.upload("mitan.raipur", number, "residence-affidavit", "affidavit.pdf",
                pdf("Affidavit: 22 years in Raipur"), HttpStatus.CREATED);
        journey.submit("mitan.raipur", visit, Map.of("visitOutcome", "collected"));
        journey.runJobs(number);
        assertThat(requests.findByRequestNumber(number).orElseThrow().getStatus())
                .isEqualTo(RequestStatus.DOCUMENTS_VERIFIED);
        journey.submit("mitan.raipur", journey.singleTask("mitan.raipur", "Task_RecordParticulars", number), Map.of(
                "particular_applicantName", "Sunita Verma", "particular_fatherName", "Ramesh Verma",
                "particular_motherName", "Kiran Verma", "particular_residentialAddress", "House 9, Kachna, Raipur",
                "particular_yearsOfResidence", 22, "particular_basis", "Fifteen years' residence in the state"));

        JsonNode scrutiny = journey.claim("clerk.raipur", "Task_ScrutiniseDocuments", number);
        assertThat(candidateGroups(scrutiny)).containsExactly("clerk-RPR");
        journey.submit("clerk.raipur", scrutiny, Map.of("scrutinyOutcome", "accepted"));
        journey.runJobs(number);
        JsonNode inquiry = journey.claim("inspector.raipur", "Task_FieldInquiry", number);
        assertThat(candidateGroups(inquiry)).containsExactly("revenue-inspector-RPR");
        journey.submit("inspector.raipur", inquiry, Map.of("inquiryFinding", "supported",
                "inquiryRemarks", "Neighbours and the ward councillor confirm 22 years"));
        JsonNode decision = journey.claim("tehsildar.raipur", "Task_DecideApplication", number);
        assertThat(candidateGroups(decision)).containsExactly("tehsildar-RPR");
        journey.submit("tehsildar.raipur", decision, Map.of("decision", "approved"));
        journey.runJobs(number);

        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        Certificate certificate = certificates.findByRequestId(request.getId()).orElseThrow();
        assertThat(certificate.getHolderName()).isEqualTo("Sunita Verma");
        assertThat(certificate.getCertificateType()).isEqualTo(RESIDENCE);
        try (InputStream stored = store.open(certificate.getObjectKey()).orElseThrow()) {
            assertThat(sha256(stored.readAllBytes())).isEqualTo(certificate.getSha256());
        }
        assertTheRegistrationSmsNames(request, "निवास (मूल निवासी) प्रमाण पत्र");

        deliverAtTheDoor(journey, number, request);
    }
}
