package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitan.Scans.image;
import static org.mitan.Scans.pdf;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mitan.certificate.Certificate;
import org.mitan.numbering.StateCalendar;
import org.mitan.request.ServiceRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A marriage registration certificate from the call centre to the citizen's door, through the APIs as the demo
 * users: a type made of data only. The particulars of a bride who was 17 on the date of marriage are refused where
 * they are entered (the type's particulars rules), in English and Hindi, and nothing is stored; registered 40 days
 * after the marriage, the request carries the late fee of the type's delay table; the marriage registrar hears both
 * parties and decides; the certificate prints both parties and the witnesses.
 */
@MitanIntegrationTest
class MarriageCertificateJourneyIT extends TypeJourney {

    static final String MARRIAGE = "marriage-certificate";

    @Test
    void aMarriageRegisteredFortyDaysLateWithAnUnderageBrideRefusedFirst() throws Exception {
        JourneySteps journey = journey();
        String number = journey.registerOffered(MARRIAGE, "Marriage registration certificate", "Ravi Sahu",
                "+91 94252 10079", "House 21, Shankar Nagar, Raipur");

        JsonNode visit = journey.singleTask("mitan.raipur", "Task_VisitCitizen", number);
        assertThat(journey.formText("mitan.raipur", visit, "documentChecklist"))
                .contains("- One of: **Wedding invitation card**")
                .contains("**Joint photograph of the bride and groom** / वर-वधू का संयुक्त फोटो (required)");
        collectTheDocuments(journey, number, visit);

        // The age rule where the data is entered: the bride was 17 on the date of marriage.
        LocalDate married = LocalDate.now(StateCalendar.ZONE).minusDays(40);
        Map<String, Object> particulars = particulars(married, married.minusYears(18).plusDays(10));
        ResponseEntity<String> underage = journey.submitRaw("mitan.raipur",
                journey.singleTask("mitan.raipur", "Task_RecordParticulars", number), particulars);
        assertThat(underage.getStatusCode()).as(underage.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(underage.getBody()).contains("particular_brideDateOfBirth")
                .contains("The bride must be at least 18 years old on the date of marriage")
                .contains("वधू की आयु कम से कम 18 वर्ष");
        ServiceRequest refused = requests.findByRequestNumber(number).orElseThrow();
        assertThat(refused.getParticulars()).isEmpty();
        assertThat(refused.getRegistrationPath()).isNull();

        // Corrected (she was 23): the particulars go in; 40 days after the marriage carries the late fee.
        particulars = particulars(married, married.minusYears(23));
        journey.submit("mitan.raipur", journey.singleTask("mitan.raipur", "Task_RecordParticulars", number),
                particulars);
        ServiceRequest late = requests.findByRequestNumber(number).orElseThrow();
        assertThat(late.getRegistrationDelayDays()).isEqualTo(40);
        assertThat(late.getLateFeeRupees()).isEqualTo(100);
        JsonNode overview = journey.as("callcentre").getForEntity("/api/requests/" + number, JsonNode.class)
                .getBody();
        assertThat(overview.path("registration").path("lateFeeRupees").asInt()).isEqualTo(100);
        assertThat(overview.path("registration").path("path").asText()).isEqualTo("registrar");
        // The citizen's status page (JSON to a client that asks for it) lists the fees the request carries, the
        // late fee with them.
        JsonNode status = http.getForEntity("/status/" + late.getStatusCode(), JsonNode.class).getBody();
        assertThat(status.path("fees").toString()).contains("\"rupees\":50").contains("\"rupees\":100")
                .contains("विलंब से पंजीकरण का शुल्क");

        journey.submit("clerk.raipur", journey.claim("clerk.raipur", "Task_ScrutiniseDocuments", number),
                Map.of("scrutinyOutcome", "accepted"));
        journey.runJobs(number);
        JsonNode hearing = journey.claim("marriage.registrar.raipur", "Task_HearBothParties", number);
        assertThat(candidateGroups(hearing)).containsExactly("marriage-registrar-RPR");
        journey.submit("marriage.registrar.raipur", hearing, Map.of("hearingFinding", "appearedInOffice",
                "hearingRemarks", "Both parties and both witnesses appeared with their originals"));
        JsonNode decision = journey.claim("marriage.registrar.raipur", "Task_DecideApplication", number);
        assertThat(journey.formText("marriage.registrar.raipur", decision, "requestSummary"))
                .contains("Both parties and both witnesses appeared");
        journey.submit("marriage.registrar.raipur", decision, Map.of("decision", "approved"));
        journey.runJobs(number);

        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        Certificate certificate = certificates.findByRequestId(request.getId()).orElseThrow();
        assertThat(certificate.getHolderName()).isEqualTo("Ravi Sahu");
        try (InputStream stored = store.open(certificate.getObjectKey()).orElseThrow();
                PDDocument pdf = Loader.loadPDF(stored.readAllBytes())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Ravi Sahu", "Pooja Verma", "Hindu",
                    "Arya Samaj Mandir, Raipur", "Suresh Patel", "Meera Sinha", certificate.getCertificateNumber());
        }
        assertTheRegistrationSmsNames(request, "विवाह पंजीयन प्रमाण पत्र");

        deliverAtTheDoor(journey, number, request);
    }

    /** The Mitan uploads every document the type asks for (the invitation card of the "one of" group) at the visit. */
    static void collectTheDocuments(JourneySteps journey, String number, JsonNode visit) throws Exception {
        for (String type : List.of("joint-photograph", "groom-age-proof", "bride-age-proof", "witness-one-id",
                "witness-two-id")) {
            journey.upload("mitan.raipur", number, type, type + ".jpg", image("jpeg"), HttpStatus.CREATED);
        }
        journey.upload("mitan.raipur", number, "invitation-card", "card.png", image("png"), HttpStatus.CREATED);
        journey.upload("mitan.raipur", number, "marriage-affidavit", "affidavit.pdf",
                pdf("Joint affidavit of Ravi Sahu and Pooja Verma"), HttpStatus.CREATED);
        journey.submit("mitan.raipur", visit, Map.of("visitOutcome", "collected"));
        journey.runJobs(number);
    }

    static Map<String, Object> particulars(LocalDate married, LocalDate brideBorn) {
        Map<String, Object> particulars = new LinkedHashMap<>();
        particulars.put("particular_groomName", "Ravi Sahu");
        particulars.put("particular_groomDateOfBirth", married.minusYears(26).toString());
        particulars.put("particular_groomFatherName", "Mohan Sahu");
        particulars.put("particular_groomAddress", "House 21, Shankar Nagar, Raipur");
        particulars.put("particular_brideName", "Pooja Verma");
        particulars.put("particular_brideDateOfBirth", brideBorn.toString());
        particulars.put("particular_brideFatherName", "Ramesh Verma");
        particulars.put("particular_brideAddress", "Ward 9, Tikrapara, Raipur");
        particulars.put("particular_dateOfMarriage", married.toString());
        particulars.put("particular_placeOfMarriage", "Arya Samaj Mandir, Raipur");
        particulars.put("particular_rite", "Hindu");
        particulars.put("particular_witnessOneName", "Suresh Patel");
        particulars.put("particular_witnessOneAddress", "Civil Lines, Raipur");
        particulars.put("particular_witnessTwoName", "Meera Sinha");
        particulars.put("particular_witnessTwoAddress", "Pandri, Raipur");
        return particulars;
    }
}
