package org.mitan.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.mitan.process.ProcessKeys;
import org.mitan.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The certificate types on offer, found from what is deployed: a type is the key of a process whose latest
 * definition is deployed and active and which has a row in the latest {@code service-level} decision. Adding a
 * type is therefore a deployment (a model plus a DMN row), never a code change.
 * <p>
 * This is the one reader of the {@code service-level} table for the application (the process reads it itself in
 * its business rule task): {@code ServiceCatalogue} describes types through it. The rows of a decision version
 * never change, so they are read once per decision definition id; whether the process is deployed is asked each
 * time (one indexed query).
 */
@Component
public class CertificateTypes {

    static final String OUTPUT_SERVICE_NAME = "serviceName";
    static final String OUTPUT_DEPARTMENT = "department";
    static final String OUTPUT_HOLDER_PARTICULAR = "holderParticular";

    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final RepositoryService repository;
    private final IdentityService identity;
    private final LatestDecision<Map<String, CertificateType>> serviceLevel;

    CertificateTypes(RepositoryService repository, IdentityService identity) {
        this.repository = repository;
        this.identity = identity;
        this.serviceLevel = new LatestDecision<>(repository, ProcessKeys.DECISION_SERVICE_LEVEL,
                (definition, model) -> read(model, definition.getKey()));
    }

    /** The type of that key, if it is deployed and has a service-level row. */
    public Optional<CertificateType> find(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return EngineCalls.withoutAuthentication(identity, () -> {
            CertificateType type = rows().get(key);
            if (type == null) {
                return Optional.empty();
            }
            ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            return latest != null && !latest.isSuspended() ? Optional.of(type) : Optional.empty();
        });
    }

    /**
     * The type's row of the latest service-level decision, whether or not its process can be started now: what a
     * certificate issued earlier is called and whom it names do not depend on today's deployments.
     */
    public Optional<CertificateType> row(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return EngineCalls.withoutAuthentication(identity, () -> Optional.ofNullable(rows().get(key)));
    }

    /** Every type on offer, by key. */
    public List<CertificateType> all() {
        return EngineCalls.withoutAuthentication(identity, () -> {
            Map<String, CertificateType> rows = rows();
            if (rows.isEmpty()) {
                return List.of();
            }
            Set<String> startable = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                    .filter(definition -> !definition.isSuspended())
                    .map(ProcessDefinition::getKey)
                    .collect(Collectors.toSet());
            return rows.values().stream()
                    .filter(type -> startable.contains(type.key()))
                    .sorted(Comparator.comparing(CertificateType::key))
                    .toList();
        });
    }

    private Map<String, CertificateType> rows() {
        return serviceLevel.get().orElse(Map.of());
    }

    /**
     * The types named by the rules of a service-level decision table: each string literal of the
     * {@code certificateType} input entry (a rule may list several, {@code "a","b"}), with the rule's
     * {@code serviceName}, {@code department} and {@code holderParticular} outputs (a column the table lacks reads as
     * empty). The first rule naming a type wins, as in a FIRST table.
     */
    static Map<String, CertificateType> read(DmnModelInstance model, String decisionId) {
        ModelElementInstance element = model.getModelElementById(decisionId);
        if (!(element instanceof Decision decision) || !(decision.getExpression() instanceof DecisionTable table)) {
            throw new IllegalStateException("The deployed DMN has no decision table with id '" + decisionId + "'");
        }
        int typeColumn = certificateTypeColumn(new ArrayList<>(table.getInputs()), decisionId);
        List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
        int serviceNameColumn = outputs.indexOf(OUTPUT_SERVICE_NAME);
        int departmentColumn = outputs.indexOf(OUTPUT_DEPARTMENT);
        int holderParticularColumn = outputs.indexOf(OUTPUT_HOLDER_PARTICULAR);

        Map<String, CertificateType> types = new LinkedHashMap<>();
        for (Rule rule : table.getRules()) {
            List<InputEntry> inputs = new ArrayList<>(rule.getInputEntries());
            List<OutputEntry> outputEntries = new ArrayList<>(rule.getOutputEntries());
            if (typeColumn >= inputs.size()) {
                continue;
            }
            String serviceName = literal(outputEntries, serviceNameColumn);
            String department = literal(outputEntries, departmentColumn);
            String holderParticular = literal(outputEntries, holderParticularColumn);
            for (String key : stringLiterals(text(inputs.get(typeColumn)))) {
                types.putIfAbsent(key, new CertificateType(key, serviceName == null ? key : serviceName, department,
                        holderParticular));
            }
        }
        return Map.copyOf(types);
    }

    private static int certificateTypeColumn(List<Input> inputs, String decisionId) {
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            String expression = input.getInputExpression() == null ? null : text(input.getInputExpression());
            if (ProcessVariables.CERTIFICATE_TYPE.equals(expression == null ? null : expression.trim())
                    || ProcessVariables.CERTIFICATE_TYPE.equals(input.getCamundaInputVariable())) {
                return i;
            }
        }
        if (inputs.size() == 1) {
            return 0;
        }
        throw new IllegalStateException("Decision '" + decisionId + "' has no input on "
                + ProcessVariables.CERTIFICATE_TYPE);
    }

    /** The string literals of a unary test, e.g. {@code "birth-certificate"}; none for "-" or a negation. */
    private static List<String> stringLiterals(String unaryTests) {
        if (unaryTests == null) {
            return List.of();
        }
        String trimmed = unaryTests.trim();
        if (trimmed.isEmpty() || trimmed.equals("-") || trimmed.startsWith("not(") || trimmed.startsWith("not (")) {
            return List.of();
        }
        List<String> literals = new ArrayList<>();
        Matcher matcher = STRING_LITERAL.matcher(trimmed);
        while (matcher.find()) {
            literals.add(matcher.group(1).replace("\\\"", "\""));
        }
        return literals;
    }

    private static String literal(List<OutputEntry> entries, int column) {
        if (column < 0 || column >= entries.size()) {
            return null;
        }
        String text = text(entries.get(column));
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1).replace("\\\"", "\"");
        }
        return trimmed;
    }

    private static String text(UnaryTests tests) {
        return tests.getText() == null ? null : tests.getText().getTextContent();
    }

    private static String text(LiteralExpression expression) {
        return expression.getText() == null ? null : expression.getText().getTextContent();
    }
}
