package org.mitan.process;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The correction of a death certificate through every path of a correction type. */
@Deployment(resources = {
        "processes/death-correction.bpmn", "processes/death-correction.dmn", "processes/doorstep-visit.bpmn",
        "processes/document-scrutiny.bpmn", "processes/authority-decision.bpmn", "processes/home-delivery.bpmn",
        "forms/request-registration.form", "forms/doorstep-visit.form", "forms/correction-certificate.form",
        "forms/correction-changes.form", "forms/death-correction-paper-entry.form", "forms/correction-approval.form",
        "forms/document-scrutiny.form",
        "forms/authority-decision.form", "forms/mitan-assignment.form", "forms/certificate-delivery.form"})
class DeathCorrectionProcessTest extends CorrectionTypeContract {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage("death-correction");

    @Override
    String key() {
        return "death-correction";
    }

    @Override
    String corrects() {
        return "death-certificate";
    }
}
