package org.mitan.config;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Rules a deployment being made and each of its files must keep, checked before anything of it is parsed: a problem
 * in any file refuses the whole deployment, a 400 from the REST API naming every problem, and nothing is stored.
 */
abstract class DeployedFileRules implements Deployer {

    @Override
    public final void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return; // a stored deployment read back into the cache: checked when it was made
        }
        List<String> problems = new ArrayList<>();
        checkWhole(deployment, problems);
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (resource.getName() != null && resource.getBytes() != null) {
                check(resource.getName(), resource.getBytes(), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The deployment '" + deployment.getName() + "' cannot be made: "
                    + String.join("; ", problems) + ". Nothing was deployed.");
        }
    }

    /** Adds what is wrong with the deployment as a whole, before its files; nothing by default. */
    void checkWhole(DeploymentEntity deployment, List<String> problems) {
    }

    /** Adds what is wrong with the file, each problem naming the file; nothing for a file it does not read. */
    abstract void check(String file, byte[] content, List<String> problems);
}
