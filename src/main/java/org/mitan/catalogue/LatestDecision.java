package org.mitan.catalogue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.mitan.process.EngineCalls;

/**
 * What the application reads from the latest deployed version of one decision (its rows, its parsed table), worked
 * out once per version: a deployed version never changes. Which version is the latest comes from
 * {@link DeployedVersions} (a new deployment is seen at once on the node that made it, within seconds on the
 * others); the model is fetched (from the engine's deployment cache) only for a version not seen before. Nothing
 * is evaluated through the engine's {@code DecisionService}, so nothing is written to the decision history.
 * <p>
 * Call it as the application ({@link EngineCalls#withoutAuthentication}): with authorizations on, a user who may
 * not read decision definitions would find none.
 *
 * @param <T> what is read from a version
 */
public final class LatestDecision<T> {

    private final DeployedVersions versions;
    private final String decisionKey;
    private final BiFunction<DecisionDefinition, DmnModelInstance, T> reader;
    private final AtomicReference<Version<T>> cache = new AtomicReference<>();

    /**
     * @param decisionKey the decision's id in the DMN file, e.g. {@code service-level}
     * @param reader      what to make of a version: called once per deployed version, with its definition and model
     */
    public LatestDecision(DeployedVersions versions, String decisionKey,
            BiFunction<DecisionDefinition, DmnModelInstance, T> reader) {
        this.versions = versions;
        this.decisionKey = decisionKey;
        this.reader = reader;
    }

    /** What was read from the latest deployed version; empty when no version of the decision is deployed. */
    public Optional<T> get() {
        return versions.read(decisionKey, (latest, model) -> {
            Version<T> cached = cache.get();
            if (cached != null && cached.definitionId().equals(latest.getId())) {
                return cached.value();
            }
            T value = reader.apply(latest, model.get());
            cache.set(new Version<>(latest.getId(), value));
            return value;
        });
    }

    /** The decision's key, e.g. {@code service-level}. */
    public String decisionKey() {
        return decisionKey;
    }

    private record Version<T>(String definitionId, T value) {
    }
}
