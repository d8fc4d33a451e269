package org.mitan.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * A deployment that would break at run time is refused when it is made: every form, decision and called process a
 * model links must be there when a request needs it.
 * <ul>
 * <li>Linked "by deployment" ({@code camunda:formRefBinding}, {@code decisionRefBinding},
 * {@code calledElementBinding}, whose default is also deployment), the engine looks in the very same deployment and
 * nowhere else, and Camunda Modeler's "deploy changed only" leaves unchanged files out: the file must be in this
 * deployment.</li>
 * <li>Linked "latest" (a type's own forms, the shared forms), it must be in this deployment or deployed already.</li>
 * <li>Called by version tag (the shared processes), a process of that key and tag must be in this deployment or
 * deployed already; and a shared process may not be deployed again under a tag it already has, which would leave
 * the callers two processes to choose from.</li>
 * </ul>
 */
class DeploymentCompleteness extends AbstractBpmnParseListener {

    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEPLOYMENT = "deployment";
    private static final String LATEST = "latest";
    private static final String VERSION_TAG = "versionTag";

    @Override
    public void parseProcess(Element process, ProcessDefinitionEntity definition) {
        Optional<Collection<ResourceEntity>> deployed = resourcesOfTheNewDeployment();
        if (deployed.isEmpty()) {
            return;
        }
        Contents contents = Contents.of(deployed.get());
        ModelViolations missing = new ModelViolations();
        walk(process, contents, missing);
        String tag = definition.getVersionTag();
        if (tag != null && !ModelRules.registersRequests(process) && Context.getCommandContext()
                .getProcessDefinitionManager().findProcessDefinitionByKeyVersionTagAndTenantId(definition.getKey(),
                        tag, null) != null) {
            missing.add(process, "a process called by version tag changed, but its tag '" + tag + "' is already"
                    + " deployed: give the changed model a new camunda:versionTag and call that tag");
        }
        missing.refuseIfAny(definition.getKey());
    }

    private static void walk(Element element, Contents contents, ModelViolations missing) {
        reference(element, "formRef", "formRefBinding", "form", contents.forms())
                .ifPresent(problem -> missing.add(element, problem));
        reference(element, "decisionRef", "decisionRefBinding", "decision", contents.decisions())
                .ifPresent(problem -> missing.add(element, problem));
        if ("callActivity".equals(element.getTagName())) {
            String called = element.attribute("calledElement");
            String binding = element.attributeNS(CAMUNDA, "calledElementBinding");
            String tag = element.attributeNS(CAMUNDA, "calledElementVersionTag");
            if (called != null && !called.contains("${") && (binding == null || DEPLOYMENT.equals(binding))
                    && !contents.processes().contains(called)) {
                missing.add(element, "calls process '" + called + "' by deployment, but this deployment has no"
                        + " such process: call it by version tag (Called element, Binding 'version tag'; the README's"
                        + " Process catalogue lists the shared processes' tags)");
            } else if (called != null && !called.contains("${") && VERSION_TAG.equals(binding)
                    && !contents.processes().contains(called) && (tag == null || Context.getCommandContext()
                            .getProcessDefinitionManager().findProcessDefinitionByKeyVersionTagAndTenantId(called,
                                    tag, null) == null)) {
                missing.add(element, "calls process '" + called + "' with version tag '" + tag + "', which is not"
                        + " deployed: use a tag that is (the README's Process catalogue lists the shared processes'"
                        + " tags; Cockpit's Processes page shows the deployed versions)");
            } else if (called != null && !called.contains("${") && LATEST.equals(binding)
                    && !contents.processes().contains(called) && Context.getCommandContext()
                            .getProcessDefinitionManager().findLatestProcessDefinitionByKey(called) == null) {
                missing.add(element, "calls process '" + called + "', which is not deployed");
            }
        }
        for (Element child : element.elements()) {
            walk(child, contents, missing);
        }
    }

    private static Optional<String> reference(Element element, String attribute, String bindingAttribute,
            String kind, Collection<String> present) {
        String id = element.attributeNS(CAMUNDA, attribute);
        String binding = element.attributeNS(CAMUNDA, bindingAttribute);
        if (id == null || id.contains("${") || present.contains(id)) {
            return Optional.empty();
        }
        if (LATEST.equals(binding)) {
            CommandContext context = Context.getCommandContext();
            boolean deployed = "form".equals(kind)
                    ? context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(id) != null
                    : context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(id) != null;
            return deployed ? Optional.empty() : Optional.of("links " + kind + " '" + id + "', which is neither in"
                    + " this deployment nor deployed (add " + id + ("form".equals(kind) ? ".form" : ".dmn") + ")");
        }
        if (!(binding == null || DEPLOYMENT.equals(binding))) {
            return Optional.empty();
        }
        return Optional.of("links " + kind + " '" + id + "' by deployment, but this deployment has no " + kind
                + " with that id: add " + id + ("form".equals(kind) ? ".form" : ".dmn") + " to the deployment (in"
                + " Camunda Modeler's deploy dialog, include it as an additional file), or bind it to 'latest'");
    }


    /** The resources of the deployment being made, when parsing happens inside a deployment. */
    private static Optional<Collection<ResourceEntity>> resourcesOfTheNewDeployment() {
        if (Context.getCommandContext() == null) {
            return Optional.empty();
        }
        return Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(DeploymentEntity.class)
                .stream().filter(DeploymentEntity::isNew).findFirst()
                .map(DeploymentEntity::getResources).map(Map::values);
    }

    /**
     * The ids of the forms, decisions and processes a deployment's files hold, and which of the processes are
     * certificate types (they register the request: {@code ${registerRequest}}).
     */
    record Contents(List<String> forms, List<String> decisions, List<String> processes,
            List<String> certificateProcesses) {

        private static final Pattern DECISION = Pattern.compile("<(?:\\w+:)?decision\\s[^>]*?\\bid=\"([^\"]+)\"");
        private static final Pattern PROCESS = Pattern.compile("<(?:\\w+:)?process\\s[^>]*?\\bid=\"([^\"]+)\"");
        private static final Pattern REGISTERS_REQUEST = Pattern.compile(
                "delegateExpression=\"\\$\\{\\s*" + ModelRules.REGISTER_REQUEST + "\\s*}\"");

        static Contents of(Collection<ResourceEntity> resources) {
            List<String> forms = new ArrayList<>();
            List<String> decisions = new ArrayList<>();
            List<String> processes = new ArrayList<>();
            List<String> certificateProcesses = new ArrayList<>();
            for (ResourceEntity resource : resources) {
                String name = resource.getName() == null ? "" : resource.getName();
                String text = resource.getBytes() == null ? ""
                        : new String(resource.getBytes(), StandardCharsets.UTF_8);
                if (name.endsWith(".form")) {
                    formId(text).ifPresent(forms::add);
                } else if (name.endsWith(".dmn")) {
                    DECISION.matcher(text).results().forEach(match -> decisions.add(match.group(1)));
                } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                    List<String> inFile = PROCESS.matcher(text).results().map(match -> match.group(1)).toList();
                    processes.addAll(inFile);
                    if (REGISTERS_REQUEST.matcher(text).find()) {
                        certificateProcesses.addAll(inFile);
                    }
                }
            }
            return new Contents(forms, decisions, processes, certificateProcesses);
        }

        private static Optional<String> formId(String text) {
            try {
                JsonNode form = JSON.readTree(text);
                return Optional.ofNullable(form.path("id").textValue());
            } catch (IOException unreadable) {
                return Optional.empty();
            }
        }
    }
}
