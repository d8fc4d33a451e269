package org.mitan.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The fields of a start form or a task's form (Camunda Forms, linked by {@code camunda:formRef}), read as the
 * engine, cached per process definition and form version: a form linked by "latest" changes with a deployment of
 * the form alone, one linked by deployment never does.
 */
class FormFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<ProcessEngineConfigurationImpl> engine;
    private final Map<String, Form> cache = new ConcurrentHashMap<>();

    FormFields(Supplier<ProcessEngineConfigurationImpl> engine) {
        this.engine = engine;
    }

    /** The start form's keys, for a definition given by id or else by key (its latest version). */
    Set<String> startFormFields(String definitionId, String definitionKey) {
        return engine.get().getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            ProcessDefinitionEntity definition = definitionId != null
                    ? context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(
                            definitionId)
                    : context.getProcessEngineConfiguration().getDeploymentCache()
                            .findDeployedLatestProcessDefinitionByKey(definitionKey);
            String id = definition.getId();
            return cache.computeIfAbsent("start:" + id + version(context, definition.getStartFormDefinition()),
                    key -> read(context, new GetDeployedStartFormCmd(id))).keys();
        }));
    }

    /** The form of the task; no fields when it has no deployed form. */
    Form taskForm(String taskId) {
        return engine.get().getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return Form.NONE;
            }
            FormDefinition form = task.getTaskDefinition() == null ? null
                    : task.getTaskDefinition().getFormDefinition();
            return cache.computeIfAbsent("task:" + task.getProcessDefinitionId() + ":" + task.getTaskDefinitionKey()
                    + version(context, form), key -> read(context, new GetDeployedTaskFormCmd(taskId)));
        }));
    }

    /** For a form linked by "latest": which version that is now; nothing for other links. */
    private static String version(CommandContext context, FormDefinition form) {
        if (form == null || form.getCamundaFormDefinitionKey() == null
                || !"latest".equals(form.getCamundaFormDefinitionBinding())) {
            return "";
        }
        String key = form.getCamundaFormDefinitionKey().getExpressionText();
        CamundaFormDefinitionEntity latest = context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key);
        return latest == null ? "" : ":" + latest.getId();
    }

    private static Form read(CommandContext context, Command<InputStream> form) {
        try (InputStream content = form.execute(context)) {
            return Form.of(JSON.readTree(content));
        } catch (ProcessEngineException noForm) {
            return Form.NONE;
        } catch (IOException e) {
            throw new IllegalStateException("A deployed form cannot be read", e);
        }
    }

    /**
     * A Camunda Form's fields: every component key and path (groups and lists included); the keys it requires,
     * leaving out those a condition may hide and those the form does not send (disabled, read-only); and the choices
     * of its radio and select fields with fixed values.
     */
    record Form(Set<String> keys, Set<String> required, Map<String, Set<String>> choices) {

        static final Form NONE = new Form(Set.of(), Set.of(), Map.of());

        static Form of(JsonNode form) {
            Set<String> keys = new TreeSet<>();
            Set<String> required = new TreeSet<>();
            Map<String, Set<String>> choices = new TreeMap<>();
            collect(form, false, keys, required, choices);
            return new Form(Set.copyOf(keys), Set.copyOf(required), Map.copyOf(choices));
        }

        /** A disabled or read-only field (or one an expression may make so) is not sent with the form. */
        private static boolean unsent(JsonNode component) {
            return component.path("disabled").asBoolean(false) || flagged(component.path("readonly"));
        }

        private static boolean flagged(JsonNode flag) {
            return flag.isBoolean() ? flag.asBoolean() : flag.isTextual() && !flag.asText().isBlank();
        }

        private static void collect(JsonNode node, boolean conditional, Set<String> keys, Set<String> required,
                Map<String, Set<String>> choices) {
            for (JsonNode component : node.path("components")) {
                boolean hidden = conditional || component.hasNonNull("conditional");
                if (component.hasNonNull("key")) {
                    String key = component.get("key").asText();
                    keys.add(key);
                    if (!hidden && !unsent(component)
                            && component.path("validate").path("required").asBoolean(false)) {
                        required.add(key);
                    }
                    String type = component.path("type").asText();
                    if (("radio".equals(type) || "select".equals(type)) && component.path("values").size() > 0) {
                        Set<String> values = new LinkedHashSet<>();
                        component.path("values").forEach(value -> values.add(value.path("value").asText()));
                        choices.put(key, values);
                    }
                }
                if (component.hasNonNull("path")) {
                    keys.add(component.get("path").asText().split("\\.")[0]);
                }
                collect(component, hidden, keys, required, choices);
            }
        }
    }
}
