package org.mitan.process;

import java.util.Map;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The birth certificate through every path the contract of a certificate type names, and the late-registration
 * paths: permission of the prescribed authority up to a year late, the magistrate's order after that.
 */
@Deployment(resources = {
        "processes/birth-certificate.bpmn", "processes/birth-certificate.dmn", "processes/doorstep-visit.bpmn",
        "processes/document-scrutiny.bpmn", "processes/authority-decision.bpmn", "processes/home-delivery.bpmn",
        "forms/request-registration.form", "forms/doorstep-visit.form", "forms/birth-certificate-particulars.form",
        "forms/document-scrutiny.form", "forms/authority-decision.form", "forms/mitan-assignment.form",
        "forms/certificate-delivery.form", "forms/late-registration-permission.form"})
class BirthCertificateProcessTest extends LateRegistrationContract {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage(ProcessKeys.BIRTH_CERTIFICATE);

    @Override
    String key() {
        return ProcessKeys.BIRTH_CERTIFICATE;
    }

    @Override
    Map<String, Object> particulars() {
        return Map.of("particular_childName", "Aarav", "particular_sex", "Male");
    }

    @Override
    String eventParticular() {
        return "dateOfBirth";
    }
}
