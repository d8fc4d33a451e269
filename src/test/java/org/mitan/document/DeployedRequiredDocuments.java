package org.mitan.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** The rows of a type's real documents table ({@code processes/<type>.dmn}), as {@link RequiredDocuments} reads them. */
final class DeployedRequiredDocuments {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private DeployedRequiredDocuments() {
    }

    static List<RequiredDocument> forType(String certificateType) {
        try (InputStream table = DeployedRequiredDocuments.class
                .getResourceAsStream("/processes/" + certificateType + ".dmn")) {
            DmnDecision decision = DMN.parseDecision(certificateType + "-documents", table);
            return RequiredDocuments.fromResult(
                    DMN.evaluateDecision(decision, Map.of("certificateType", certificateType)).getResultList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
