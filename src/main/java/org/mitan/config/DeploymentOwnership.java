package org.mitan.config;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.DeploymentQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.mitan.catalogue.TypeTables;

/**
 * Checked before anything of a deployment is parsed, with the files that actually go in (after "deploy changed only"
 * has left the unchanged ones out); a refusal is a 400 from the REST API naming what to fix, and nothing is stored.
 * <p>
 * A type's tables deployed without its model (Modeler's "deploy changed only" after editing only the DMN file) must
 * still serve the model already deployed: names in both languages, days, and a row, with a role where needed, for
 * every step of the model and of the shared processes it calls ({@link TypeDeploymentRules} checks the same when
 * the model comes along).
 * <p>
 * Deploying one type never changes another, nor what the application shares between types. For a deployment a
 * person makes (Camunda Modeler, the REST API):
 * <ul>
 * <li>no process or form that an application's own deployment ({@value ModelDeployments#SHARED}) ever brought: the
 * doorstep visit, the home delivery and the common forms change with the application;</li>
 * <li>a deployment with a certificate process {@code <key>} holds only that process and its own forms and tables,
 * named {@code <key>-...}: a copied form or table of another type would become that type's latest version.</li>
 * </ul>
 * The application's own start-up deployments are made by no one and are not checked here.
 */
class DeploymentOwnership implements Deployer {

    @Override
    public void deploy(DeploymentEntity deployment) {
        CommandContext context = Context.getCommandContext();
        if (context == null || !deployment.isNew() || deployment.getResources() == null) {
            // Not a deployment being made: the engine reading a stored one back into its cache (after a restart,
            // or when the cache let it go), whoever's call needed it. It was checked when it was made.
            return;
        }
        DeploymentCompleteness.Contents contents = DeploymentCompleteness.Contents.of(
                deployment.getResources().values());
        List<String> problems = new ArrayList<>(tablesWithoutTheirModel(deployment, contents));
        if (context.getAuthenticatedUserId() != null) {
            problems.addAll(notItsOwn(context, contents));
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The deployment '" + deployment.getName() + "' cannot be made: "
                    + String.join("; ", problems) + ". Nothing was deployed.");
        }
    }

    /** Each type's tables in the deployment whose model is not: checked against the model already deployed. */
    private static List<String> tablesWithoutTheirModel(DeploymentEntity deployment,
            DeploymentCompleteness.Contents contents) {
        List<String> problems = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName() == null ? "" : resource.getName();
            if (!name.endsWith(".dmn") || resource.getBytes() == null) {
                continue;
            }
            DmnModelInstance model;
            try {
                model = Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
            } catch (RuntimeException unreadable) {
                continue; // the engine's own DMN deployer names what it cannot read
            }
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                String id = decision.getId();
                if (id == null || !id.endsWith(TypeTables.SERVICE)) {
                    continue;
                }
                String key = id.substring(0, id.length() - TypeTables.SERVICE.length());
                if (!contents.processes().contains(key)) {
                    TypeDeploymentRules.problems(key, model, TypeDeploymentRules.deployedModelTasks(key))
                            .forEach(problem -> problems.add(name + ": " + problem));
                }
            }
        }
        return problems;
    }

    private static List<String> notItsOwn(CommandContext context, DeploymentCompleteness.Contents contents) {
        List<String> problems = new ArrayList<>();
        List<String> shared = sharedDeployments(context);
        for (String process : contents.processes()) {
            if (shared.stream().anyMatch(id -> context.getProcessDefinitionManager()
                    .findProcessDefinitionByDeploymentAndKey(id, process) != null)) {
                problems.add("process '" + process + "' is shared by every type and comes with the application");
            }
        }
        for (String form : contents.forms()) {
            if (shared.stream().anyMatch(id -> context.getCamundaFormDefinitionManager()
                    .findDefinitionByDeploymentAndKey(id, form) != null)) {
                problems.add("form '" + form + "' is shared by every type and comes with the application");
            }
        }
        List<String> types = contents.certificateProcesses();
        if (types.size() > 1) {
            problems.add("it holds the types " + types + ": deploy each type on its own");
        } else if (types.size() == 1) {
            String key = types.get(0);
            contents.processes().stream().filter(process -> !process.equals(key)).forEach(process -> problems.add(
                    "it also holds process '" + process + "': a type's deployment holds its own model only"));
            contents.forms().stream().filter(form -> !form.startsWith(key + "-")).forEach(form -> problems.add(
                    "form '" + form + "' is not one of type " + key + "'s own forms (named " + key + "-...)"));
            contents.decisions().stream().filter(decision -> !decision.startsWith(key + "-"))
                    .forEach(decision -> problems.add("decision '" + decision + "' is not one of type " + key
                            + "'s own tables (named " + key + "-...)"));
        }
        return problems;
    }

    /** Every deployment the application made of what it shares, whichever version is the latest now. */
    private static List<String> sharedDeployments(CommandContext context) {
        DeploymentQueryImpl query = new DeploymentQueryImpl();
        query.deploymentName(ModelDeployments.SHARED).deploymentSource(ModelDeployments.SOURCE);
        return context.getDeploymentManager().findDeploymentsByQueryCriteria(query, null).stream()
                .map(Deployment::getId).toList();
    }
}
