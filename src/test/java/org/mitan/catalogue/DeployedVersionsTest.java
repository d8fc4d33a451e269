package org.mitan.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The latest version of a decision as this node found it: kept for seconds, forgotten at a deployment. */
class DeployedVersionsTest {

    private final RepositoryService repository = mock(RepositoryService.class);
    private final AtomicLong now = new AtomicLong();
    private final DeployedVersions versions = new DeployedVersions(repository, mock(IdentityService.class),
            Duration.ofSeconds(2), now::get);
    /** The latest version the engine has, and how often it was asked. */
    private DecisionDefinition latest;
    private final List<String> asked = new ArrayList<>();
    private Runnable whileAsked = () -> { };

    @BeforeEach
    void engine() {
        when(repository.createDecisionDefinitionQuery()).thenAnswer(call -> {
            DecisionDefinitionQuery query = mock(DecisionDefinitionQuery.class, RETURNS_SELF);
            when(query.singleResult()).thenAnswer(result -> {
                asked.add("birth-certificate-service");
                whileAsked.run();
                return latest;
            });
            return query;
        });
        deploy("v1");
    }

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(versions);
    }

    @Test
    void aVersionFoundIsKeptForTheRecheckTimeThenAskedForAgain() {
        assertThat(latestId()).isEqualTo("v1");
        deploy("v2");   // through another node: this one is not told
        now.addAndGet(Duration.ofMillis(1_999).toNanos());

        assertThat(latestId()).isEqualTo("v1");
        assertThat(asked).hasSize(1);

        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(latestId()).isEqualTo("v2");
        assertThat(asked).hasSize(2);
    }

    @Test
    void aDeploymentThroughThisNodeIsSeenAtOnce() {
        assertThat(latestId()).isEqualTo("v1");
        deploy("v2");
        versions.forget();

        assertThat(latestId()).isEqualTo("v2");
    }

    @Test
    void noVersionIsKeptToo() {
        latest = null;
        assertThat(versions.latestDecision("birth-certificate-service")).isEmpty();
        assertThat(versions.latestDecision("birth-certificate-service")).isEmpty();

        assertThat(asked).hasSize(1);
    }

    /** The read began before the deployment: what it found may be older than what was just deployed. */
    @Test
    void whatAReadFoundWhileADeploymentWasMadeIsNotKept() {
        whileAsked = versions::forget;
        assertThat(latestId()).isEqualTo("v1");
        whileAsked = () -> { };

        deploy("v2");
        assertThat(latestId()).isEqualTo("v2");
    }

    /** No other transaction may be handed a version that is not committed yet, or that a rollback takes back. */
    @Test
    void aTransactionThatDeployedReadsPastTheMemoryUntilItEnds() {
        assertThat(latestId()).isEqualTo("v1");
        TransactionSynchronizationManager.initSynchronization();
        deploy("v2");
        versions.forget();

        assertThat(latestId()).isEqualTo("v2");
        assertThat(latestId()).isEqualTo("v2");
        assertThat(asked).as("asked each time inside the transaction").hasSize(3);

        deploy("v1");   // rolled back
        completeTransaction(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(latestId()).isEqualTo("v1");
        assertThat(latestId()).isEqualTo("v1");
        assertThat(asked).hasSize(4);
    }

    /**
     * Its deployment deleted through another node: the engine's latest is read instead, and the deleted version's
     * model is never asked for (the engine would fail, and with it the caller's transaction).
     */
    @Test
    void aRememberedVersionNoLongerTheLatestGivesWayToTheLatestBeforeItsModelIsFetched() {
        assertThat(latestId()).isEqualTo("v1");
        deploy("v0");
        when(repository.getDmnModelInstance("v1")).thenThrow(new NullValueException("no deployed decision v1"));

        assertThat(versions.read("birth-certificate-service", (definition, model) -> {
            model.get();
            return definition.getId();
        })).contains("v0");
        assertThat(latestId()).as("remembered afresh").isEqualTo("v0");
        verify(repository, never()).getDmnModelInstance("v1");
    }

    @Test
    void aRememberedVersionIsConfirmedOnlyWhenItsModelIsNeeded() {
        assertThat(latestId()).isEqualTo("v1");
        versions.read("birth-certificate-service", (definition, model) -> definition.getId());
        assertThat(asked).as("read from memory").hasSize(1);

        assertThat(versions.read("birth-certificate-service", (definition, model) -> {
            model.get();
            return definition.getId();
        })).contains("v1");
        assertThat(asked).as("confirmed once").hasSize(2);
        verify(repository).getDmnModelInstance("v1");
    }

    @Test
    void aVersionThatCannotBeReadWhileItIsStillTheLatestIsAnError() {
        RuntimeException broken = new IllegalStateException("the table has no rows");

        assertThatThrownBy(() -> versions.read("birth-certificate-service", (definition, model) -> {
            throw broken;
        })).isSameAs(broken);
    }

    /** The keys asked for come from requests: the memory does not grow with every one. */
    @Test
    void theMemoryIsBounded() {
        for (int key = 0; key <= DeployedVersions.MAX_REMEMBERED; key++) {
            versions.latestDecision("type-" + key + "-service");
        }
        versions.latestDecision("type-" + DeployedVersions.MAX_REMEMBERED + "-service");
        assertThat(asked).hasSize(DeployedVersions.MAX_REMEMBERED + 1);

        versions.latestDecision("type-0-service");
        assertThat(asked).as("forgotten when the memory was full").hasSize(DeployedVersions.MAX_REMEMBERED + 2);
    }

    @Test
    void withNoRecheckTimeTheEngineIsAskedEveryTime() {
        DeployedVersions everyTime = TestTypes.askingEveryTime(repository);
        everyTime.latestDecision("birth-certificate-service");
        everyTime.latestDecision("birth-certificate-service");

        assertThat(asked).hasSize(2);
    }

    private String latestId() {
        return versions.latestDecision("birth-certificate-service").map(DecisionDefinition::getId).orElse(null);
    }

    private void deploy(String id) {
        latest = mock(DecisionDefinition.class);
        when(latest.getId()).thenReturn(id);
    }

    private static void completeTransaction(int status) {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
    }
}
