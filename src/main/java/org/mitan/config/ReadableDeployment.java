package org.mitan.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checked before anything of a deployment is parsed, as {@link DeploymentOwnership} is: what the engine would
 * otherwise answer with a 500 (a file it cannot read, a decision without a history time to live), or accept and
 * then fail on while a request runs (a FEEL expression that does not parse, a tenant), is refused with a 400 that
 * names the file and what to fix, and nothing is stored.
 * <ul>
 * <li>No tenant: the application has none, and a type deployed for a tenant would give its key two latest
 * versions, which the catalogue and the call centre cannot choose between (leave Modeler's <i>Tenant ID</i>
 * empty).</li>
 * <li>A model ({@code .bpmn}) and a DMN file must be well-formed XML, a form ({@code .form}) JSON.</li>
 * <li>Every decision has its {@code historyTimeToLive}.</li>
 * <li>Every FEEL text of a decision table parses: input expressions, input entries (unary tests) and output
 * entries. The tables a request evaluates (rules on the particulars, a computed fee) would otherwise stop the
 * Mitan's or the officer's form with an engine error.</li>
 * </ul>
 */
class ReadableDeployment extends DeployedFileRules {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

    @Override
    void checkWhole(DeploymentEntity deployment, List<String> problems) {
        if (deployment.getTenantId() != null) {
            problems.add("it is made for the tenant '" + deployment.getTenantId() + "', and Mitan has no tenants:"
                    + " every urban body shares the same types (leave the Tenant ID empty when deploying)");
        }
    }

    @Override
    void check(String file, byte[] content, List<String> problems) {
        problems.addAll(problems(file, content));
    }

    /** What is wrong with one file of a deployment, by its name. */
    static List<String> problems(String name, byte[] content) {
        String lowerCase = name.toLowerCase(Locale.ROOT);
        if (lowerCase.endsWith(".bpmn") || lowerCase.endsWith(".bpmn20.xml")) {
            return notWellFormed(name, content).map(List::of).orElse(List.of());
        }
        if (lowerCase.endsWith(".dmn") || lowerCase.endsWith(".dmn11.xml")) {
            Optional<String> unreadable = notWellFormed(name, content);
            return unreadable.isPresent() ? List.of(unreadable.get()) : decisionProblems(name, content);
        }
        if (lowerCase.endsWith(".form")) {
            try {
                JSON.readTree(content);
            } catch (JsonProcessingException broken) {
                String reason = broken.getOriginalMessage();
                int marker = reason.indexOf(" (start marker");
                return List.of(name + " is not a form Camunda can read (not JSON: "
                        + (marker > 0 ? reason.substring(0, marker) : reason) + " at line "
                        + broken.getLocation().getLineNr()
                        + ", column " + broken.getLocation().getColumnNr() + "); open it in Camunda Modeler, fix it"
                        + " and save it again");
            } catch (IOException unreadable) {
                return List.of(name + " cannot be read: " + unreadable.getMessage());
            }
        }
        return List.of();
    }

    private static Optional<String> notWellFormed(String name, byte[] content) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new ByteArrayInputStream(content), new DefaultHandler());
            return Optional.empty();
        } catch (SAXParseException broken) {
            return Optional.of(name + " is not well-formed XML at line " + broken.getLineNumber() + ", column "
                    + broken.getColumnNumber() + " (" + broken.getMessage() + "); open it in Camunda Modeler, fix"
                    + " it and save it again");
        } catch (SAXException | IOException | ParserConfigurationException unreadable) {
            return Optional.of(name + " cannot be read as XML: " + unreadable.getMessage());
        }
    }

    private static List<String> decisionProblems(String name, byte[] content) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (RuntimeException unreadable) {
            return List.of(name + " is not a DMN file Camunda can read (" + unreadable.getMessage() + ")");
        }
        List<String> problems = new ArrayList<>();
        ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
        boolean ttlRequired = engine == null
                || engine.isEnforceHistoryTimeToLive() && engine.getHistoryTimeToLive() == null;
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            String where = name + ", decision '" + decision.getId() + "'";
            if (ttlRequired && decision.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(where + " has no History time to live: set it (e.g. P3650D, as the other decisions)");
            }
            if (decision.getExpression() instanceof DecisionTable table) {
                problems.addAll(tableProblems(where, table));
            } else if (decision.getExpression() instanceof LiteralExpression literal && isFeel(literal)) {
                feelProblem(where, "its literal expression", literal.getText() == null ? null
                        : literal.getText().getTextContent(), false).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static List<String> tableProblems(String where, DecisionTable table) {
        List<String> problems = new ArrayList<>();
        List<Input> inputs = new ArrayList<>(table.getInputs());
        for (Input input : inputs) {
            LiteralExpression expression = input.getInputExpression();
            if (expression != null && isFeel(expression) && expression.getText() != null) {
                feelProblem(where, "input '" + label(input.getLabel(), input.getId()) + "'",
                        expression.getText().getTextContent(), false).ifPresent(problems::add);
            }
        }
        for (Rule rule : table.getRules()) {
            String row = "rule '" + rule.getId() + "'";
            for (InputEntry entry : rule.getInputEntries()) {
                if (isFeel(entry.getExpressionLanguage()) && entry.getText() != null) {
                    feelProblem(where, row, entry.getText().getTextContent(), true).ifPresent(problems::add);
                }
            }
            for (OutputEntry entry : rule.getOutputEntries()) {
                if (isFeel(entry.getExpressionLanguage()) && entry.getText() != null) {
                    feelProblem(where, row, entry.getText().getTextContent(), false).ifPresent(problems::add);
                }
            }
        }
        return problems;
    }

    private static Optional<String> feelProblem(String where, String cell, String text, boolean unaryTests) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        ParseResult parsed = unaryTests ? FEEL.parseUnaryTests(text) : FEEL.parseExpression(text);
        if (parsed.isSuccess()) {
            return Optional.empty();
        }
        return Optional.of(where + ", " + cell + ": the FEEL '" + text.strip() + "' does not parse ("
                + parsed.failure().message() + "); a text is written in quotes, e.g. \"clerk\"");
    }

    private static boolean isFeel(LiteralExpression expression) {
        return isFeel(expression.getExpressionLanguage());
    }

    /** FEEL, the engine's default for decision tables, unless a cell names another language (JUEL). */
    private static boolean isFeel(String language) {
        return language == null || language.toLowerCase(Locale.ROOT).contains("feel");
    }

    private static String label(String label, String id) {
        return label != null ? label : id;
    }
}
