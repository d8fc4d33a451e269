package org.mitan.config;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.model.Properties;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.stereotype.Component;

/**
 * Lets the other threads of a node see a stored process definition read back into the engine's cache only once it
 * is whole.
 * <p>
 * A node reads a definition into its cache at its first use there: after a start, on every node but the one that
 * deployed it, and when the cache has let it go. The engine puts the parsed definition into the cache first and only
 * then gives its job declarations (asynchronous steps, timers) the ids of their stored job definitions. A job thread
 * that finds the definition in between makes a job without a definition and fails with "processDefinitionId is null";
 * the request then waits for the step's retry (ten minutes for the single-window submission). {@code TwoNodesIT} met
 * it on its second node. Here the ids are set before the definition goes into the cache.
 * <p>
 * A deployment being made keeps the engine's order: nobody else can find its definitions before it commits, and the
 * steps after the cache (the start timers and their retry settings) look the definition up there.
 */
@Component
class DefinitionsCachedWhole extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = new ArrayList<>();
        for (Deployer deployer : configuration.getDeployers()) {
            deployers.add(deployer instanceof BpmnDeployer engines && !(deployer instanceof WholeBeforeCached)
                    ? new WholeBeforeCached(engines) : deployer);
        }
        configuration.setDeployers(deployers);
        configuration.getDeploymentCache().setDeployers(deployers);
    }

    /** The engine's BPMN deployer, with its parser and its parse listeners, that finishes a definition first. */
    static class WholeBeforeCached extends BpmnDeployer {

        WholeBeforeCached(BpmnDeployer engines) {
            setBpmnParser(engines.getBpmnParser());
            setExpressionManager(engines.getExpressionManager());
            setIdGenerator(engines.getIdGenerator());
        }

        @Override
        protected void registerDefinition(DeploymentEntity deployment, ProcessDefinitionEntity definition,
                Properties properties) {
            if (deployment.isNew()) {
                super.registerDefinition(deployment, definition, properties);
                return;
            }
            definitionAddedToDeploymentCache(deployment, definition, properties);
            addDefinitionToDeploymentCache(getDeploymentCache(), definition);
            deployment.addDeployedArtifact(definition);
        }
    }
}
