package org.mitan.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mitan.process.ProcessTestSupport.assertDeployedForm;
import static org.mitan.process.ProcessTestSupport.inDays;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The residence (domicile) certificate through the contract of a certificate type: a type made of data only (a
 * model copied from the caste certificate's, its DMN file and its particulars form), with the Revenue Inspector's
 * field inquiry before the Tehsildar decides.
 */
@Deployment(resources = {
        "processes/residence-certificate.bpmn", "processes/residence-certificate.dmn",
        "processes/doorstep-visit.bpmn", "processes/document-scrutiny.bpmn", "processes/authority-decision.bpmn",
        "processes/home-delivery.bpmn", "forms/request-registration.form", "forms/doorstep-visit.form",
        "forms/residence-certificate-particulars.form", "forms/document-scrutiny.form", "forms/field-inquiry.form",
        "forms/authority-decision.form", "forms/mitan-assignment.form", "forms/certificate-delivery.form"})
class ResidenceCertificateProcessTest extends CertificateTypeContract {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage("residence-certificate");

    @Override
    String key() {
        return "residence-certificate";
    }

    @Override
    Map<String, Object> particulars() {
        return Map.of("particular_applicantName", "Sunita Verma", "particular_fatherName", "Ramesh Verma",
                "particular_motherName", "Kiran Verma", "particular_residentialAddress", "Ward 12, Raipur",
                "particular_yearsOfResidence", 22, "particular_basis", "Fifteen years' residence in the state");
    }

    @Override
    void ownStepsBeforeTheDecision(ProcessInstance request) {
        assertThat(request).isWaitingAt("Task_FieldInquiry");
        Task inquiry = task(request);
        assertEquals(List.of("revenue-inspector"), candidateGroups(inquiry));
        assertThat(inquiry).hasDueDate(inDays(type().step("Task_FieldInquiry").orElseThrow().dueDays()));
        assertDeployedForm(inquiry, "field-inquiry");
        complete(inquiry, withVariables("inquiryFinding", "supported", "inquiryRemarks", "Neighbours confirm"));
    }
}
