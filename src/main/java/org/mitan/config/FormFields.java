package org.mitan.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
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
 * The field keys of a start form or a task's form (Camunda Forms, linked by {@code camunda:formRef}), read as the
 * engine, cached per process definition and form version: a form linked by "latest" changes with a deployment of
 * the form alone, one linked by deployment never does.
 */
class FormFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<ProcessEngineConfigurationImpl> engine;
    private final Map<String, Set<String>> cache = new ConcurrentHashMap<>();

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
                    key -> read(context, new GetDeployedStartFormCmd(id)));
        }));
    }

    /** The keys of the form of the task; none when it has no deployed form. */
    Set<String> taskFormFields(String taskId) {
        return engine.get().getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return Set.<String>of();
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

    private static Set<String> read(CommandContext context, Command<InputStream> form) {
        try (InputStream content = form.execute(context)) {
            return keysOf(JSON.readTree(content));
        } catch (ProcessEngineException noForm) {
            return Set.of();
        } catch (IOException e) {
            throw new IllegalStateException("A deployed form cannot be read", e);
        }
    }

    /** Every component key and path of a Camunda Form, groups and lists included. */
    static Set<String> keysOf(JsonNode form) {
        Set<String> keys = new TreeSet<>();
        collect(form, keys);
        return Set.copyOf(keys);
    }

    private static void collect(JsonNode node, Set<String> keys) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            if (component.hasNonNull("path")) {
                keys.add(component.get("path").asText().split("\\.")[0]);
            }
            collect(component, keys);
        }
    }
}
