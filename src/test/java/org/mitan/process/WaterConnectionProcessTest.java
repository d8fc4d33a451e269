package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mitan.process.ProcessTestSupport.assertDeployedForm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A municipal service made by following the README's "Adding a certificate type" alone, as an analyst would
 * ({@code src/test/resources/water-connection/}: the residence model saved as {@code water-connection.bpmn}, its
 * tables and its particulars form): a new department with two roles no other type has, the sub-engineer who
 * inspects the site and the executive engineer who decides, and a department fee beside the Mitan's.
 */
@Deployment(resources = {
        "water-connection/water-connection.bpmn", "water-connection/water-connection.dmn",
        "water-connection/water-connection-particulars.form",
        "processes/doorstep-visit.bpmn", "processes/document-scrutiny.bpmn", "processes/authority-decision.bpmn",
        "processes/home-delivery.bpmn", "forms/request-registration.form", "forms/doorstep-visit.form",
        "forms/document-scrutiny.form", "forms/field-inquiry.form", "forms/authority-decision.form",
        "forms/mitan-assignment.form", "forms/certificate-delivery.form"})
class WaterConnectionProcessTest extends CertificateTypeContract {

    /** Its model is not one of processes/: its coverage is recorded, not held to a threshold. */
    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.unmeasured();

    @Override
    String key() {
        return "water-connection";
    }

    @Override
    Path tablesFile() {
        return Path.of("src/test/resources/water-connection/water-connection.dmn");
    }

    @Override
    Map<String, Object> particulars() {
        return Map.of("particular_applicantName", "Lakshmi Yadav", "particular_fatherName", "Ramesh Yadav",
                "particular_premisesAddress", "House 14, Gandhi Chowk, Raipur",
                "particular_propertyTaxNumber", "RPR/12/0456", "particular_usage", "Domestic",
                "particular_pipeSize", "15 mm", "particular_applicationDate", "2026-01-05");
    }

    @Override
    void ownStepsBeforeTheDecision(ProcessInstance request) {
        assertThat(request).isWaitingAt("Task_FieldInquiry");
        Task inspection = task(request);
        assertEquals(List.of("sub-engineer"), candidateGroups(inspection));
        assertDeployedForm(inspection, "field-inquiry");
        complete(inspection, withVariables("inquiryFinding", "supported", "inquiryRemarks", "Main line 20 m away"));
    }
}
