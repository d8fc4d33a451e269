package org.mitan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A certificate type that exists only in the tests, {@value #KEY}, made the way an analyst makes one: a copy of a
 * certificate model with its own process key and particulars form ({@code src/test/resources/tenth-type/}), and
 * rows for it in the two decision tables. No Java of its own: this class only puts the deployment together.
 * <p>
 * The rows are appended to the tables as they are on the classpath today ({@code processes/service-level.dmn},
 * {@code processes/required-documents.dmn}), so the deployed versions keep every existing row unchanged whatever
 * rows and columns the tables have gained meanwhile. The values come by column name from
 * {@code tenth-type/service-level-row.properties} and {@code tenth-type/required-documents-rows.csv}; an output column
 * the test data gives no value for stops the test with a message naming it.
 * <p>
 * Everything the models bind by deployment goes into the one deployment: the engine looks a called process, a form
 * or a decision up in the deployment of the model that refers to it ({@code calledElementBinding},
 * {@code formRefBinding}, {@code decisionRefBinding} = {@code deployment}), never in another one. So the deployment
 * carries copies of the shared models it calls ({@code processes/<key>.bpmn}, found from its call activities, and
 * theirs in turn), every form those models name ({@code tenth-type/<id>.form} first, else {@code forms/<id>.form})
 * and both tables.
 */
final class TenthType {

    static final String KEY = "test-permit";
    static final String SERVICE_LEVEL = "service-level";
    static final String REQUIRED_DOCUMENTS = "required-documents";

    static final String FOLDER = "tenth-type/";
    static final String SERVICE_LEVEL_ROW = FOLDER + "service-level-row.properties";
    static final String REQUIRED_DOCUMENTS_ROWS = FOLDER + "required-documents-rows.csv";
    static final String PARTICULARS_FORM = FOLDER + KEY + "-particulars.form";

    private static final String CERTIFICATE_TYPE_INPUT = "certificateType";
    private static final String BINDING_DEPLOYMENT = "deployment";
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private TenthType() {
    }

    /** The resources of the one deployment, by resource name (the file name an analyst's deployment would use). */
    static Map<String, byte[]> deploymentResources() {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        Map<String, BpmnModelInstance> models = models();
        models.keySet().forEach(key -> resources.put(key + ".bpmn", classpath(modelPath(key))));
        for (String formId : formIds(models.values())) {
            resources.put(formId + ".form", form(formId));
        }
        resources.put(SERVICE_LEVEL + ".dmn", Dmn.convertToString(serviceLevelTable())
                .getBytes(StandardCharsets.UTF_8));
        resources.put(REQUIRED_DOCUMENTS + ".dmn", Dmn.convertToString(requiredDocumentsTable())
                .getBytes(StandardCharsets.UTF_8));
        Set<String> decisions = Set.of(SERVICE_LEVEL, REQUIRED_DOCUMENTS);
        for (String decision : decisionRefs(models.values())) {
            if (!decisions.contains(decision)) {
                throw new IllegalStateException("A model of the deployment binds decision '" + decision
                        + "' by deployment, which this test does not deploy");
            }
        }
        return resources;
    }

    /**
     * The type's model and the shared models it calls by deployment, by process key: {@value #KEY} from
     * {@code tenth-type/}, the others as they are in {@code processes/} (file name = process key).
     */
    static Map<String, BpmnModelInstance> models() {
        Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
        Deque<String> toRead = new ArrayDeque<>(List.of(KEY));
        while (!toRead.isEmpty()) {
            String key = toRead.pop();
            if (models.containsKey(key)) {
                continue;
            }
            String path = modelPath(key);
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(classpath(path)));
            if (!(model.getModelElementById(key) instanceof org.camunda.bpm.model.bpmn.instance.Process)) {
                throw new IllegalStateException(path + " holds no process with the id '" + key + "'");
            }
            models.put(key, model);
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                if (BINDING_DEPLOYMENT.equals(call.getCamundaCalledElementBinding())) {
                    toRead.add(call.getCalledElement());
                }
            }
        }
        return models;
    }

    /** Where a model is: the type's own in {@code tenth-type/}, a shared one in {@code processes/}. */
    private static String modelPath(String key) {
        return (key.equals(KEY) ? FOLDER : "processes/") + key + ".bpmn";
    }

    /** The forms the models name with {@code formRefBinding="deployment"}, in the order they appear. */
    static Set<String> formIds(Iterable<BpmnModelInstance> models) {
        Set<String> ids = new LinkedHashSet<>();
        for (BpmnModelInstance model : models) {
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null
                        && BINDING_DEPLOYMENT.equals(start.getCamundaFormRefBinding())) {
                    ids.add(start.getCamundaFormRef());
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getCamundaFormRef() != null && BINDING_DEPLOYMENT.equals(task.getCamundaFormRefBinding())) {
                    ids.add(task.getCamundaFormRef());
                }
            }
        }
        return ids;
    }

    private static Set<String> decisionRefs(Iterable<BpmnModelInstance> models) {
        Set<String> refs = new LinkedHashSet<>();
        for (BpmnModelInstance model : models) {
            for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
                if (task.getCamundaDecisionRef() != null
                        && BINDING_DEPLOYMENT.equals(task.getCamundaDecisionRefBinding())) {
                    refs.add(task.getCamundaDecisionRef());
                }
            }
        }
        return refs;
    }

    /** A form by id: the type's own from {@code tenth-type/}, a shared one from {@code forms/}. */
    private static byte[] form(String id) {
        String own = FOLDER + id + ".form";
        byte[] form = TenthType.class.getClassLoader().getResource(own) != null ? classpath(own)
                : classpath("forms/" + id + ".form");
        try {
            String declared = new ObjectMapper().readTree(form).path("id").asText();
            if (!declared.equals(id)) {
                throw new IllegalStateException("The form file for '" + id + "' declares the id '" + declared
                        + "': the engine finds a form by the id inside the file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The form '" + id + "' is not JSON", e);
        }
        return form;
    }

    /** The service-level table on the classpath with the type's row appended. */
    static DmnModelInstance serviceLevelTable() {
        return appendRows(table(SERVICE_LEVEL), SERVICE_LEVEL, KEY, List.of(serviceLevelRow()), SERVICE_LEVEL_ROW);
    }

    /** The required-documents table on the classpath with the type's rows appended. */
    static DmnModelInstance requiredDocumentsTable() {
        return appendRows(table(REQUIRED_DOCUMENTS), REQUIRED_DOCUMENTS, KEY, requiredDocumentRows(),
                REQUIRED_DOCUMENTS_ROWS);
    }

    /** The decision table {@code processes/<decisionId>.dmn} as it is on the classpath. */
    static DmnModelInstance table(String decisionId) {
        return Dmn.readModelFromStream(new ByteArrayInputStream(classpath("processes/" + decisionId + ".dmn")));
    }

    /** The type's service-level values by output column name. */
    static Map<String, String> serviceLevelRow() {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(classpath(SERVICE_LEVEL_ROW)),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> row = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> row.put(name, properties.getProperty(name).strip()));
        return row;
    }

    /** The type's documents, one map per row, by output column name (the CSV's header). */
    static List<Map<String, String>> requiredDocumentRows() {
        List<String> lines = new String(classpath(REQUIRED_DOCUMENTS_ROWS), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException(REQUIRED_DOCUMENTS_ROWS + " has no header line");
        }
        List<String> header = csvFields(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = csvFields(line);
            if (fields.size() != header.size()) {
                throw new IllegalStateException(REQUIRED_DOCUMENTS_ROWS + ": the line '" + line + "' has "
                        + fields.size() + " fields, the header " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), fields.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The model with one rule per row appended to the decision's table, for the certificate type. The rule names the
     * type in the {@code certificateType} input and leaves any other input empty (any value); every output column
     * gets the row's value for the column's name, written for the column's type. An output column the row has no
     * value for, a value that does not fit its column, or a table that already has a rule for the type stops it with
     * an {@link IllegalStateException} saying what to change.
     *
     * @param source where the rows come from, for the messages
     */
    static DmnModelInstance appendRows(DmnModelInstance model, String decisionId, String certificateType,
            List<Map<String, String>> rows, String source) {
        DecisionTable table = decisionTable(model, decisionId);
        List<Input> inputs = new ArrayList<>(table.getInputs());
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        int typeColumn = certificateTypeColumn(inputs, decisionId);
        if (typesNamed(model, decisionId).contains(certificateType)) {
            throw new IllegalStateException("The table '" + decisionId + "' already has a rule for '"
                    + certificateType + "': this test adds the type's rules itself");
        }
        String ruleIdBase = "Rule_" + camelCase(certificateType);
        for (int r = 0; r < rows.size(); r++) {
            Map<String, String> row = rows.get(r);
            Rule rule = model.newInstance(Rule.class);
            rule.setId(rows.size() == 1 ? ruleIdBase : ruleIdBase + "_" + (r + 1));
            Description description = model.newInstance(Description.class);
            description.setTextContent("Test only: the type " + certificateType + " from " + source);
            rule.setDescription(description);
            for (int i = 0; i < inputs.size(); i++) {
                InputEntry entry = model.newInstance(InputEntry.class);
                entry.setId(rule.getId() + "_Input" + (i + 1));
                entry.setText(text(model, i == typeColumn ? stringLiteral(certificateType) : ""));
                rule.getInputEntries().add(entry);
            }
            for (Output output : outputs) {
                String name = output.getName();
                if (name == null || !row.containsKey(name)) {
                    throw new IllegalStateException("The table '" + decisionId + "' has the output column '"
                            + (name == null ? output.getId() : name) + "' (" + output.getLabel() + ", type "
                            + output.getTypeRef() + ") that " + source + " gives no value for: add the value "
                            + certificateType + " should have in it to " + source);
                }
                OutputEntry entry = model.newInstance(OutputEntry.class);
                entry.setId(rule.getId() + "_" + name);
                entry.setText(text(model, typed(row.get(name), output, decisionId, source)));
                rule.getOutputEntries().add(entry);
            }
            table.getRules().add(rule);
        }
        Dmn.validateModel(model);
        return model;
    }

    /** The certificate types the decision's rules name in their {@code certificateType} input, in table order. */
    static List<String> typesNamed(DmnModelInstance model, String decisionId) {
        DecisionTable table = decisionTable(model, decisionId);
        int typeColumn = certificateTypeColumn(new ArrayList<>(table.getInputs()), decisionId);
        Set<String> types = new LinkedHashSet<>();
        for (Rule rule : table.getRules()) {
            List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
            if (typeColumn < entries.size() && entries.get(typeColumn).getText() != null) {
                Matcher matcher = STRING_LITERAL.matcher(entries.get(typeColumn).getText().getTextContent());
                while (matcher.find()) {
                    types.add(matcher.group(1));
                }
            }
        }
        return List.copyOf(types);
    }

    private static DecisionTable decisionTable(DmnModelInstance model, String decisionId) {
        ModelElementInstance element = model.getModelElementById(decisionId);
        if (!(element instanceof Decision decision) || !(decision.getExpression() instanceof DecisionTable table)) {
            throw new IllegalStateException("The DMN has no decision table with the id '" + decisionId + "'");
        }
        return table;
    }

    private static int certificateTypeColumn(List<Input> inputs, String decisionId) {
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null
                    ? null : input.getInputExpression().getText().getTextContent().strip();
            if (CERTIFICATE_TYPE_INPUT.equals(expression)
                    || CERTIFICATE_TYPE_INPUT.equals(input.getCamundaInputVariable())) {
                return i;
            }
        }
        throw new IllegalStateException("The table '" + decisionId + "' has no input on " + CERTIFICATE_TYPE_INPUT);
    }

    /** The value as the output entry of a column of that type: text quoted, numbers and booleans checked. */
    private static String typed(String value, Output output, String decisionId, String source) {
        String type = output.getTypeRef() == null ? "string" : output.getTypeRef().strip().toLowerCase(Locale.ROOT);
        String where = "'" + output.getName() + "' of the table '" + decisionId + "' (" + source + ")";
        try {
            return switch (type) {
                case "string" -> stringLiteral(value);
                case "integer", "long" -> String.valueOf(Long.parseLong(value.strip()));
                case "double" -> String.valueOf(Double.parseDouble(value.strip()));
                case "boolean" -> switch (value.strip().toLowerCase(Locale.ROOT)) {
                    case "true", "false" -> value.strip().toLowerCase(Locale.ROOT);
                    default -> throw new IllegalStateException("The column " + where
                            + " holds true or false, not '" + value + "'");
                };
                default -> throw new IllegalStateException("The column " + where + " has the type " + type
                        + ", which this test does not write: extend TenthType#typed");
            };
        } catch (NumberFormatException e) {
            throw new IllegalStateException("The column " + where + " holds " + type + " numbers, not '" + value
                    + "'", e);
        }
    }

    private static String stringLiteral(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Text text(DmnModelInstance model, String content) {
        Text text = model.newInstance(Text.class);
        text.setTextContent(content);
        return text;
    }

    private static String camelCase(String key) {
        StringBuilder camel = new StringBuilder();
        for (String part : key.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return camel.toString();
    }

    /** Comma-separated fields; a field in double quotes may hold commas, and "" is a quote inside it. */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }

    static byte[] classpath(String path) {
        try (InputStream in = TenthType.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
