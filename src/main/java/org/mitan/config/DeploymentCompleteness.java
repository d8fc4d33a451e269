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
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * A deployment that would break at run time is refused when it is made. A model binds its forms, decisions and
 * called processes "by deployment" ({@code camunda:formRefBinding}, {@code decisionRefBinding},
 * {@code calledElementBinding}, whose default is also deployment): the engine then looks for them in the very same
 * deployment, and nowhere else. Camunda Modeler's "deploy changed only" leaves unchanged files out, and the next
 * request of the type would fail with a 500. So each such reference must name a form, a decision or a process of
 * this deployment, or the deployment is refused with a message saying which file to add.
 */
class DeploymentCompleteness extends AbstractBpmnParseListener {

    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEPLOYMENT = "deployment";

    @Override
    public void parseProcess(Element process, ProcessDefinitionEntity definition) {
        Optional<Collection<ResourceEntity>> deployed = resourcesOfTheNewDeployment();
        if (deployed.isEmpty()) {
            return;
        }
        Contents contents = Contents.of(deployed.get());
        ModelViolations missing = new ModelViolations();
        walk(process, contents, missing);
        missing.refuseIfAny(definition.getKey(), "Deploy the model together with the files it links by deployment"
                + " (in Camunda Modeler: add them to the deployment, or untick 'deploy changed only').");
    }

    private static void walk(Element element, Contents contents, ModelViolations missing) {
        reference(element, "formRef", "formRefBinding", "form", contents.forms())
                .ifPresent(problem -> missing.add(element, problem));
        reference(element, "decisionRef", "decisionRefBinding", "decision", contents.decisions())
                .ifPresent(problem -> missing.add(element, problem));
        if ("callActivity".equals(element.getTagName())) {
            String called = element.attribute("calledElement");
            String binding = element.attributeNS(CAMUNDA, "calledElementBinding");
            if (called != null && !called.contains("${") && (binding == null || DEPLOYMENT.equals(binding))
                    && !contents.processes().contains(called)) {
                missing.add(element, "calls process '" + called + "' by deployment, but this deployment has no"
                        + " such process (add " + called + ".bpmn)");
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
        if (id == null || id.contains("${") || !(binding == null || DEPLOYMENT.equals(binding))
                || present.contains(id)) {
            return Optional.empty();
        }
        return Optional.of("links " + kind + " '" + id + "' by deployment, but this deployment has no " + kind
                + " with that id (add " + id + ("form".equals(kind) ? ".form" : ".dmn") + ")");
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

    /** The ids of the forms, decisions and processes a deployment's files hold. */
    record Contents(List<String> forms, List<String> decisions, List<String> processes) {

        private static final Pattern DECISION = Pattern.compile("<(?:\\w+:)?decision\\s[^>]*?\\bid=\"([^\"]+)\"");
        private static final Pattern PROCESS = Pattern.compile("<(?:\\w+:)?process\\s[^>]*?\\bid=\"([^\"]+)\"");

        static Contents of(Collection<ResourceEntity> resources) {
            List<String> forms = new ArrayList<>();
            List<String> decisions = new ArrayList<>();
            List<String> processes = new ArrayList<>();
            for (ResourceEntity resource : resources) {
                String name = resource.getName() == null ? "" : resource.getName();
                String text = resource.getBytes() == null ? ""
                        : new String(resource.getBytes(), StandardCharsets.UTF_8);
                if (name.endsWith(".form")) {
                    formId(text).ifPresent(forms::add);
                } else if (name.endsWith(".dmn")) {
                    DECISION.matcher(text).results().forEach(match -> decisions.add(match.group(1)));
                } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                    PROCESS.matcher(text).results().forEach(match -> processes.add(match.group(1)));
                }
            }
            return new Contents(forms, decisions, processes);
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
