package org.mitan.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * A deployment is data, never code: the rules every model must keep, checked as it is deployed, whoever deploys it
 * (Camunda Modeler, the REST API, the application). A model that breaks one is refused as a whole, with a message
 * naming each element and the rule, and nothing of the deployment is stored:
 * <ul>
 * <li>no script task and no script anywhere (listeners, input/output mappings, conditions);</li>
 * <li>no Java class names ({@code camunda:class}), no connectors, no external tasks;</li>
 * <li>delegate expressions name a published process bean; no expression reaches for classes or the engine;</li>
 * <li>no timer, message, signal or conditional start event on a process: requests begin at the call centre;</li>
 * <li>no embedded or external HTML forms ({@code camunda:formKey}): forms are Camunda Forms linked by
 * {@code camunda:formRef}, which cannot run code in an officer's browser;</li>
 * <li>a certificate process (one that registers requests) calls the shared decision of the competent authority
 * (or has the decision task itself), and has a role on every user task.</li>
 * </ul>
 */
class ModelRules extends AbstractBpmnParseListener {

    private static final String CAMUNDA = BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS;
    private static final Namespace CAMUNDA_NS = new Namespace(CAMUNDA);
    private static final String BPMN = BpmnParser.BPMN20_NS;
    private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The bean that registers requests: a model using it is a certificate process. */
    static final String REGISTER_REQUEST = "registerRequest";
    /** The shortest fixed timer a model may have. */
    static final Duration MINIMUM_TIMER = Duration.ofHours(1);
    /** The competent officer's decision, which the certificate names (see {@code certificate.Approvers}). */
    static final String DECISION_TASK = "Task_DecideApplication";
    /** The shared process holding the decision task. */
    static final String SHARED_DECISION = "authority-decision";
    private static final Set<String> EVENT_STARTS = Set.of("timerEventDefinition", "messageEventDefinition",
            "signalEventDefinition", "conditionalEventDefinition");

    private final Predicate<String> publishedBean;

    ModelRules(Predicate<String> publishedBean) {
        this.publishedBean = publishedBean;
    }

    @Override
    public void parseProcess(Element process, ProcessDefinitionEntity definition) {
        ModelViolations violations = new ModelViolations();
        walk(process, process, violations);
        if (registersRequests(process)) {
            certificateProcessRules(process, violations);
        }
        violations.refuseIfAny(definition.getKey());
    }

    private void walk(Element process, Element element, ModelViolations violations) {
        for (String rule : rulesBroken(process, element)) {
            violations.add(element, rule);
        }
        for (Element child : element.elements()) {
            walk(process, child, violations);
        }
    }

    private List<String> rulesBroken(Element process, Element element) {
        List<String> broken = new ArrayList<>();
        String tag = element.getTagName();
        boolean bpmn = BPMN.equals(element.getUri());
        boolean camunda = CAMUNDA.equals(element.getUri());
        if (bpmn && "scriptTask".equals(tag)) {
            broken.add("script tasks are not allowed; use a service task with a published process bean");
        }
        if (camunda && "script".equals(tag)) {
            broken.add("scripts are not allowed; use an expression on a published process bean");
        }
        if (camunda && "connector".equals(tag)) {
            broken.add("connectors are not allowed; calls to other systems go through the application's beans");
        }
        if (bpmn && ("conditionExpression".equals(tag) || "condition".equals(tag))
                && element.attribute("language") != null) {
            broken.add("conditions in a script language are not allowed; write ${...}");
        }
        if (element.attributeNS(CAMUNDA_NS, "class") != null) {
            broken.add("Java class names (camunda:class) are not allowed; use camunda:delegateExpression with a"
                    + " published process bean");
        }
        if ("external".equals(element.attributeNS(CAMUNDA_NS, "type"))) {
            broken.add("external tasks are not allowed");
        }
        if (element.attributeNS(CAMUNDA_NS, "formKey") != null) {
            broken.add("camunda:formKey is not allowed (embedded and external forms run code in the browser);"
                    + " link a Camunda Form with camunda:formRef");
        }
        if (element.attributeNS(CAMUNDA_NS, "resource") != null || element.attributeNS(CAMUNDA_NS,
                "scriptFormat") != null) {
            broken.add("scripts are not allowed");
        }
        String delegate = element.attributeNS(CAMUNDA_NS, "delegateExpression");
        if (delegate != null) {
            Matcher bean = DELEGATE_EXPRESSION.matcher(delegate);
            if (!bean.matches() || !publishedBean.test(bean.group(1))) {
                broken.add("delegate expression '" + delegate + "' names no published process bean");
            }
        }
        if (bpmn && "startEvent".equals(tag) && isProcessLevel(process, element)) {
            for (Element definition : element.elements()) {
                if (EVENT_STARTS.contains(definition.getTagName())) {
                    broken.add("a process may not start by a " + definition.getTagName().replace("EventDefinition",
                            "") + " event: requests begin at the call centre's intake (a plain start event)");
                }
            }
        }
        if (bpmn && ("timeDuration".equals(tag) || "timeCycle".equals(tag))) {
            tooOften(element.getText()).ifPresent(broken::add);
        }
        for (String attribute : element.attributes()) {
            forbiddenIn(element.attribute(attribute)).ifPresent(broken::add);
        }
        forbiddenIn(element.getText()).ifPresent(broken::add);
        return broken;
    }

