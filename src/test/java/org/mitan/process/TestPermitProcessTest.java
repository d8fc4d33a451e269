package org.mitan.process;

import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test-only type {@code test-permit}, made from the README as an analyst makes a type (three files in
 * {@code src/test/resources/tenth-type/}), through the same contract as every type: a new type needs no test code
 * beyond naming its key and its particulars.
 */
@Deployment(resources = {
        "tenth-type/test-permit.bpmn", "tenth-type/test-permit.dmn", "tenth-type/test-permit-particulars.form",
        "processes/doorstep-visit.bpmn", "processes/document-scrutiny.bpmn", "processes/authority-decision.bpmn",
        "processes/home-delivery.bpmn", "forms/request-registration.form", "forms/doorstep-visit.form",
        "forms/document-scrutiny.form", "forms/authority-decision.form", "forms/mitan-assignment.form",
        "forms/certificate-delivery.form"})
class TestPermitProcessTest extends CertificateTypeContract {

    /** Its model is not one of processes/: its coverage is recorded, not held to a threshold. */
    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.unmeasured();

    @Override
    String key() {
        return "test-permit";
    }

    @Override
    Path tablesFile() {
        return Path.of("src/test/resources/tenth-type/test-permit.dmn");
    }

    @Override
    Map<String, Object> particulars() {
        return Map.of("particular_holderName", "Ravi Kumar Sahu", "particular_purpose", "Stall at the fair");
    }
}
