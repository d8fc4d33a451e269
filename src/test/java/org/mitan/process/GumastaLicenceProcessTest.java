package org.mitan.process;

import java.util.Map;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Gumasta licence (shop and establishment registration, Labour department) through the contract of a certificate
 * type: a type made of data only (a model copied from the residence certificate's, its DMN file and its particulars
 * form); the clerk scrutinises, the labour officer decides, the licence names the establishment.
 */
@Deployment(resources = {
        "processes/gumasta-licence.bpmn", "processes/gumasta-licence.dmn",
        "processes/doorstep-visit.bpmn", "processes/document-scrutiny.bpmn", "processes/authority-decision.bpmn",
        "processes/home-delivery.bpmn", "forms/request-registration.form", "forms/doorstep-visit.form",
        "forms/gumasta-licence-particulars.form", "forms/document-scrutiny.form", "forms/authority-decision.form",
        "forms/mitan-assignment.form", "forms/certificate-delivery.form"})
class GumastaLicenceProcessTest extends CertificateTypeContract {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage("gumasta-licence");

    @Override
    String key() {
        return "gumasta-licence";
    }

    @Override
    Map<String, Object> particulars() {
        return Map.of("particular_establishmentName", "Sahu Kirana Store", "particular_category", "shop",
                "particular_establishmentAddress", "Shop 4, Gandhi Chowk, Raipur",
                "particular_natureOfBusiness", "Grocery", "particular_dateOfOpening", "2026-01-10",
                "particular_ownerNames", "Ramesh Sahu", "particular_menEmployees", 2,
                "particular_womenEmployees", 1);
    }
}
