package org.mitan.catalogue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.mitan.process.EngineCalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which version of a decision is the latest deployed, as this node last found it, for at most {@link #RECHECK}:
 * every registration asked the engine for the latest version of its type's tables four to six times (a command and
 * a query each, 6 % of the application's CPU per registration at 50 a second, issue 11), and a version, once
 * deployed, never changes. A deployment or a deletion made through this node is seen at once (the node forgets what
 * it found, {@link #forget}); one made through another node sharing the database is seen within {@link #RECHECK}.
 * <p>
 * A transaction that has deployed reads past the memory until it ends, so that no other transaction is handed a
 * version that is not committed, or that a rollback takes back. A caller whose remembered version falls short (its
 * deployment deleted through another node, or a new process version started before its tables were seen here)
 * asks again at once ({@link #read}, {@link #latestDecisionNow}). The engine is asked as the application, whoever is
 * logged in: what is remembered is the same for everyone.
 */
@Component
public class DeployedVersions {

    /** How long a node goes on answering with the version it found, before asking the engine again. */
    public static final Duration RECHECK = Duration.ofSeconds(2);
    /** Decision keys remembered at most: every type's tables many times over; keys asked for come from requests. */
    static final int MAX_REMEMBERED = 1_000;

    private final RepositoryService repository;
    private final IdentityService identity;
    private final long recheckNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Found> found = new ConcurrentHashMap<>();
    /** Advanced by {@link #forget}: what a read began to look up before it is not kept. */
    private final AtomicLong generation = new AtomicLong();

    @Autowired
    DeployedVersions(RepositoryService repository, IdentityService identity) {
        this(repository, identity, RECHECK, System::nanoTime);
    }

    /** For tests: {@code Duration.ZERO} asks the engine every time. */
    public DeployedVersions(RepositoryService repository, IdentityService identity, Duration recheck,
            LongSupplier nanoTime) {
        this.repository = repository;
        this.identity = identity;
        this.recheckNanos = recheck.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The latest deployed version of the decision, if any, as this node found it within {@link #RECHECK}. */
    public Optional<DecisionDefinition> latestDecision(String decisionKey) {
        Optional<DecisionDefinition> remembered = remembered(decisionKey);
        return remembered != null ? remembered : latestDecisionNow(decisionKey);
    }

    /** What this node remembers of the decision, or {@code null} when it must ask the engine. */
    private Optional<DecisionDefinition> remembered(String decisionKey) {
        if (recheckNanos <= 0 || deployedInThisTransaction()) {
            return null;
        }
        Found earlier = found.get(decisionKey);
        if (earlier != null && earlier.generation() == generation.get()
                && nanoTime.getAsLong() - earlier.at() < recheckNanos) {
            return earlier.definition();
        }
        return null;
    }

    /** The latest deployed version as the engine has it now, remembered afresh. */
    public Optional<DecisionDefinition> latestDecisionNow(String decisionKey) {
        long now = nanoTime.getAsLong();
        long current = generation.get();
        Optional<DecisionDefinition> latest = query(decisionKey);
        if (recheckNanos > 0 && !deployedInThisTransaction() && generation.get() == current) {
            if (found.size() >= MAX_REMEMBERED && !found.containsKey(decisionKey)) {
                found.clear();
            }
            found.put(decisionKey, new Found(latest, now, current));
        }
        return latest;
    }

    /**
     * What {@code read} makes of the latest version (given its definition and its model, fetched on demand), or
     * empty when none is deployed. A remembered version is confirmed with the engine before its model is fetched:
     * fetching the model of a version whose deployment was deleted through another node would fail inside the
     * engine and doom the caller's transaction. When it is no longer the latest, or {@code read} fails on it and
     * the engine now has another, the engine's latest is read instead.
     */
    public <T> Optional<T> read(String decisionKey,
            BiFunction<DecisionDefinition, Supplier<DmnModelInstance>, T> read) {
        Optional<DecisionDefinition> remembered = remembered(decisionKey);
        if (remembered == null) {
            return latestDecisionNow(decisionKey).map(definition -> read.apply(definition, () -> model(definition)));
        }
        if (remembered.isEmpty()) {
            return Optional.empty();
        }
        DecisionDefinition latest = remembered.get();
        try {
            return Optional.of(read.apply(latest, () -> {
                if (!isLatestNow(decisionKey, latest)) {
                    throw new VersionReplaced(latest);
                }
                return model(latest);
            }));
        } catch (RuntimeException e) {
            Optional<DecisionDefinition> now = latestDecisionNow(decisionKey);
            if (!(e instanceof VersionReplaced) && now.isPresent() && now.get().getId().equals(latest.getId())) {
                throw e;
            }
            return now.map(definition -> read.apply(definition, () -> model(definition)));
        }
    }

    private boolean isLatestNow(String decisionKey, DecisionDefinition version) {
        return latestDecisionNow(decisionKey).map(latest -> latest.getId().equals(version.getId())).orElse(false);
    }

    /** The remembered version is no longer the engine's latest. */
    private static final class VersionReplaced extends RuntimeException {

        VersionReplaced(DecisionDefinition definition) {
            super("Version " + definition.getId() + " is no longer the latest", null, false, false);
        }
    }

    private DmnModelInstance model(DecisionDefinition definition) {
        return EngineCalls.withoutAuthentication(identity, () -> repository.getDmnModelInstance(definition.getId()));
    }

    /**
     * Forgets every version found: a deployment was made or deleted through this node. Inside a transaction, it
     * forgets again when the transaction ends, and until then the transaction reads past the memory.
     */
    public void forget() {
        forgetFound();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionBound.bind(this, Boolean.TRUE, this::forgetFound);
        }
    }

    private void forgetFound() {
        generation.incrementAndGet();
        found.clear();
    }

    private boolean deployedInThisTransaction() {
        return TransactionSynchronizationManager.hasResource(this);
    }

    private Optional<DecisionDefinition> query(String decisionKey) {
        return Optional.ofNullable(EngineCalls.withoutAuthentication(identity, () -> repository
                .createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).latestVersion().singleResult()));
    }

    private record Found(Optional<DecisionDefinition> definition, long at, long generation) {
    }
}
