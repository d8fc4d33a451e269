package org.mitan.config;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.DeploymentQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
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
 * named {@code <key>-...}: a copied form or table of another type would become that type's latest version;</li>
 * <li>a deployment of forms and tables alone (Modeler's "deploy changed only" after editing only those) holds the
 * files of one type at most: a file named after a type ({@code <key>-...}, the type whose tables
 * {@code <key>-service} are deployed or come along) is that type's.</li>
 * </ul>
 * The application's own start-up deployments are made by no one and are not checked here.
 */
class DeploymentOwnership implements Deployer {

    private static final String PARTICULARS = "-particulars";

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
        problems.addAll(particularsFormsAlone(deployment, contents));
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
                    List<String> found = TypeDeploymentRules.problems(key, model,
                            TypeDeploymentRules.deployedModelTasks(key));
                    if (found.isEmpty()) {
                        found = TypeDeploymentRules.particularProblems(key, model,
                                deployment.getResources().values());
                    }
                    found.forEach(problem -> problems.add(name + ": " + problem));
                }
            }
        }
        return problems;
    }

    /**
     * Each type's particulars form in the deployment whose model and tables are not: checked against what the model
     * and the tables already deployed name among its particulars (the holder, the event's date).
     */
    private static List<String> particularsFormsAlone(DeploymentEntity deployment,
            DeploymentCompleteness.Contents contents) {
        List<String> problems = new ArrayList<>();
        for (String form : contents.forms()) {
            if (!form.endsWith(PARTICULARS)) {
                continue;
            }
            String key = form.substring(0, form.length() - PARTICULARS.length());
            boolean checkedElsewhere = contents.processes().contains(key)
                    || contents.decisions().contains(TypeTables.serviceDecision(key));
            if (!checkedElsewhere) {
                TypeDeploymentRules.particularsFormProblems(key, deployment.getResources().values())
                        .forEach(problem -> problems.add(form + ": " + problem));
            }
        }
        return problems;
    }

    private static List<String> notItsOwn(CommandContext context, DeploymentCompleteness.Contents contents) {
        List<String> problems = new ArrayList<>();
        List<String> shared = sharedDeployments(context);
        List<String> types = contents.certificateProcesses();
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
        if (types.size() > 1) {
            problems.add("it holds the types " + types + ": deploy each type on its own");
        } else if (types.isEmpty()) {
            Map<String, Set<String>> filesByType = filesByType(context, contents);
            if (filesByType.size() > 1) {
                problems.add("it holds files of more than one type (" + filesByType.entrySet().stream()
                        .map(type -> type.getKey() + ": " + String.join(", ", type.getValue()))
                        .collect(Collectors.joining("; ")) + "): deploy each type's files on their own");
            }
        } else {
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

    /**
     * The deployment's forms and tables by the type they are named after ({@code <key>-...}, the longest such key):
     * the types whose tables are deployed, or come in this deployment. A file named after no type changes none.
     */
    private static Map<String, Set<String>> filesByType(CommandContext context,
            DeploymentCompleteness.Contents contents) {
        DecisionDefinitionQueryImpl query = new DecisionDefinitionQueryImpl();
        query.decisionDefinitionKeyLike("%" + TypeTables.SERVICE).latestVersion();
        Set<String> keys = new TreeSet<>();
        List<DecisionDefinition> deployed = context.runWithoutAuthorization(
                () -> context.getDecisionDefinitionManager().findDecisionDefinitionsByQueryCriteria(query, null));
        Stream.concat(deployed.stream().map(DecisionDefinition::getKey), contents.decisions().stream())
                .filter(decision -> decision.endsWith(TypeTables.SERVICE))
                .map(decision -> decision.substring(0, decision.length() - TypeTables.SERVICE.length()))
                .forEach(keys::add);
        Map<String, Set<String>> byType = new TreeMap<>();
        Stream.concat(contents.forms().stream(), contents.decisions().stream()).forEach(file -> typeNamed(file, keys)
                .ifPresent(key -> byType.computeIfAbsent(key, type -> new TreeSet<>()).add(file)));
        return byType;
    }

    private static Optional<String> typeNamed(String file, Set<String> keys) {
        return keys.stream().filter(key -> file.startsWith(key + "-")).max(Comparator.comparingInt(String::length));
    }

    /** Every deployment the application made of what it shares, whichever version is the latest now. */
    private static List<String> sharedDeployments(CommandContext context) {
        DeploymentQueryImpl query = new DeploymentQueryImpl();
        query.deploymentName(ModelDeployments.SHARED).deploymentSource(ModelDeployments.SOURCE);
        return context.getDeploymentManager().findDeploymentsByQueryCriteria(query, null).stream()
                .map(Deployment::getId).toList();
    }
}
