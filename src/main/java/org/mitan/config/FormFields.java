package org.mitan.config;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
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

    /** The form of the task (no fields when it has no deployed form); empty when there is no such task (any more). */
    Optional<Form> taskForm(String taskId) {
        return engine.get().getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return Optional.<Form>empty();
            }
            FormDefinition form = task.getTaskDefinition() == null ? null
                    : task.getTaskDefinition().getFormDefinition();
            return Optional.of(cache.computeIfAbsent("task:" + task.getProcessDefinitionId() + ":"
                    + task.getTaskDefinitionKey() + version(context, form),
                    key -> read(context, new GetDeployedTaskFormCmd(taskId))));
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
     * leaving out those a condition may hide and those the form does not send (disabled, read-only); the choices
     * of its radio and select fields with fixed values; and the limits its fields' {@code validate} sets.
     */
    record Form(Set<String> keys, Set<String> required, Map<String, Set<String>> choices,
            Map<String, Limits> limits) {

        static final Form NONE = new Form(Set.of(), Set.of(), Map.of(), Map.of());

        static Form of(JsonNode form) {
            Set<String> keys = new TreeSet<>();
            Set<String> required = new TreeSet<>();
            Map<String, Set<String>> choices = new TreeMap<>();
            Map<String, Limits> limits = new TreeMap<>();
            collect(form, false, keys, required, choices, limits);
            return new Form(Set.copyOf(keys), Set.copyOf(required), Map.copyOf(choices), Map.copyOf(limits));
        }

        /** A disabled or read-only field (or one an expression may make so) is not sent with the form. */
        private static boolean unsent(JsonNode component) {
            return component.path("disabled").asBoolean(false) || flagged(component.path("readonly"));
        }

        private static boolean flagged(JsonNode flag) {
            return flag.isBoolean() ? flag.asBoolean() : flag.isTextual() && !flag.asText().isBlank();
        }

        private static void collect(JsonNode node, boolean conditional, Set<String> keys, Set<String> required,
                Map<String, Set<String>> choices, Map<String, Limits> limits) {
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
                    Limits.of(type, component.path("validate")).ifPresent(limit -> limits.put(key, limit));
                }
                if (component.hasNonNull("path")) {
                    keys.add(component.get("path").asText().split("\\.")[0]);
                }
                collect(component, hidden, keys, required, choices, limits);
            }
        }
    }

    /**
     * What a field's {@code validate} allows, as Tasklist's form checks it before sending: a number field's
     * {@code min} and {@code max}; a text's {@code minLength} and {@code maxLength}, counted on the text without
     * surrounding blanks. Tasklist checks them in the browser only; a completion through the REST API is held to them
     * here, so no value reaches a gateway, a table or the certificate that the form would not have sent.
     *
     * @param number whether the field is a number field: its value must then be a finite number
     */
    record Limits(boolean number, BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength) {

        static Optional<Limits> of(String type, JsonNode validate) {
            boolean number = "number".equals(type);
            Limits limits = new Limits(number, decimal(validate.path("min")), decimal(validate.path("max")),
                    whole(validate.path("minLength")), whole(validate.path("maxLength")));
            return number || limits.min != null || limits.max != null || limits.minLength != null
                    || limits.maxLength != null ? Optional.of(limits) : Optional.empty();
        }

        /**
         * Why the value breaks the limits, as the rest of a sentence that starts with the field's name; empty when it
         * keeps them (an empty value is the {@code required} rule's business).
         */
        Optional<String> broken(Object value) {
            if (value instanceof String text && !text.isBlank()) {
                int length = text.strip().codePointCount(0, text.strip().length());
                if (maxLength != null && length > maxLength) {
                    return Optional.of("must be at most " + maxLength + " characters; it has " + length);
                }
                if (minLength != null && length < minLength) {
                    return Optional.of("must be at least " + minLength + " characters; it has " + length);
                }
                return number ? range(numberIn(text)) : Optional.empty();
            }
            if (value instanceof Number figure) {
                return range(numberIn(String.valueOf(figure)));
            }
            return Optional.empty();
        }

        private Optional<String> range(Optional<BigDecimal> value) {
            if (value.isEmpty()) {
                return Optional.of("must be a number");
            }
            BigDecimal figure = value.get();
            if (min != null && figure.compareTo(min) < 0 || max != null && figure.compareTo(max) > 0) {
                return Optional.of("must be a number " + (min == null ? "of at most " + max.toPlainString()
                        : max == null ? "of at least " + min.toPlainString()
                        : "from " + min.toPlainString() + " to " + max.toPlainString()) + "; "
                        + figure.toPlainString() + " is not");
            }
            return Optional.empty();
        }

        /** The number the text writes; empty for text that is none, and for NaN and the infinities. */
        private static Optional<BigDecimal> numberIn(String text) {
            try {
                return Optional.of(new BigDecimal(text.strip()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }

        private static BigDecimal decimal(JsonNode limit) {
            return limit.isNumber() ? limit.decimalValue() : null;
        }

        private static Integer whole(JsonNode limit) {
            return limit.canConvertToInt() && limit.isIntegralNumber() ? limit.intValue() : null;
        }
    }
}
