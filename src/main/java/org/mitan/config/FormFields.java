package org.mitan.config;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.mitan.text.Excerpt;

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
     * of its radio and select fields with fixed values; the limits its fields' {@code validate} sets; its
     * checklists and tag lists, each with its fixed values (none when the values come from the data); and the keys it
     * requires once another field holds a value ({@link ShownWhen}).
     */
    record Form(Set<String> keys, Set<String> required, Map<String, Set<String>> choices,
            Map<String, Limits> limits, Map<String, ListField> lists, Map<String, ShownWhen> requiredWhen) {

        static final Form NONE = new Form(Set.of(), Set.of(), Map.of(), Map.of(), Map.of());

        Form(Set<String> keys, Set<String> required, Map<String, Set<String>> choices, Map<String, Limits> limits,
                Map<String, ListField> lists) {
            this(keys, required, choices, limits, lists, Map.of());
        }

        static Form of(JsonNode form) {
            Set<String> keys = new TreeSet<>();
            Set<String> required = new TreeSet<>();
            Map<String, Set<String>> choices = new TreeMap<>();
            Map<String, Limits> limits = new TreeMap<>();
            Map<String, ListField> lists = new TreeMap<>();
            Map<String, ShownWhen> requiredWhen = new TreeMap<>();
            collect(form, false, keys, new Required(required, requiredWhen), new Values(choices, lists), limits);
            return new Form(Set.copyOf(keys), Set.copyOf(required), Map.copyOf(choices), Map.copyOf(limits),
                    Map.copyOf(lists), Map.copyOf(requiredWhen));
        }

        /** A disabled or read-only field (or one an expression may make so) is not sent with the form. */
        private static boolean unsent(JsonNode component) {
            return component.path("disabled").asBoolean(false) || flagged(component.path("readonly"));
        }

        private static boolean flagged(JsonNode flag) {
            return flag.isBoolean() ? flag.asBoolean() : flag.isTextual() && !flag.asText().isBlank();
        }

        /** Where a field's fixed values go: a choice of one (radio, select) or a list (checklist, tag list). */
        private record Values(Map<String, Set<String>> choices, Map<String, ListField> lists) {
        }

        /** Where the keys a form requires go: always, or once another field holds a value. */
        private record Required(Set<String> always, Map<String, ShownWhen> when) {
        }

        private static void collect(JsonNode node, boolean conditional, Set<String> keys, Required required,
                Values values, Map<String, Limits> limits) {
            for (JsonNode component : node.path("components")) {
                boolean hidden = conditional || component.hasNonNull("conditional");
                if (component.hasNonNull("key")) {
                    String key = component.get("key").asText();
                    keys.add(key);
                    if (!unsent(component) && component.path("validate").path("required").asBoolean(false)) {
                        if (!hidden) {
                            required.always().add(key);
                        } else if (!conditional) {
                            ShownWhen.of(component.path("conditional").path("hide"))
                                    .ifPresent(shown -> required.when().put(key, shown));
                        }
                    }
                    String type = component.path("type").asText();
                    Set<String> fixed = new LinkedHashSet<>();
                    component.path("values").forEach(value -> fixed.add(value.path("value").asText()));
                    if (("radio".equals(type) || "select".equals(type)) && !fixed.isEmpty()) {
                        values.choices().put(key, fixed);
                    } else if (ListField.TYPES.contains(type)) {
                        boolean fromData = component.hasNonNull("valuesKey")
                                || component.hasNonNull("valuesExpression");
                        values.lists().put(key, new ListField(fromData,
                                fromData ? Set.of() : Collections.unmodifiableSet(fixed)));
                    }
                    Limits.of(type, component.path("validate")).ifPresent(limit -> limits.put(key, limit));
                }
                if (component.hasNonNull("path")) {
                    keys.add(component.get("path").asText().split("\\.")[0]);
                }
                collect(component, hidden, keys, required, values, limits);
            }
        }
    }

    /**
     * The one condition a form's field may be hidden by that is read here: {@code =other != "value"}, hidden unless
     * another field holds a value (the return's remarks are shown once "return" is chosen). A required field so
     * hidden is required when the other field holds that value, as Tasklist requires it; any other condition leaves
     * the field to the form.
     */
    record ShownWhen(String field, String value) {

        private static final Pattern HIDDEN_UNLESS = Pattern.compile(
                "^=\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*!=\\s*\"([^\"\\\\]*)\"\\s*$");

        static Optional<ShownWhen> of(JsonNode hide) {
            Matcher matched = HIDDEN_UNLESS.matcher(hide.isTextual() ? hide.asText() : "");
            return matched.matches() ? Optional.of(new ShownWhen(matched.group(1), matched.group(2)))
                    : Optional.empty();
        }
    }

    /**
     * A checklist or tag list: Tasklist sends the values ticked or picked as a JSON list of text ({@code "Json"}, kept
     * by the engine as a Spin JSON variable that a gateway, a decision or Cockpit reads as a list).
     *
     * @param fromData whether its values come from the data ({@code valuesKey}, {@code valuesExpression}) rather than
     *        the form
     * @param values the form's fixed values (none when they come from the data)
     */
    record ListField(boolean fromData, Set<String> values) {

        /** The form-js fields whose value is a list of the values ticked or picked. */
        static final Set<String> TYPES = Set.of("checklist", "taglist");
        /** At most this many values, each of at most this many characters, when the data gives the choices. */
        static final int MOST_VALUES = 100;
        static final int LONGEST_VALUE = 500;

        /** The texts of a value sent as a JSON list of text; empty for any other value. */
        static Optional<List<String>> textsOf(Object sent) {
            if (!(sent instanceof TypedValue typed) || typed.getType() != SpinValueType.JSON
                    || !(typed instanceof SerializableValue json) || json.getValueSerialized() == null) {
                return Optional.empty();
            }
            try {
                JsonNode list = JSON.readTree(json.getValueSerialized());
                if (!list.isArray()) {
                    return Optional.empty();
                }
                List<String> texts = new ArrayList<>();
                for (JsonNode value : list) {
                    if (!value.isTextual()) {
                        return Optional.empty();
                    }
                    texts.add(value.textValue());
                }
                return Optional.of(texts);
            } catch (IOException notJson) {
                return Optional.empty();
            }
        }

        /**
         * Why the texts are not what the field lets a person tick or pick, as the rest of a sentence that starts with
         * the field's name; empty when they are.
         */
        Optional<String> broken(List<String> texts) {
            Set<String> seen = new HashSet<>();
            for (String text : texts) {
                if (!seen.add(text)) {
                    return Optional.of("holds " + Excerpt.quoted(text) + " twice");
                }
                if (!fromData && !values.contains(text)) {
                    return Optional.of("may hold only " + String.join(", ", values) + "; " + Excerpt.quoted(text)
                            + " is none of"
                            + " them");
                }
                if (text.isBlank() || text.codePointCount(0, text.length()) > LONGEST_VALUE) {
                    return Optional.of("holds a value that is empty or longer than " + LONGEST_VALUE
                            + " characters");
                }
            }
            return texts.size() > MOST_VALUES ? Optional.of("holds more than " + MOST_VALUES + " values")
                    : Optional.empty();
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

        /** The longest text read as a number: a form's number field takes none longer. */
        static final int LONGEST_NUMBER = 100;

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
                return number ? range(text.strip()) : Optional.empty();
            }
            if (value instanceof Number figure) {
                return range(String.valueOf(figure));
            }
            return Optional.empty();
        }

        /** Quoted as written: a number with a huge exponent written out in full would be a billion digits long. */
        private Optional<String> range(String written) {
            Optional<BigDecimal> value = numberIn(written);
            if (value.isEmpty()) {
                return Optional.of("must be a number");
            }
            BigDecimal figure = value.get();
            if (min != null && figure.compareTo(min) < 0 || max != null && figure.compareTo(max) > 0) {
                return Optional.of("must be a number " + (min == null ? "of at most " + max.toPlainString()
                        : max == null ? "of at least " + min.toPlainString()
                        : "from " + min.toPlainString() + " to " + max.toPlainString()) + "; "
                        + written + " is not");
            }
            return Optional.empty();
        }

        /**
         * The number the text writes; empty for text that is none, for NaN and the infinities, and for text longer
         * than any number a form's field takes ({@value #LONGEST_NUMBER} characters), which would be read digit by
         * digit in time growing with the square of its length.
         */
        private static Optional<BigDecimal> numberIn(String text) {
            if (text.length() > LONGEST_NUMBER) {
                return Optional.empty();
            }
            try {
                return Optional.of(new BigDecimal(text));
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
