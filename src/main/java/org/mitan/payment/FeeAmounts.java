package org.mitan.payment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.DeployedVersions;
import org.mitan.catalogue.Fee;
import org.mitan.catalogue.LatestDecision;
import org.mitan.process.EngineCalls;
import org.mitan.request.ServiceRequest;
import org.springframework.stereotype.Component;

/**
 * What a request must pay for a fee, from its type's data: a row of the type's {@code <key>-fees} table when the fee
 * has a fixed amount (e.g. {@code mitan-service}), else the type's decision {@code <key>-<fee>} (e.g.
 * {@code gumasta-licence-government-fee}) evaluated over the request's particulars by name, which must give exactly
 * one row with {@code rupees} (at least 1), {@code label} and {@code labelHi}. The department edits that table in
 * Camunda Modeler; nobody types an amount. Evaluated in memory like the other type tables (the latest deployed
 * version, parsed once). A fee the data does not price is an error naming the table: the step stops with an incident
 * until an analyst adds the row, rather than charging a guess.
 */
@Component
class FeeAmounts {

    private final Catalogue catalogue;
    private final DeployedVersions versions;
    private final IdentityService identity;
    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Map<String, LatestDecision<DmnDecision>> decisions = new ConcurrentHashMap<>();

    FeeAmounts(Catalogue catalogue, DeployedVersions versions, IdentityService identity) {
        this.catalogue = catalogue;
        this.versions = versions;
        this.identity = identity;
    }

    static String decisionKey(String certificateType, String feeCode) {
        return certificateType + "-" + feeCode;
    }

    FeeDue of(ServiceRequest request, String feeCode) {
        Optional<Fee> fixed = catalogue.require(request.getCertificateType()).fee(feeCode);
        if (fixed.isPresent()) {
            Fee fee = fixed.get();
            return new FeeDue(feeCode, fee.rupees(), fee.names().en(), fee.names().hi());
        }
        String key = decisionKey(request.getCertificateType(), feeCode);
        LatestDecision<DmnDecision> latest = decisions.computeIfAbsent(key, decisionKey -> new LatestDecision<>(
                versions, decisionKey, (definition, model) -> dmn.parseDecision(definition.getKey(), model)));
        DmnDecision table = EngineCalls.withoutAuthentication(identity, latest::get).orElseThrow(() ->
                new IllegalStateException("Certificate type '" + request.getCertificateType() + "' prices no fee '"
                        + feeCode + "': add a row to " + request.getCertificateType() + "-fees or the decision " + key
                        + " to " + request.getCertificateType() + ".dmn and deploy the type"));
        Map<String, Object> particulars = new HashMap<>(request.getParticulars());
        List<Map<String, Object>> rows = dmn.evaluateDecision(table, particulars).getResultList();
        if (rows.size() != 1) {
            throw new IllegalStateException("The decision " + key + " gives " + rows.size() + " rows for request "
                    + request.getRequestNumber() + " (particulars " + particulars.keySet() + "), it must give one: "
                    + "add or correct a row in " + request.getCertificateType() + ".dmn and deploy it, then retry");
        }
        Map<String, Object> row = rows.get(0);
        int rupees = row.get("rupees") instanceof Number number ? number.intValue() : 0;
        String label = text(row.get("label"));
        String labelHi = text(row.get("labelHi"));
        if (rupees < 1 || label.isEmpty() || labelHi.isEmpty()) {
            throw new IllegalStateException("The row of " + key + " for request " + request.getRequestNumber()
                    + " needs rupees (at least 1), label and labelHi; it gives " + row);
        }
        return new FeeDue(feeCode, rupees, label, labelHi);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
