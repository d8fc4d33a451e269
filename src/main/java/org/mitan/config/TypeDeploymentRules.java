package org.mitan.config;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.Step;
import org.mitan.catalogue.TypeTables;

/**
 * A certificate type is one deployment of its own, and a deployment that would break a type is refused when it is
 * made, with a message an analyst can act on (HTTP 400 from the REST API, an error in Camunda Modeler):
 * <ul>
 * <li>a certificate process comes with, or finds already deployed, its tables {@code <key>.dmn}
 * ({@link TypeTables}): the names in English and Hindi, the days, and a row for every user task the request meets,
 * in its own model and in the shared processes it calls, with a role where the task asks
 * {@code ${steps.group(execution)}}, and for every step an expression names, such as the payment's waits
 * ({@code ${steps.reminder(execution, 'Task_AwaitPayment')}});</li>
 * </ul>
 * The tables deployed alone (Modeler's "deploy changed only" after editing only the DMN), and what a deployment may
 * hold at all (its own files only), are {@link DeploymentOwnership}'s to check.
 */
class TypeDeploymentRules extends AbstractBpmnParseListener {

    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);
    private static final String BPMN = BpmnParser.BPMN20_NS;
    private static final String ROUTED_BY_STEPS = "steps.group(";
    /** A step named in an expression: {@code steps.reminder(execution, 'Task_AwaitPayment')}, its method and task. */
    private static final Pattern NAMED_STEP = Pattern.compile(
            "steps\\.(\\w+)\\(\\s*execution\\s*,\\s*'([^']+)'\\s*\\)");

    @Override
    public void parseProcess(Element process, ProcessDefinitionEntity definition) {
        Optional<DeploymentEntity> deployment = newDeployment();
        if (deployment.isEmpty()) {
            return;
        }
        ModelViolations violations = new ModelViolations();
        String key = definition.getKey();
        if (ModelRules.registersRequests(process)) {
            Optional<DmnModelInstance> tables = tablesInDeployment(key, deployment.get()).or(() -> deployedTables(key));
            if (tables.isEmpty()) {
                violations.add(process, "the type's tables are missing: deploy " + key + ".dmn with the decisions "
                        + TypeTables.serviceDecision(key) + ", " + TypeTables.stepsDecision(key) + " and "
                        + TypeTables.documentsDecision(key) + " together with the model");
            } else {
                Map<String, Boolean> tasks = new LinkedHashMap<>();
                ownSteps(process, tasks);
                calledTasks(process, tasks);
                List<String> problems = problems(key, tables.get(), tasks);
                Optional<BpmnModelInstance> model = modelInDeployment(key, deployment.get());
                if (problems.isEmpty() && model.isPresent()) {
                    problems = ParticularsUse.of(model.get(), key).problems(key, TypeTables.read(tables.get(), key),
                            tables.get(), resources(deployment.get()));
                }
                for (String problem : problems) {
                    violations.add(process, problem);
                }
            }
        }
        violations.refuseIfAny(key);
    }

    /** What the tables lack for the tasks (task id → whether it asks its role from the tables). */
    static List<String> problems(String key, DmnModelInstance tables, Map<String, Boolean> tasks) {
        List<String> problems = new ArrayList<>();
        CertificateType type;
        try {
            type = TypeTables.read(tables, key);
        } catch (TypeTables.UnreadableTypeTables unreadable) {
            return unreadable.problems();
        }
        tasks.forEach((task, needsRole) -> {
            Optional<Step> step = type.step(task);
            if (step.isEmpty()) {
                problems.add("the steps table " + TypeTables.stepsDecision(key) + " has no row for task '" + task
                        + "' (add its role, days and names in English and Hindi)");
            } else if (needsRole && !step.get().hasRole()) {
                problems.add("task '" + task + "' is offered to ${steps.group(execution)}, but its row in "
                        + TypeTables.stepsDecision(key) + " names no role (e.g. clerk)");
            }
        });
        return problems;
    }

    /** The model's own user tasks, and the steps its expressions name. */
    private static void ownSteps(Element element, Map<String, Boolean> tasks) {
        if (BPMN.equals(element.getUri()) && "userTask".equals(element.getTagName())) {
            String groups = element.attributeNS(CAMUNDA, "candidateGroups");
            tasks.merge(element.attribute("id"), groups != null && groups.contains(ROUTED_BY_STEPS),
                    Boolean::logicalOr);
        }
        for (String attribute : element.attributes()) {
            namedSteps(element.attribute(attribute), tasks);
        }
        namedSteps(element.getText(), tasks);
        for (Element child : element.elements()) {
            ownSteps(child, tasks);
        }
    }

    /**
     * The steps an expression names by task id, which need their row as a user task does: a timer's
     * {@code ${steps.reminder(execution, 'Task_AwaitPayment')}} on a receive task; with a role for
     * {@code steps.group}.
     */
    private static void namedSteps(String text, Map<String, Boolean> tasks) {
        if (text == null || !text.contains("steps.")) {
            return;
        }
        Matcher step = NAMED_STEP.matcher(text);
        while (step.find()) {
            tasks.merge(step.group(2), "group".equals(step.group(1)), Boolean::logicalOr);
        }
    }

    /** The user tasks of the shared processes the model calls, as deployed. */
    private static void calledTasks(Element element, Map<String, Boolean> tasks) {
        if (BPMN.equals(element.getUri()) && "callActivity".equals(element.getTagName())) {
            calledDefinition(element.attribute("calledElement"), element.attributeNS(CAMUNDA, "calledElementBinding"),
                    element.attributeNS(CAMUNDA, "calledElementVersionTag"))
                    .ifPresent(called -> tasksOf(model(called), tasks));
        }
        for (Element child : element.elements()) {
            calledTasks(child, tasks);
        }
    }

    private static Optional<ProcessDefinitionEntity> calledDefinition(String key, String binding, String versionTag) {
        if (key == null || key.contains("${")) {
            return Optional.empty();
        }
        CommandContext context = Context.getCommandContext();
        if ("versionTag".equals(binding) && versionTag != null) {
            return Optional.ofNullable(context.getProcessDefinitionManager()
                    .findProcessDefinitionByKeyVersionTagAndTenantId(key, versionTag, null));
        }
        return Optional.ofNullable(context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key));
    }

    private static BpmnModelInstance model(ProcessDefinitionEntity definition) {
        return Context.getProcessEngineConfiguration().getDeploymentCache()
                .findBpmnModelInstanceForProcessDefinition(definition);
    }

    private static void tasksOf(BpmnModelInstance model, Map<String, Boolean> tasks) {
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String groups = task.getCamundaCandidateGroups();
            tasks.putIfAbsent(task.getId(), groups != null && groups.contains(ROUTED_BY_STEPS));
        }
        namedSteps(Bpmn.convertToString(model), tasks);
    }

    /** The tasks of the type's latest deployed model and of the shared processes it calls. */
    static Map<String, Boolean> deployedModelTasks(String key) {
        Map<String, Boolean> tasks = new LinkedHashMap<>();
        ProcessDefinitionEntity latest = Context.getCommandContext().getProcessDefinitionManager()
                .findLatestProcessDefinitionByKey(key);
        if (latest == null) {
            return tasks;
        }
        BpmnModelInstance model = model(latest);
        tasksOf(model, tasks);
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            calledDefinition(call.getCalledElement(), call.getCamundaCalledElementBinding(),
                    call.getCamundaCalledElementVersionTag()).ifPresent(called -> tasksOf(model(called), tasks));
        }
        return tasks;
    }

    /**
     * What the type's latest deployed model names among its particulars that the tables being deployed (or its
     * particulars form) lack; nothing when no model of the type is deployed yet.
     */
    static List<String> particularProblems(String key, DmnModelInstance tables, Collection<ResourceEntity> deployment) {
        ProcessDefinitionEntity latest = Context.getCommandContext().getProcessDefinitionManager()
                .findLatestProcessDefinitionByKey(key);
        if (latest == null) {
            return List.of();
        }
        return ParticularsUse.of(model(latest), key).problems(key, TypeTables.read(tables, key), tables, deployment);
    }

    /**
     * What the type's latest deployed model and tables name among its particulars that its particulars form, deployed
     * alone (Modeler's "deploy changed only" after editing only the form), lacks.
     */
    static List<String> particularsFormProblems(String key, Collection<ResourceEntity> deployment) {
        return deployedTables(key).map(tables -> particularProblems(key, tables, deployment)).orElse(List.of());
    }

    /** The type's model as the deployment brings it, read as a model (the parse listener sees its elements only). */
    private static Optional<BpmnModelInstance> modelInDeployment(String key, DeploymentEntity deployment) {
        for (ResourceEntity resource : resources(deployment)) {
            String name = resource.getName() == null ? "" : resource.getName();
            if ((name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) && resource.getBytes() != null) {
                try {
                    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
                    if (model.getModelElementById(key) instanceof Process) {
                        return Optional.of(model);
                    }
                } catch (RuntimeException unreadable) {
                    // the engine's own parser names what it cannot read
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<DmnModelInstance> tablesInDeployment(String key, DeploymentEntity deployment) {
        for (ResourceEntity resource : resources(deployment)) {
            String name = resource.getName() == null ? "" : resource.getName();
            if (name.endsWith(".dmn") && resource.getBytes() != null && new String(resource.getBytes(),
                    StandardCharsets.UTF_8).contains("\"" + TypeTables.serviceDecision(key) + "\"")) {
                try {
                    return Optional.of(Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())));
                } catch (RuntimeException unreadable) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<DmnModelInstance> deployedTables(String key) {
        DecisionDefinitionEntity latest = Context.getCommandContext().getDecisionDefinitionManager()
                .findLatestDecisionDefinitionByKey(TypeTables.serviceDecision(key));
        if (latest == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDmnModelInstanceForDecisionDefinition(latest.getId()));
    }



    private static Collection<ResourceEntity> resources(DeploymentEntity deployment) {
        return deployment.getResources() == null ? List.of() : deployment.getResources().values();
    }

    private static Optional<DeploymentEntity> newDeployment() {
        if (Context.getCommandContext() == null) {
            return Optional.empty();
        }
        return Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(DeploymentEntity.class)
                .stream().filter(DeploymentEntity::isNew).findFirst();
    }
}