    /** A certificate process: one whose steps register the citizen's request ({@code ${registerRequest}}). */
    static boolean registersRequests(Element element) {
        String delegate = element.attributeNS(CAMUNDA_NS, "delegateExpression");
        if (delegate != null && delegate.replace(" ", "").equals("${" + REGISTER_REQUEST + "}")) {
            return true;
        }
        return element.elements().stream().anyMatch(ModelRules::registersRequests);
    }

    /**
     * What the application needs of every certificate process: the competent officer's decision, the user task
     * {@value #DECISION_TASK} of the shared {@value #SHARED_DECISION} process it calls (the certificate names who
     * completed it), and a role on every user task (candidate
     * groups from the type's row, or the Mitan as assignee), so that no step waits for nobody; never a fixed group,
     * user or assignee, which would be the same for every urban body.
     */
    private static void certificateProcessRules(Element process, ModelViolations violations) {
        List<Element> userTasks = new ArrayList<>();
        collectUserTasks(process, userTasks);
        if (userTasks.stream().noneMatch(task -> DECISION_TASK.equals(task.attribute("id")))
                && !callsTheSharedDecision(process)) {
            violations.add(process, "a certificate process needs the competent officer's decision: call the shared"
                    + " process '" + SHARED_DECISION + "' (or keep a user task '" + DECISION_TASK + "'); the"
                    + " certificate names who completes it");
        }
        for (Element task : userTasks) {
            if (task.attributeNS(CAMUNDA_NS, "candidateGroups") == null
                    && task.attributeNS(CAMUNDA_NS, "assignee") == null
                    && task.attributeNS(CAMUNDA_NS, "candidateUsers") == null) {
                violations.add(task, "the step has no role; give it camunda:candidateGroups (e.g."
                        + " ${steps.group(execution)}) or camunda:assignee (e.g."
                        + " ${assignedMitan.userId(execution)})");
            }
            for (String attribute : List.of("candidateGroups", "candidateUsers", "assignee")) {
                String fixed = task.attributeNS(CAMUNDA_NS, attribute);
                if (fixed != null && !fixed.contains("${") && !fixed.contains("#{")) {
                    violations.add(task, "camunda:" + attribute + " names '" + fixed + "' itself, the same for"
                            + " every urban body; an officer's step says camunda:candidateGroups=\"${steps.group("
                            + "execution)}\" and its role is written in the type's steps table (clerk means clerk-RPR"
                            + " for a Raipur request), a Mitan's step camunda:assignee=\"${assignedMitan.userId("
                            + "execution)}\"");
                }
            }
        }
    }

    private static boolean callsTheSharedDecision(Element element) {
        if (BPMN.equals(element.getUri()) && "callActivity".equals(element.getTagName())
                && SHARED_DECISION.equals(element.attribute("calledElement"))) {
            return true;
        }
        return element.elements().stream().anyMatch(ModelRules::callsTheSharedDecision);
    }

    private static void collectUserTasks(Element element, List<Element> tasks) {
        if (BPMN.equals(element.getUri()) && "userTask".equals(element.getTagName())) {
            tasks.add(element);
        }
        for (Element child : element.elements()) {
            collectUserTasks(child, tasks);
        }
    }

    /** The rule an expression breaks by naming a member that leads to classes or the engine, if any. */
    static Optional<String> forbiddenIn(String text) {
        if (text == null || !(text.contains("${") || text.contains("#{"))) {
            return Optional.empty();
        }
        Matcher identifiers = IDENTIFIER.matcher(text);
        while (identifiers.find()) {
            if (ExpressionGuard.FORBIDDEN_MEMBERS.contains(identifiers.group())) {
                return Optional.of("the expression '" + text.strip() + "' uses '" + identifiers.group()
                        + "', which leads to classes or to the engine itself");
            }
        }
        return Optional.empty();
    }

    /**
     * The rule a timer written as a fixed ISO 8601 value breaks: a cycle without a count of repetitions, or a
     * duration or cycle period shorter than an hour (a reminder every second would flood the supervisor with SMS and
     * the engine with jobs). Expressions and cron cycles are not judged here.
     */
    static Optional<String> tooOften(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.contains("${") || value.contains("#{")
                || !(value.startsWith("P") || value.startsWith("R"))) {
            return Optional.empty();
        }
        if (value.startsWith("R/")) {
            return Optional.of("the timer cycle '" + value + "' repeats without end; give it a count (R3/P1D), or"
                    + " time a reminder by the type's steps table with ${steps.reminder(execution)}");
        }
        String period = value.substring(value.lastIndexOf('/') + 1);
        try {
            long millis = DatatypeFactory.newInstance().newDuration(period).getTimeInMillis(new Date(0));
            if (millis < MINIMUM_TIMER.toMillis()) {
                return Optional.of("the timer '" + value + "' fires after less than an hour; a step's reminder is"
                        + " timed by the type's steps table (days): write ${steps.reminder(execution)}");
            }
        } catch (IllegalArgumentException | DatatypeConfigurationException notADuration) {
            // not a duration this rule judges; the engine's own parser names what it cannot read
        }
        return Optional.empty();
    }

    private static boolean isProcessLevel(Element process, Element startEvent) {
        return process.elements().contains(startEvent);
    }

}
