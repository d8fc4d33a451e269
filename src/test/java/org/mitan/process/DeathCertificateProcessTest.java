package org.mitan.process;

import java.util.Map;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The death certificate (Registrar of Births and Deaths), a type of data only, through every path the contract of a
 * certificate type names, and the late-registration paths: permission of the prescribed authority up to a year late,
 * the magistrate's order after that.
 */
@Deployment(resources = {
        "processes/death-certificate.bpmn", "processes/death-certificate.dmn", "processes/doorstep-visit.bpmn",
        "processes/document-scrutiny.bpmn", "processes/authority-decision.bpmn", "processes/home-delivery.bpmn",
        "forms/request-registration.form", "forms/doorstep-visit.form", "forms/death-certificate-particulars.form",
        "forms/document-scrutiny.form", "forms/authority-decision.form", "forms/mitan-assignment.form",
        "forms/certificate-delivery.form", "forms/late-registration-permission.form"})
class DeathCertificateProcessTest extends LateRegistrationContract {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage("death-certificate");

    @Override
    String key() {
        return "death-certificate";
    }

    @Override
    Map<String, Object> particulars() {
        return Map.of("particular_deceasedName", "Shanti Bai", "particular_sex", "Female",
                "particular_ageAtDeath", 78, "particular_informantName", "Mohan Sahu");
    }

    @Override
    String eventParticular() {
        return "dateOfDeath";
    }
}
