package org.mitan.singlewindow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.mitan.process.ProcessKeys;
import org.mitan.process.ProcessVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a certificate type is called and who holds it, read from the deployed {@code service-level} decision
 * (input {@code certificateType}). A new type needs a new row there, not code here.
 * <p>
 * Answers are kept per deployed version of the decision: the public verification page asks on every call, and
 * each evaluation would otherwise write decision history. Deploying a new version is picked up on the next call.
 */
@Component
public class ServiceCatalogue {

    /** Output of the {@code service-level} decision: the service's name for people, e.g. "Birth certificate". */
    static final String SERVICE_NAME = "serviceName";
    /** Output of the {@code service-level} decision: the office that issues it. */
    static final String DEPARTMENT = "department";
    /**
     * Optional output of the {@code service-level} decision: the particular naming the certificate's holder
     * (e.g. {@code childName} for a birth certificate). Without it the holder is the citizen who asked.
     */
    static final String HOLDER_PARTICULAR = "holderParticular";

    private static final Logger log = LoggerFactory.getLogger(ServiceCatalogue.class);

    private final RepositoryService repository;
    private final DecisionService decisions;
    private volatile Answers answers = new Answers("", new ConcurrentHashMap<>());

    ServiceCatalogue(RepositoryService repository, DecisionService decisions) {
        this.repository = repository;
        this.decisions = decisions;
    }

    /** The type's row of the decision; the type key itself as its name when there is no decision or no row. */
    public ServiceDescription describe(String certificateType) {
        try {
            DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(ProcessKeys.DECISION_SERVICE_LEVEL).latestVersion().singleResult();
            if (latest == null) {
                log.warn("No decision {} is deployed; certificate type {} is shown by its key",
                        ProcessKeys.DECISION_SERVICE_LEVEL, certificateType);
                return ServiceDescription.unknown(certificateType);
            }
            Answers current = answers;
            if (!current.definitionId().equals(latest.getId())) {
                current = new Answers(latest.getId(), new ConcurrentHashMap<>());
                answers = current;
            }
            return current.byType().computeIfAbsent(certificateType, type -> evaluate(latest.getId(), type));
        } catch (ProcessEngineException e) {
            log.warn("Decision {} could not describe certificate type {}: {}", ProcessKeys.DECISION_SERVICE_LEVEL,
                    certificateType, e.getMessage());
            return ServiceDescription.unknown(certificateType);
        }
    }

    private ServiceDescription evaluate(String definitionId, String certificateType) {
        DmnDecisionResult result = decisions.evaluateDecisionById(definitionId)
                .variables(Map.<String, Object>of(ProcessVariables.CERTIFICATE_TYPE, certificateType))
                .evaluate();
        if (result.isEmpty()) {
            return ServiceDescription.unknown(certificateType);
        }
        // get, not getEntry: getEntry fails on an output column the decision does not have
        DmnDecisionResultEntries row = result.get(0);
        String name = text(row.get(SERVICE_NAME));
        return new ServiceDescription(name == null ? certificateType : name, text(row.get(DEPARTMENT)),
                text(row.get(HOLDER_PARTICULAR)));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private record Answers(String definitionId, Map<String, ServiceDescription> byType) {
    }

    /**
     * @param serviceName      name for people, never null
     * @param department       issuing office, or null
     * @param holderParticular particular that names the holder, or null when the holder is the citizen
     */
    public record ServiceDescription(String serviceName, String department, String holderParticular) {

        static ServiceDescription unknown(String certificateType) {
            return new ServiceDescription(certificateType, null, null);
        }
    }
}
