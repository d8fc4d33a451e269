package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitan.Scans.image;
import static org.mitan.Scans.pdf;

import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mitan.certificate.Certificate;
import org.mitan.request.ServiceRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A Gumasta licence (shop and establishment registration, Labour department) from the call centre to the shop
 * owner's door, through the APIs as the demo users: a type made of data. The Mitan uploads one of the two proofs of
 * the premises (the rent agreement), the owner's ID and a photograph of the shop front and records the
 * establishment; the clerk scrutinises, the labour officer decides; the licence carries its registration number of
 * the body and year, names the establishment and the labour officer who approved it.
 */
@MitanIntegrationTest
class GumastaLicenceJourneyIT extends TypeJourney {

    static final String GUMASTA = "gumasta-licence";

    @Test
    void gumastaLicenceFromCallToDoorDecidedByTheLabourOfficer() throws Exception {
        JourneySteps journey = journey();
        ResponseEntity<JsonNode> offered = journey.as("callcentre").getForEntity("/api/certificate-types",
                JsonNode.class);
        assertThat(offered.getBody().findValuesAsText("key")).containsExactlyInAnyOrder("birth-certificate",
                "caste-certificate", "death-certificate", "gumasta-licence", "marriage-certificate",
                "residence-certificate");
        JsonNode gumastaOffered = StreamSupport.stream(offered.getBody().spliterator(), false)
                .filter(type -> GUMASTA.equals(type.path("key").asText())).findFirst().orElseThrow();
        assertThat(gumastaOffered.path("department").asText()).isEqualTo("Labour department (labour officer)");
        assertThat(gumastaOffered.path("fees").findValuesAsText("code")).containsExactly("mitan-service");
        String number = journey.registerOffered(GUMASTA, "Gumasta licence (shop and establishment registration)",
                "Ramesh Sahu", "9425210088", "Shop 4, Gandhi Chowk, Raipur");

        JsonNode visit = journey.singleTask("mitan.raipur", "Task_VisitCitizen", number);
        assertThat(journey.formText("mitan.raipur", visit, "documentChecklist"))
                .contains("- One of: **Rent agreement of the premises**")
                .contains("**Photograph of the shop front with the name board**");
        journey.upload("mitan.raipur", number, "rent-agreement", "rent.pdf", pdf("Rent agreement, shop 4"),
                HttpStatus.CREATED);
        journey.upload("mitan.raipur", number, "owner-id", "aadhaar.jpg", image("jpeg"), HttpStatus.CREATED);
        journey.upload("mitan.raipur", number, "shop-front-photograph", "shop.jpg", image("jpeg"),
                HttpStatus.CREATED);
        journey.submit("mitan.raipur", visit, Map.of("visitOutcome", "collected"));
        journey.runJobs(number);
        journey.submit("mitan.raipur", journey.singleTask("mitan.raipur", "Task_RecordParticulars", number), Map.of(
                "particular_establishmentName", "Sahu Kirana Store", "particular_category", "shop",
                "particular_establishmentAddress", "Shop 4, Gandhi Chowk, Raipur",
                "particular_natureOfBusiness", "Grocery", "particular_dateOfOpening", "2025-11-01",
                "particular_ownerNames", "Ramesh Sahu", "particular_menEmployees", 2,
                "particular_womenEmployees", 1));

        JsonNode scrutiny = journey.claim("clerk.raipur", "Task_ScrutiniseDocuments", number);
        assertThat(candidateGroups(scrutiny)).containsExactly("clerk-RPR");
        journey.submit("clerk.raipur", scrutiny, Map.of("scrutinyOutcome", "accepted"));
        journey.runJobs(number);

        assertThat(journey.tasks("registrar.raipur", "Task_DecideApplication", number)).isEmpty();
        JsonNode decision = journey.claim("labour.officer.raipur", "Task_DecideApplication", number);
        assertThat(candidateGroups(decision)).containsExactly("labour-officer-RPR");
        journey.submit("labour.officer.raipur", decision, Map.of("decision", "approved"));
        journey.runJobs(number);

        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        Certificate licence = certificates.findByRequestId(request.getId()).orElseThrow();
        assertThat(licence.getHolderName()).isEqualTo("Sahu Kirana Store");
        assertThat(licence.getCertificateNumber()).matches("RPR/GUMASTA-LICENCE/\\d{4}/\\d{6}");
        ResponseEntity<byte[]> download = journey.as("labour.officer.raipur").getForEntity(
                "/api/certificates/" + licence.getCertificateNumber() + "/pdf", byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (PDDocument pdf = Loader.loadPDF(download.getBody())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains(licence.getCertificateNumber(), "Sahu Kirana Store",
                    "गुमास्ता लाइसेंस (दुकान एवं स्थापना पंजीयन)", "श्रम विभाग (श्रम अधिकारी)",
                    "Shop / दुकान", "Deepak Sonwani (labour.officer.raipur)");
        }
        assertTheRegistrationSmsNames(request, "गुमास्ता लाइसेंस");

        deliverAtTheDoor(journey, number, request);
    }
}
