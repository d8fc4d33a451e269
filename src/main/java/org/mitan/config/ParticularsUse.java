package org.mitan.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.mitan.catalogue.CertificateType;
import org.mitan.process.ProcessVariables;

/**
 * What a type's model and tables name among its particulars, checked at deployment against the fields of its
 * particulars form ({@code <key>-particulars}, in the deployment or deployed): the holder's particular of
 * {@code <key>-service} (the certificate names the holder by it) and the event's date that a registration-delay step
 * counts from ({@code eventParticular}, with its table {@code <key>-registration-delay}). A name that is no field
 * of the form would stop the request after the officers decided, or refuse every Mitan's particulars.
 */
record ParticularsUse(boolean linksForm, List<String> eventParticulars) {

    static final String REGISTRATION_DELAY = "registrationDelay";
    static final String EVENT_PARTICULAR = "eventParticular";
    static final String DELAY_TABLE = "-registration-delay";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the type's model names: the one being deployed, or the latest deployed. */
    static ParticularsUse of(BpmnModelInstance model, String key) {
        boolean linksForm = model.getModelElementsByType(UserTask.class).stream()
                .anyMatch(task -> particularsForm(key).equals(task.getCamundaFormRef()));
        List<String> events = new ArrayList<>();
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if (isDelayStep(task.getCamundaDelegateExpression()) && task.getExtensionElements() != null) {
                task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
                        .flatMap(io -> io.getCamundaInputParameters().stream())
                        .filter(parameter -> EVENT_PARTICULAR.equals(parameter.getCamundaName()))
                        .map(CamundaInputParameter::getTextContent)
                        .forEach(name -> events.add(name == null ? "" : name.strip()));
            }
        }
        return new ParticularsUse(linksForm, events);
    }

    /**
     * What the type's particulars form lacks, or its tables, for what the model names. Nothing is checked while the
     * model links no form {@code <key>-particulars} or the form is nowhere to be read (the link check names that).
     */
    List<String> problems(String key, CertificateType type, DmnModelInstance tables,
            Collection<ResourceEntity> deployment) {
        List<String> problems = new ArrayList<>();
        if (!eventParticulars.isEmpty() && tables.getModelElementById(key + DELAY_TABLE) == null && Context
                .getCommandContext().getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(
                        key + DELAY_TABLE) == null) {
            problems.add("the step ${" + REGISTRATION_DELAY + "} needs the decision '" + key + DELAY_TABLE + "' in "
                    + key + ".dmn (see Adding a certificate type: late registration)");
        }
        Optional<Set<String>> fields = linksForm ? fields(particularsForm(key), deployment) : Optional.empty();
        if (fields.isEmpty()) {
            return problems;
        }
        String holder = type.holderParticular();
        if (holder != null && !fields.get().contains(ProcessVariables.PARTICULAR_PREFIX + holder)) {
            problems.add("the holder's particular '" + holder + "' of " + key + "-service is no field of the form "
                    + particularsForm(key) + " (" + describe(fields.get()) + "): name one of them, without '"
                    + ProcessVariables.PARTICULAR_PREFIX + "', or leave it empty when the holder is the citizen who"
                    + " called");
        }
        for (String event : eventParticulars) {
            if (!fields.get().contains(ProcessVariables.PARTICULAR_PREFIX + event)) {
                problems.add("the step ${" + REGISTRATION_DELAY + "} counts from the particular '" + event
                        + "' (input " + EVENT_PARTICULAR + "), which is no field of the form " + particularsForm(key)
                        + " (" + describe(fields.get()) + "): name the date field of the event, without '"
                        + ProcessVariables.PARTICULAR_PREFIX + "'");
            }
        }
        return problems;
    }

    private static boolean isDelayStep(String delegateExpression) {
        return delegateExpression != null
                && delegateExpression.replace(" ", "").equals("${" + REGISTRATION_DELAY + "}");
    }

    private static String particularsForm(String key) {
        return key + "-particulars";
    }

    private static String describe(Set<String> fields) {
        Set<String> particulars = new TreeSet<>();
        fields.stream().filter(field -> field.startsWith(ProcessVariables.PARTICULAR_PREFIX)).forEach(particulars::add);
        return particulars.isEmpty() ? "it has no particular_ field" : "its fields: " + String.join(", ", particulars);
    }

    /** The keys of the form, as this deployment brings it or else as deployed last. */
    private static Optional<Set<String>> fields(String formId, Collection<ResourceEntity> deployment) {
        for (ResourceEntity resource : deployment) {
            if (resource.getName() != null && resource.getName().endsWith(".form") && resource.getBytes() != null) {
                Optional<JsonNode> form = read(resource.getBytes());
                if (form.isPresent() && formId.equals(form.get().path("id").asText())) {
                    return form.map(json -> FormFields.Form.of(json).keys());
                }
            }
        }
        CamundaFormDefinitionEntity latest = Context.getCommandContext().getCamundaFormDefinitionManager()
                .findLatestDefinitionByKey(formId);
        if (latest == null) {
            return Optional.empty();
        }
        ResourceEntity resource = Context.getCommandContext().getResourceManager()
                .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName());
        return resource == null ? Optional.empty()
                : read(resource.getBytes()).map(json -> FormFields.Form.of(json).keys());
    }

    private static Optional<JsonNode> read(byte[] bytes) {
        try {
            return Optional.of(JSON.readTree(new ByteArrayInputStream(bytes)));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
