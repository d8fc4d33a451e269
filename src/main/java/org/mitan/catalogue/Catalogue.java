package org.mitan.catalogue;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.mitan.process.EngineCalls;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The certificate types on offer, read from what is deployed, the one reader of every type's facts: the API,
 * registration, the forms' summaries, the SMS, the certificate and the routing of tasks all ask here.
 * <p>
 * A type is a deployment of its own: the process {@code <key>} and its DMN file {@code <key>.dmn} with the tables
 * {@code <key>-service}, {@code <key>-steps} and {@code <key>-documents} ({@link TypeTables}). The newest deployed
 * version of the file answers; a version never changes, so it is read once per decision definition id. Which
 * version is the newest comes from {@link DeployedVersions}: a deployment is picked up by the next transaction on
 * the node that made it, and within {@link DeployedVersions#RECHECK} on the others. Reads are made as
 * the application, not as the logged-in user: the catalogue is the same for everyone.
 */
@Component
public class Catalogue {

    /** Steps' names by the English one, then the Hindi one (two types may put it differently). */
    private static final Comparator<Names> STEP_NAMES = Comparator.comparing(Names::en)
            .thenComparing(Names::hi, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final DeployedVersions versions;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    Catalogue(DeployedVersions versions, RepositoryService repository, IdentityService identity) {
        this.versions = versions;
        this.repository = repository;
        this.identity = identity;
    }

    /** The type of that key, if its tables are deployed and its latest process can be started now. */
    public Optional<CertificateType> find(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return EngineCalls.withoutAuthentication(identity, () -> {
            Optional<CertificateType> type = tables(key);
            if (type.isEmpty()) {
                return type;
            }
            ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            return latest != null && !latest.isSuspended() ? type : Optional.empty();
        });
    }

    /**
     * The type's newest tables, whether or not its process can be started now: what a certificate issued earlier is
     * called, whom it names and who works on a running request's tasks do not depend on today's deployments.
     */
    public Optional<CertificateType> type(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return EngineCalls.withoutAuthentication(identity, () -> tables(key));
    }

    /** The type, or an error naming what to deploy: for steps that cannot go on without it. */
    public CertificateType require(String key) {
        return type(key).orElseThrow(() -> new IllegalStateException("Certificate type '" + key
                + "' has no deployed tables (" + TypeTables.serviceDecision(key) + " in " + key
                + ".dmn): deploy the type with its DMN file"));
    }

    /** Every type on offer, by key. */
    public List<CertificateType> all() {
        return EngineCalls.withoutAuthentication(identity, () -> {
            Set<String> startable = repository.createProcessDefinitionQuery().latestVersion().active().list()
                    .stream().map(ProcessDefinition::getKey).collect(Collectors.toSet());
            return deployedKeys().stream()
                    .filter(startable::contains)
                    .map(this::tables)
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparing(CertificateType::key))
                    .toList();
        });
    }

    /**
     * The roles the deployed types' steps name, e.g. {@code clerk}, {@code registrar}, {@code tehsildar}, each with the
     * names of its steps in English and Hindi, in the order of the English ones: the departments are data, as the
     * types bring them.
     */
    public Map<String, List<Names>> stepsByRole() {
        return EngineCalls.withoutAuthentication(identity, () -> deployedKeys().stream()
                .map(this::tables)
                .flatMap(Optional::stream)
                .flatMap(type -> type.steps().values().stream())
                .filter(Step::hasRole)
                .collect(Collectors.groupingBy(Step::role, TreeMap::new, Collectors.collectingAndThen(
                        Collectors.mapping(Step::label, Collectors.toCollection(() -> new TreeSet<>(STEP_NAMES))),
                        List::copyOf))));
    }

    private Set<String> deployedKeys() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKeyLike("%" + TypeTables.SERVICE)
                .latestVersion().list().stream()
                .map(DecisionDefinition::getKey)
                .map(key -> key.substring(0, key.length() - TypeTables.SERVICE.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Forgets which versions this transaction and this node have read, so that the next question reads the latest
     * again: after a deployment, or a deletion of one, through this node.
     */
    public void forgetReads() {
        if (TransactionSynchronizationManager.getResource(this) instanceof Map<?, ?> reads) {
            reads.clear();
        }
        versions.forget();
    }

    /**
     * The type's newest tables as this transaction first found them. One step asks for its type many times (its
     * group, due date, reminder, documents, SMS): the latest version is looked up once per transaction, not at each
     * question (issue 11). Outside a transaction every question looks it up.
     */
    private Optional<CertificateType> tables(String key) {
        Map<String, Optional<CertificateType>> readsOfThisTransaction = readsOfThisTransaction();
        if (readsOfThisTransaction == null) {
            return latestTables(key);
        }
        Optional<CertificateType> read = readsOfThisTransaction.get(key);
        if (read == null) {
            read = latestTables(key);
            readsOfThisTransaction.put(key, read);
        }
        return read;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Optional<CertificateType>> readsOfThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Map<String, Optional<CertificateType>>) bound;
        }
        Map<String, Optional<CertificateType>> reads = new HashMap<>();
        TransactionBound.bind(this, reads, () -> { });
        return reads;
    }

    /** A table that cannot be read is not a type on offer; the deployment check keeps such tables out. */
    private Optional<CertificateType> latestTables(String key) {
        return versions.read(TypeTables.serviceDecision(key), (latest, model) -> {
            Read cached = reads.get(key);
            if (cached != null && cached.definitionId().equals(latest.getId())) {
                return cached.type();
            }
            CertificateType type = TypeTables.read(model.get(), key);
            reads.put(key, new Read(latest.getId(), type));
            return type;
        });
    }

    /**
     * The type's newest tables as the engine has them now, for a step that found no row for itself in the tables
     * this node remembered: a new version of the type's process may have been deployed through another node
     * within {@link DeployedVersions#RECHECK}, its tables not yet seen here.
     */
    public Optional<CertificateType> typeNow(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return EngineCalls.withoutAuthentication(identity, () -> {
            versions.latestDecisionNow(TypeTables.serviceDecision(key));
            Map<String, Optional<CertificateType>> readsOfThisTransaction = readsOfThisTransaction();
            if (readsOfThisTransaction != null) {
                readsOfThisTransaction.remove(key);
            }
            return tables(key);
        });
    }

    private record Read(String definitionId, CertificateType type) {
    }
}
