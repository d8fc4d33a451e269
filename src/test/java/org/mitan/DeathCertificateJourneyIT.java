package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitan.Scans.image;
import static org.mitan.Scans.pdf;
import static org.mitan.Scans.sha256;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mitan.certificate.Certificate;
import org.mitan.numbering.StateCalendar;
import org.mitan.request.ServiceRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A death certificate from the call centre to the citizen's door, through the APIs as the demo users: a type made of
 * data only, reported 40 days after a death at home. The delay is worked out from the date of death in the
 * particulars and the day of the call: the affidavit the late path needs sends the Mitan back, the Municipal
 * Commissioner permits the late registration, the Registrar of Births and Deaths decides, and the certificate names
 * the deceased.
 */
@MitanIntegrationTest
class DeathCertificateJourneyIT extends TypeJourney {

    static final String DEATH = "death-certificate";

    @Test
    void aDeathAtHomeReportedFortyDaysLateIsPermittedByTheCommissionerBeforeTheRegistrarDecides() throws Exception {
        JourneySteps journey = journey();
        String number = journey.registerOffered(DEATH, "Death certificate", "Mohan Sahu", "+91 94252 10078",
                "House 3, Tatibandh, Raipur");

        // The visit: one of the medical certificate (hospital) or the crematorium record (home); the informant ID.
        JsonNode visit = journey.singleTask("mitan.raipur", "Task_VisitCitizen", number);
        assertThat(journey.formText("mitan.raipur", visit, "documentChecklist"))
                .contains("- One of: **Medical certificate of the cause of death")
                .contains("**Identity proof of the informant** / सूचक का पहचान पत्र (required): **not uploaded yet**");
        journey.upload("mitan.raipur", number, "crematorium-record", "crematorium.jpg", image("jpeg"),
                HttpStatus.CREATED);
        journey.upload("mitan.raipur", number, "informant-id", "aadhaar.png", image("png"), HttpStatus.CREATED);
        journey.submit("mitan.raipur", visit, Map.of("visitOutcome", "collected"));
        journey.runJobs(number);

        // A date of death after the call is refused where it is typed; nothing is stored and the task stays open.
        JsonNode particularsTask = journey.singleTask("mitan.raipur", "Task_RecordParticulars", number);
        Map<String, Object> particulars = particulars(LocalDate.now(StateCalendar.ZONE).plusDays(2));
        ResponseEntity<String> future = journey.submitRaw("mitan.raipur", particularsTask, particulars);
        assertThat(future.getStatusCode()).as(future.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody()).contains("particular_dateOfDeath cannot be a date after today");
        assertThat(requests.findByRequestNumber(number).orElseThrow().getRegistrationPath()).isNull();

        // Forty days after the death: permission first, and the affidavit the path needs is not there yet.
        particulars = particulars(LocalDate.now(StateCalendar.ZONE).minusDays(40));
        journey.submit("mitan.raipur", journey.singleTask("mitan.raipur", "Task_RecordParticulars", number),
                particulars);
        ServiceRequest late = requests.findByRequestNumber(number).orElseThrow();
        assertThat(late.getRegistrationDelayDays()).isEqualTo(40);
        assertThat(late.getRegistrationPath()).isEqualTo("permission");
        assertThat(late.getPathDocuments()).containsExactly("late-registration-affidavit");
        JsonNode overview = journey.as("callcentre").getForEntity("/api/requests/" + number, JsonNode.class)
                .getBody();
        assertThat(overview.path("registration").path("path").asText()).isEqualTo("permission");
        assertThat(overview.path("registration").path("lateFeeRupees").asInt()).isZero();

        JsonNode revisit = journey.singleTask("mitan.raipur", "Task_VisitCitizen", number);
        assertThat(journey.formText("mitan.raipur", revisit, "documentChecklist"))
                .contains("**Affidavit for late registration (death more than 21 days before the call)** / "
                        + "विलंबित पंजीकरण हेतु शपथ पत्र (मृत्यु को 21 दिन से अधिक) (required): **not uploaded yet**");
        assertThat(journey.formText("mitan.raipur", revisit, "scrutinyRemarks"))
                .contains("Registered 40 days after the event");
        journey.upload("mitan.raipur", number, "late-registration-affidavit", "affidavit.pdf",
                pdf("Affidavit: death of Shanti Bai at home"), HttpStatus.CREATED);
        journey.submit("mitan.raipur", revisit, Map.of("visitOutcome", "collected"));
        journey.runJobs(number);
        journey.submit("mitan.raipur", journey.singleTask("mitan.raipur", "Task_RecordParticulars", number),
                particulars);

        JsonNode scrutiny = journey.claim("clerk.raipur", "Task_ScrutiniseDocuments", number);
        assertThat(candidateGroups(scrutiny)).containsExactly("clerk-RPR");
        journey.submit("clerk.raipur", scrutiny, Map.of("scrutinyOutcome", "accepted"));
        journey.runJobs(number);

        // Neither the registrar nor the clerk sees the permission; the Municipal Commissioner of Raipur does.
        assertThat(journey.tasks("registrar.raipur", "Task_GrantLatePermission", number)).isEmpty();
        JsonNode permission = journey.claim("commissioner.raipur", "Task_GrantLatePermission", number);
        assertThat(candidateGroups(permission)).containsExactly("municipal-commissioner-RPR");
        journey.submit("commissioner.raipur", permission, Map.of("latePermission", "granted",
                "latePermissionRemarks", "Permission No. 17/2026 on the affidavit"));

        JsonNode decision = journey.claim("registrar.raipur", "Task_DecideApplication", number);
        assertThat(candidateGroups(decision)).containsExactly("registrar-RPR");
        journey.submit("registrar.raipur", decision, Map.of("decision", "approved"));
        journey.runJobs(number);

        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        Certificate certificate = certificates.findByRequestId(request.getId()).orElseThrow();
        assertThat(certificate.getHolderName()).isEqualTo("Shanti Bai");
        assertThat(certificate.getCertificateType()).isEqualTo(DEATH);
        try (InputStream stored = store.open(certificate.getObjectKey()).orElseThrow()) {
            assertThat(sha256(stored.readAllBytes())).isEqualTo(certificate.getSha256());
        }
        assertTheRegistrationSmsNames(request, "मृत्यु प्रमाण पत्र");
        // The path taken is in the history: the gateway, the permission task and the computed delay.
        String instance = request.getProcessInstanceId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
                .extracting(activity -> activity.getActivityId())
                .contains("Task_WorkOutRegistrationDelay", "Gateway_RegistrationPath", "Task_GrantLatePermission");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("registrationPath").singleResult().getValue()).isEqualTo("permission");

        deliverAtTheDoor(journey, number, request);
    }

    private static Map<String, Object> particulars(LocalDate dateOfDeath) {
        Map<String, Object> particulars = new LinkedHashMap<>();
        particulars.put("particular_deceasedName", "Shanti Bai");
        particulars.put("particular_sex", "Female");
        particulars.put("particular_ageAtDeath", 78);
        particulars.put("particular_dateOfDeath", dateOfDeath.toString());
        particulars.put("particular_placeOfDeathKind", "Home");
        particulars.put("particular_placeOfDeath", "House 3, Tatibandh, Raipur");
        particulars.put("particular_permanentAddress", "House 3, Tatibandh, Raipur");
        particulars.put("particular_spouseName", "Ramlal Sahu");
        particulars.put("particular_informantName", "Mohan Sahu");
        particulars.put("particular_informantRelation", "son");
        particulars.put("particular_informantAddress", "House 3, Tatibandh, Raipur");
        return particulars;
    }
}
