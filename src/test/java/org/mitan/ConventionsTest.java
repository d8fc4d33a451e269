package org.mitan;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mitan.process.ProcessVariables;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The models, decisions, forms and element templates checked like code. Every file in {@code processes/},
 * {@code forms/} and {@code processes/.camunda/element-templates/} is read, so a model added later is held to the
 * same rules without touching this test. Each failure names the file, the element and what to change.
 * <p>
 * A form field is a <em>documented</em> variable when one of these says what it is:
 * <ul>
 * <li>a constant of {@link ProcessVariables} has its name (the constant's Javadoc gives type and meaning);</li>
 * <li>it is a particular, {@code particular_<name>} ({@link ProcessVariables#PARTICULAR_PREFIX}), and every task
 * that shows the form carries the {@code ${captureParticulars}} listener on {@code complete}, which moves the value
 * into the request's particulars and out of the engine;</li>
 * <li>a model that shows the form declares it by name: an input or output parameter, or the target of a call
 * activity's {@code camunda:in}/{@code camunda:out}.</li>
 * </ul>
 * Anything else is a variable that only the form knows about, which no code reads and nobody documented.
 */
class ConventionsTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final Path TEMPLATES = PROCESSES.resolve(".camunda").resolve("element-templates");

    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";
    private static final String TEMPLATE_SCHEMA =
            "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";

    /** Names the engine puts into every expression's context, and the functions it offers. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
            "decisionResult", "authenticatedUserId");
    private static final Set<String> ENGINE_FUNCTIONS = Set.of("dateTime", "now", "currentUser",
            "currentUserGroups", "S", "XML", "JSON");

    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
    private static final Pattern MEANINGFUL = Pattern.compile("^(%s)_[A-Z][A-Za-z0-9]+$");
    private static final String CAPTURE_PARTICULARS = "${captureParticulars}";

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> models() {
        return files(PROCESSES, ".bpmn");
    }

    static Stream<Path> decisions() {
        return files(PROCESSES, ".dmn");
    }

    static Stream<Path> forms() {
        return files(FORMS, ".form");
    }

    static Stream<Path> templates() {
        return files(TEMPLATES, ".json");
    }

    @Test
    void everyFileIsAModelADecisionAFormOrATemplate() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROCESSES)) {
            entries.forEach(entry -> {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) ? !name.equals(".camunda")
                        : !(name.endsWith(".bpmn") || name.endsWith(".dmn"))) {
                    problems.add(entry + ": only BPMN models (.bpmn), DMN decisions (.dmn) and the Modeler's "
                            + ".camunda folder belong in processes/; move it elsewhere");
                }
            });
        }
        try (Stream<Path> entries = Files.list(FORMS)) {
            entries.filter(entry -> !entry.getFileName().toString().endsWith(".form")).forEach(entry -> problems.add(
                    entry + ": only Camunda Forms (.form) belong in forms/; move it elsewhere"));
        }
        try (Stream<Path> entries = Files.list(TEMPLATES)) {
            entries.filter(entry -> !entry.getFileName().toString().endsWith(".json")).forEach(entry -> problems.add(
                    entry + ": only element templates (.json) belong in " + TEMPLATES + "; move it elsewhere"));
        }
        if (models().findAny().isEmpty() || forms().findAny().isEmpty()) {
            problems.add("no models or no forms found: run the tests from the project's root folder");
        }
        assertNone(problems);
    }

    // ---------------------------------------------------------------------------------------------- beans

    /**
     * Every {@code camunda:delegateExpression} (service tasks, listeners) is {@code ${bean}} for a published process
     * bean of the application ({@code @ProcessBean}: the only beans a model reaches); every other expression that navigates from a name or calls it ({@code ${serviceLevels.x(...)}},
     * {@code ${requestStatus.move(...)}}) starts at a bean, at a name the engine provides ({@code execution},
     * {@code task}, {@code decisionResult}...) or at an engine function ({@code dateTime()}); no {@code camunda:class}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void delegatesAndExpressionsNameApplicationBeans(Path model) {
        Set<String> beans = ApplicationBeans.published();
        List<String> problems = new ArrayList<>();
        forEachModelElement(dom(model).getDocumentElement(), element -> {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String where = model + ": " + location(element);
                if (CAMUNDA_NS.equals(attribute.getNamespaceURI()) && "class".equals(attribute.getLocalName())) {
                    problems.add(where + ": camunda:class=\"" + attribute.getValue() + "\" wires a class the "
                            + "engine instantiates itself; use camunda:delegateExpression=\"${beanName}\" with a "
                            + "Spring bean (or the step's element template)");
                } else if (CAMUNDA_NS.equals(attribute.getNamespaceURI())
                        && "delegateExpression".equals(attribute.getLocalName())) {
                    Matcher bean = BEAN_REFERENCE.matcher(attribute.getValue().strip());
                    if (!bean.matches()) {
                        problems.add(where + ": camunda:delegateExpression=\"" + attribute.getValue() + "\" must "
                                + "be exactly ${beanName}, naming one delegate bean; configure it with input "
                                + "parameters instead");
                    } else if (!beans.contains(bean.group(1))) {
                        problems.add(where + ": camunda:delegateExpression names bean '" + bean.group(1)
                                + "', which is not a published process bean; use the name given in its "
                                + "@ProcessBean(\"...\"), or pick the step's element template in Camunda Modeler");
                    }
                } else {
                    checkRoots(attribute.getValue(), where + " (" + attribute.getName() + ")", beans, problems);
                }
            }
            String text = ownText(element);
            if (!text.isBlank()) {
                checkRoots(text, model + ": " + location(element), beans, problems);
            }
        });
        assertNone(problems);
    }

    private static void checkRoots(String text, String where, Set<String> beans, List<String> problems) {
        for (String expression : Expressions.in(text)) {
            for (Expressions.Root root : Expressions.roots(expression)) {
                if (root.called() && !ENGINE_FUNCTIONS.contains(root.name())) {
                    problems.add(where + ": ${" + expression + "} calls " + root.name() + "(), which is not a "
                            + "function of the engine (" + String.join(", ", new TreeSet<>(ENGINE_FUNCTIONS))
                            + "); call a method of a bean instead: ${bean.method(execution)}");
                } else if (!root.called() && !beans.contains(root.name()) && !ENGINE_NAMES.contains(root.name())) {
                    problems.add(where + ": ${" + expression + "} starts at '" + root.name() + "', which is neither "
                            + "a bean of the application nor a name the engine provides (" + String.join(", ",
                            new TreeSet<>(ENGINE_NAMES)) + "); fix the bean name, or read a variable whole instead "
                            + "of navigating into it");
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- forms

    /**
     * Every user task, and the start event of a process the call centre starts in Tasklist, shows a Camunda Form
     * of {@code forms/}, linked by {@code camunda:formRef} with {@code camunda:formRefBinding="latest"}: a type and
     * the shared steps are separate deployments, and Camunda Modeler's "deploy changed only" leaves an unchanged
     * form out of the next one, so a form is found by its id, not in the model's own deployment. A certificate
     * type's own forms are named after it ({@code <key>-...}), so that no type's deployment changes another's.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void formsAreCamundaFormsLinkedByTheirLatestVersion(Path model) {
        BpmnModelInstance bpmn = bpmn(model);
        Map<String, Path> forms = formsById();
        List<String> problems = new ArrayList<>();
        for (BaseElement element : formElements(bpmn)) {
            String where = model + ": " + describe(element);
            String formKey = element.getAttributeValueNs(CAMUNDA_NS, "formKey");
            String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
            if (formKey != null) {
                problems.add(where + ": camunda:formKey=\"" + formKey + "\" links a form by path or URL; put a "
                        + "Camunda Form in forms/ and link it with camunda:formRef and "
                        + "camunda:formRefBinding=\"latest\"");
            } else if (formRef == null) {
                if (element instanceof UserTask || startableInTasklist(element)) {
                    problems.add(where + ": shows no form in Tasklist; add a Camunda Form to forms/ and link it "
                            + "with camunda:formRef and camunda:formRefBinding=\"latest\"");
                }
            } else {
                if (!forms.containsKey(formRef)) {
                    problems.add(where + ": camunda:formRef=\"" + formRef + "\" names no form in forms/ (forms: "
                            + String.join(", ", new TreeSet<>(forms.keySet())) + ")");
                }
                if (!"latest".equals(element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding"))) {
                    problems.add(where + ": set camunda:formRefBinding=\"latest\"; bound by deployment, the form"
                            + " is lost when a partial redeploy leaves it out");
                }
            }
        }
        assertNone(problems);
    }

    /**
     * A form's id is its file name, some model shows it, and each field it submits (its {@code key}, or the
     * {@code path} of a group) is a documented variable: see the rule in this class's description.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void formFieldsAreVariablesTheProcessesDocument(Path form) throws IOException {
        JsonNode json = JSON.readTree(form.toFile());
        String id = json.path("id").asText();
        List<String> problems = new ArrayList<>();
        if (!id.equals(stem(form))) {
            problems.add(form + ": form id \"" + id + "\" differs from the file name; name the file " + id
                    + ".form or change the id to " + stem(form) + " (camunda:formRef names the id)");
        }
        Map<Path, List<BaseElement>> shownBy = new LinkedHashMap<>();
        models().forEach(model -> {
            List<BaseElement> elements = formElements(bpmn(model)).stream()
                    .filter(element -> id.equals(element.getAttributeValueNs(CAMUNDA_NS, "formRef"))).toList();
            if (!elements.isEmpty()) {
                shownBy.put(model, elements);
            }
        });
        if (shownBy.isEmpty()) {
            problems.add(form + ": no model in processes/ links it (camunda:formRef=\"" + id + "\"); link it from "
                    + "its task or delete it");
        }
        Set<String> declared = new TreeSet<>();
        shownBy.keySet().forEach(model -> declared.addAll(declaredVariables(bpmn(model))));
        boolean capturedAsParticulars = !shownBy.isEmpty() && shownBy.values().stream().flatMap(List::stream)
                .allMatch(ConventionsTest::capturesParticulars);
        for (Map.Entry<String, String> field : submittedVariables(json.path("components")).entrySet()) {
            String variable = field.getKey();
            boolean particular = variable.startsWith(ProcessVariables.PARTICULAR_PREFIX)
                    && variable.length() > ProcessVariables.PARTICULAR_PREFIX.length();
            if (documentedVariables().contains(variable) || declared.contains(variable)
                    || particular && (capturedAsParticulars || shownBy.isEmpty())) {
                continue;
            }
            String where = form + ": field " + field.getValue() + " (key \"" + variable + "\")";
            if (particular) {
                problems.add(where + ": a particular must be shown only by tasks that carry the task listener "
                        + "camunda:delegateExpression=\"" + CAPTURE_PARTICULARS + "\" on complete, which stores it "
                        + "in the request; add the listener to " + shownBy.values().stream().flatMap(List::stream)
                        .filter(element -> !capturesParticulars(element)).map(BaseElement::getId)
                        .collect(Collectors.joining(", ")));
            } else {
                problems.add(where + ": no process documents this variable; add a constant for it to "
                        + "org.mitan.process.ProcessVariables (with its type and meaning), or, for a particular of "
                        + "the certificate, name it " + ProcessVariables.PARTICULAR_PREFIX + variable);
            }
        }
        assertNone(problems);
    }

    /**
     * Variables a form's {@code text} (markdown) or {@code html} view may show: text the application writes itself,
     * with everything a person typed in it escaped ({@code requestSummary}, {@code documentChecklist},
     * {@code whomToVisit}), and numbers.
     * What people type (remarks, reasons, names) is shown by a read-only text field or text area, never rendered:
     * as markdown, a clerk's remark could show a link or fetch an image from another site in the Mitan's Tasklist.
     */
    private static final Set<String> RENDERED_VARIABLES = Set.of("requestSummary", "documentChecklist",
            "whomToVisit", "visitAttempts", "maxVisits", "requestNumber");
    private static final Set<String> FEEL_WORDS = Set.of("string", "number", "null", "and", "or", "not", "if",
            "then", "else", "true", "false", "count", "is", "defined");
    private static final Pattern TEMPLATED = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** No markdown or HTML view of a form renders a variable that people type; see {@link #RENDERED_VARIABLES}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void textViewsRenderOnlyTextTheApplicationWrites(Path form) throws IOException {
        List<String> problems = new ArrayList<>();
        textViews(JSON.readTree(form.toFile()).path("components"), form, problems);
        assertNone(problems);
    }

    private static void textViews(JsonNode components, Path form, List<String> problems) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (type.equals("text") || type.equals("html")) {
                String text = component.path(type.equals("text") ? "text" : "content").asText("");
                Set<String> names = new TreeSet<>();
                if (text.startsWith("=")) {
                    names.addAll(namesIn(text.substring(1)));
                }
                Matcher templated = TEMPLATED.matcher(text);
                while (templated.find()) {
                    names.addAll(namesIn(templated.group(1)));
                }
                names.removeAll(RENDERED_VARIABLES);
                if (!names.isEmpty()) {
                    problems.add(form + ": " + type + " view " + component.path("id").asText("?") + " renders "
                            + names + " as " + (type.equals("text") ? "markdown" : "HTML") + "; show what people"
                            + " type in a read-only textfield or textarea bound to the variable instead");
                }
            }
            textViews(component.path("components"), form, problems);
        }
    }

    /**
     * Officers and Mitans read the forms in Hindi and English: every label, description and option a form shows
     * carries Devanagari beside the English (a language's own name, such as "English", excepted), and every paragraph
     * of a text view written in the form does, or is followed by its Hindi (a view that is an expression shows what
     * the application gives it).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyTextAFormShowsIsInHindiToo(Path form) throws IOException {
        List<String> english = new ArrayList<>();
        for (JsonNode component : allComponents(JSON.readTree(form.toFile()))) {
            List<String> shown = new ArrayList<>(List.of(component.path("label").asText(""),
                    component.path("description").asText(""), component.path("dateLabel").asText("")));
            component.path("values").forEach(option -> shown.add(option.path("label").asText("")));
            if (component.path("type").asText().equals("text")) {
                // a paragraph in English is followed by its Hindi
                List<String> paragraphs = List.of(component.path("text").asText("").split("\\n\\s*\\n"));
                for (int i = 0; i < paragraphs.size(); i++) {
                    if (i + 1 == paragraphs.size() || !DEVANAGARI.matcher(paragraphs.get(i + 1)).find()) {
                        shown.add(paragraphs.get(i));
                    }
                }
            }
            shown.stream().filter(text -> !text.isBlank() && !text.startsWith("=") && !text.equals("English"))
                    .filter(text -> !DEVANAGARI.matcher(text).find())
                    .forEach(text -> english.add(form + ": " + component.path("id").asText("?") + " shows \""
                            + text + "\" in English only; add the Hindi in brackets, as the other fields do"));
        }
        assertNone(english);
    }

    /** A form's components, those inside groups included. */
    private static List<JsonNode> allComponents(JsonNode parent) {
        List<JsonNode> all = new ArrayList<>();
        parent.path("components").forEach(component -> {
            all.add(component);
            all.addAll(allComponents(component));
        });
        return all;
    }

    private static final Pattern DEVANAGARI = Pattern.compile("[\\u0900-\\u097F]");

    /** The names an expression uses, string literals left out. */
    private static Set<String> namesIn(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(expression.replaceAll("\"(\\\\.|[^\"\\\\])*\"", " "));
        while (matcher.find()) {
            if (!FEEL_WORDS.contains(matcher.group())) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    // ------------------------------------------------------------------------------------------------ ids

    /**
     * Elements that code, tests and logs name have meaningful ids ({@code Task_ScrutiniseDocuments}, not
     * {@code Activity_0x9abcd}): every flow node, lane, participant, error, message and signal, and every sequence
     * flow with a condition or a listener. The process id is the file name (the process key).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void elementsThatCodeNamesHaveMeaningfulIds(Path model) {
        BpmnModelInstance bpmn = bpmn(model);
        List<String> problems = new ArrayList<>();
        if (bpmn.getModelElementsByType(Process.class).stream().noneMatch(p -> p.getId().equals(stem(model)))) {
            problems.add(model + ": has no process with id \"" + stem(model) + "\"; the file name is the process "
                    + "key: rename the process or the file");
        }
        List<BaseElement> named = new ArrayList<>();
        named.addAll(bpmn.getModelElementsByType(FlowNode.class));
        named.addAll(bpmn.getModelElementsByType(Lane.class));
        named.addAll(bpmn.getModelElementsByType(Participant.class));
        named.addAll(bpmn.getModelElementsByType(Error.class));
        named.addAll(bpmn.getModelElementsByType(Message.class));
        named.addAll(bpmn.getModelElementsByType(Signal.class));
        bpmn.getModelElementsByType(SequenceFlow.class).stream()
                .filter(flow -> flow.getConditionExpression() != null
                        || !extensions(flow, CamundaExecutionListener.class).isEmpty())
                .forEach(named::add);
        for (BaseElement element : named) {
            String prefixes = idPrefixes(element);
            if (!Pattern.compile(String.format(MEANINGFUL.pattern(), prefixes)).matcher(element.getId()).matches()) {
                problems.add(model + ": " + describe(element) + ": id \"" + element.getId() + "\" is not meaningful; "
                        + "rename it to " + prefixes.replace("|", "_... or ") + "_WhatItDoes (upper-case letter "
                        + "after the underscore, letters and digits only) and rename it where code and tests use it");
            }
        }
        assertNone(problems);
    }

    private static String idPrefixes(BaseElement element) {
        if (element instanceof SequenceFlow) {
            return "Flow";
        } else if (element instanceof CallActivity) {
            return "CallActivity";
        } else if (element instanceof Task) {
            return "Task";
        } else if (element instanceof SubProcess subProcess) {
            return subProcess.triggeredByEvent() ? "EventSubProcess" : "SubProcess";
        } else if (element instanceof Gateway) {
            return "Gateway";
        } else if (element instanceof StartEvent) {
            return "StartEvent";
        } else if (element instanceof EndEvent) {
            return "EndEvent";
        } else if (element instanceof BoundaryEvent) {
            return "BoundaryEvent";
        } else if (element instanceof IntermediateCatchEvent catchEvent) {
            return catchEvent.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance)
                    ? "Timer|IntermediateEvent" : "IntermediateEvent";
        } else if (element instanceof IntermediateThrowEvent) {
            return "IntermediateEvent";
        } else if (element instanceof Lane) {
            return "Lane";
        } else if (element instanceof Participant) {
            return "Participant";
        } else if (element instanceof Error) {
            return "Error";
        } else if (element instanceof Message) {
            return "Message";
        } else if (element instanceof Signal) {
            return "Signal";
        }
        return element.getElementType().getTypeName().substring(0, 1).toUpperCase()
                + element.getElementType().getTypeName().substring(1);
    }

    // -------------------------------------------------------------------------------------------- diagram

    /** The model opens in Camunda Modeler as drawn: a diagram with a shape or an edge for every element. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyElementIsDrawn(Path model) {
        BpmnModelInstance bpmn = bpmn(model);
        List<String> problems = new ArrayList<>();
        if (bpmn.getModelElementsByType(BpmnDiagram.class).isEmpty()) {
            problems.add(model + ": has no diagram (bpmndi:BPMNDiagram); open it in Camunda Modeler, lay it out and "
                    + "save it");
        }
        Set<String> shapes = bpmn.getModelElementsByType(BpmnShape.class).stream()
                .filter(shape -> shape.getBpmnElement() != null)
                .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = bpmn.getModelElementsByType(BpmnEdge.class).stream()
                .filter(edge -> edge.getBpmnElement() != null)
                .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());
        List<BaseElement> drawnAsShapes = new ArrayList<>();
        drawnAsShapes.addAll(bpmn.getModelElementsByType(FlowNode.class));
        drawnAsShapes.addAll(bpmn.getModelElementsByType(Lane.class));
        drawnAsShapes.addAll(bpmn.getModelElementsByType(Participant.class));
        drawnAsShapes.addAll(bpmn.getModelElementsByType(TextAnnotation.class));
        drawnAsShapes.addAll(bpmn.getModelElementsByType(DataObjectReference.class));
        drawnAsShapes.addAll(bpmn.getModelElementsByType(DataStoreReference.class));
        List<BaseElement> drawnAsEdges = new ArrayList<>();
        drawnAsEdges.addAll(bpmn.getModelElementsByType(SequenceFlow.class));
        drawnAsEdges.addAll(bpmn.getModelElementsByType(MessageFlow.class));
        drawnAsEdges.addAll(bpmn.getModelElementsByType(Association.class));
        drawnAsShapes.stream().filter(element -> !shapes.contains(element.getId())).forEach(element -> problems.add(
                model + ": " + describe(element) + " has no shape in the diagram; place it in Camunda Modeler"));
        drawnAsEdges.stream().filter(element -> !edges.contains(element.getId())).forEach(element -> problems.add(
                model + ": " + describe(element) + " has no edge in the diagram; draw it in Camunda Modeler"));
        assertNone(problems);
    }

    // ---------------------------------------------------------------------------------------------- process

    /**
     * The process named after the file is executable; every executable process has a {@code camunda:versionTag}
     * and a {@code camunda:historyTimeToLive}, and is either started by named groups in Tasklist
     * ({@code camunda:candidateStarterGroups}) or marked {@code camunda:isStartableInTasklist="false"}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void processesAreExecutableVersionedAndKeptForALimitedTime(Path model) {
        List<String> problems = new ArrayList<>();
        for (Process process : bpmn(model).getModelElementsByType(Process.class)) {
            String where = model + ": process " + process.getId();
            if (!process.isExecutable()) {
                if (process.getId().equals(stem(model))) {
                    problems.add(where + ": set isExecutable=\"true\" (it is the model this file deploys)");
                }
                continue;
            }
            if (blank(process.getCamundaVersionTag())) {
                problems.add(where + ": set camunda:versionTag (e.g. 1.0.0) so a running instance tells which "
                        + "version of the model it follows");
            }
            if (blank(process.getCamundaHistoryTimeToLiveString())) {
                problems.add(where + ": set camunda:historyTimeToLive (e.g. P3650D); without it the engine refuses "
                        + "the deployment");
            }
            if (!Boolean.FALSE.equals(process.isCamundaStartableInTasklist())
                    && blank(process.getCamundaCandidateStarterGroups())
                    && blank(process.getCamundaCandidateStarterUsers())) {
                problems.add(where + ": say who starts it: camunda:candidateStarterGroups=\"call-centre\" for a "
                        + "certificate, or camunda:isStartableInTasklist=\"false\" for a shared step");
            }
        }
        assertNone(problems);
    }

    /**
     * Tasklist shows a process's name under each of its tasks (and the call centre picks a type by it in "Start
     * process"), so every executable process is named in English, then in Hindi in brackets, "Doorstep visit (घर पर
     * भेंट)", and its pool, when it has one, carries the same name. A type's process test holds its name to its
     * service table ({@code CertificateTypeContract}); the shared processes have no table, and are held here.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void processesAreNamedInEnglishAndHindi(Path model) {
        BpmnModelInstance bpmn = bpmn(model);
        List<String> problems = new ArrayList<>();
        for (Process process : bpmn.getModelElementsByType(Process.class)) {
            if (!process.isExecutable()) {
                continue;
            }
            String where = model + ": process " + process.getId();
            String name = process.getName();
            if (name == null || !IN_ENGLISH_AND_HINDI.matcher(name).matches()) {
                problems.add(where + ": name it in English, then in Hindi in brackets, e.g. \"Doorstep visit (घर पर"
                        + " भेंट)\", with the Hindi words the steps tables and forms use (Tasklist shows it under the"
                        + " process's tasks); it is \"" + name + "\"");
            }
            bpmn.getModelElementsByType(Participant.class).stream()
                    .filter(pool -> pool.getProcess() != null && process.getId().equals(pool.getProcess().getId())
                            && !Objects.equals(pool.getName(), name))
                    .forEach(pool -> problems.add(where + ": name its pool " + pool.getId() + " as the process, \""
                            + name + "\"; it is \"" + pool.getName() + "\""));
        }
        assertNone(problems);
    }

    /**
     * An analyst writing a new type calls the shared processes by the version tags the README's process catalogue
     * gives: it names each shared process's tag as its model has it.
     */
    @Test
    void theReadmeGivesTheSharedProcessesVersionTags() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> problems = new ArrayList<>();
        models().forEach(model -> bpmn(model).getModelElementsByType(Process.class).stream()
                .filter(process -> process.getId().equals(stem(model))
                        && Boolean.FALSE.equals(process.isCamundaStartableInTasklist()))
                .map(process -> "`" + process.getId() + "` (version tag `" + process.getCamundaVersionTag() + "`)")
                .filter(row -> !readme.contains(row))
                .forEach(row -> problems.add("README.md, Process catalogue: write " + row + " for " + model)));
        assertNone(problems);
    }

    /** "English (हिंदी)": a name without Devanagari, then a Hindi one without Latin letters, in brackets. */
    private static final Pattern IN_ENGLISH_AND_HINDI = Pattern.compile(
            "[^\\p{IsDevanagari}]*[^\\s\\p{IsDevanagari}] \\([^\\p{IsLatin}]*\\p{IsDevanagari}[^\\p{IsLatin}]*\\)");

    /**
     * Call activities call a shared process of {@code processes/} by its version tag, which that model carries: the
     * shared processes are the application's own deployment, so a type calls the contract it was drawn against and
     * survives a partial redeploy. Decision tasks name a decision of {@code processes/} bound by deployment.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void callsBindByVersionTagAndDecisionsByDeployment(Path model) {
        BpmnModelInstance bpmn = bpmn(model);
        Set<String> processKeys = models().map(ConventionsTest::stem).collect(Collectors.toSet());
        Set<String> decisionKeys = new TreeSet<>();
        decisions().forEach(decision -> decisionKeys.addAll(decisionIds(dom(decision))));
        List<String> problems = new ArrayList<>();
        for (CallActivity call : bpmn.getModelElementsByType(CallActivity.class)) {
            String where = model + ": " + describe(call);
            String called = call.getCalledElement();
            if (!"versionTag".equals(call.getCamundaCalledElementBinding())) {
                problems.add(where + ": set camunda:calledElementBinding=\"versionTag\" and"
                        + " camunda:calledElementVersionTag to the called model's version tag");
            } else if (called != null && processKeys.contains(called) && !Objects.equals(versionTag(called),
                    call.getCamundaCalledElementVersionTag())) {
                problems.add(where + ": calls " + called + " with version tag '"
                        + call.getCamundaCalledElementVersionTag() + "', but processes/" + called + ".bpmn has '"
                        + versionTag(called) + "'");
            }
            if (called == null || !called.contains("{") && !processKeys.contains(called)) {
                problems.add(where + ": calledElement=\"" + called + "\" names no model of processes/ (models: "
                        + String.join(", ", new TreeSet<>(processKeys)) + ")");
            }
        }
        for (BusinessRuleTask task : bpmn.getModelElementsByType(BusinessRuleTask.class)) {
            String decision = task.getCamundaDecisionRef();
            if (decision == null) {
                continue;
            }
            String where = model + ": " + describe(task);
            if (!"deployment".equals(task.getCamundaDecisionRefBinding())) {
                problems.add(where + ": set camunda:decisionRefBinding=\"deployment\" so it evaluates the table "
                        + "deployed with the model");
            }
            if (!decision.contains("{") && !decisionKeys.contains(decision)) {
                problems.add(where + ": camunda:decisionRef=\"" + decision + "\" names no decision of processes/ "
                        + "(decisions: " + String.join(", ", decisionKeys) + ")");
            }
        }
        assertNone(problems);
    }

    /** A step that runs as a job says how it retries before it becomes an incident. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void asynchronousStepsHaveARetryCycle(Path model) {
        List<String> problems = new ArrayList<>();
        for (FlowNode node : bpmn(model).getModelElementsByType(FlowNode.class)) {
            if ((node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter())
                    && extensions(node, CamundaFailedJobRetryTimeCycle.class).stream()
                    .allMatch(cycle -> blank(cycle.getTextContent()))) {
                problems.add(model + ": " + describe(node) + " runs as a job but has no retry cycle; add "
                        + "camunda:failedJobRetryTimeCycle (e.g. R3/PT10M) under Asynchronous continuations");
            }
        }
        assertNone(problems);
    }

    /**
     * The call centre is answered once the request is registered: the registering step is a save point, after which
     * the Mitan's assignment, the SMS and the visit run as a job, whose failure is retried rather than undoing the
     * registration.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theRegisteringStepAnswersTheCallCentre(Path model) {
        List<String> problems = new ArrayList<>();
        for (ServiceTask task : bpmn(model).getModelElementsByType(ServiceTask.class)) {
            if ("${registerRequest}".equals(task.getCamundaDelegateExpression()) && !task.isCamundaAsyncAfter()) {
                problems.add(model + ": " + describe(task) + " registers the request, but the call centre waits for"
                        + " everything after it; tick Asynchronous continuations: After, with a retry cycle");
            }
        }
        assertNone(problems);
    }

    /**
     * The clerk's return is checked and recorded ({@code DocumentReturns}) by the SMS step that tells the citizen of
     * it, in the clerk's own transaction: so a refused list of documents leaves the clerk's task open, and the clerk is
     * the one recorded. A save point between the clerk's task and that step would make the refusal an incident after
     * the task is gone, and the return the system's.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theReturnIsRecordedInTheClerksTransaction(Path model) {
        List<String> problems = new ArrayList<>();
        BpmnModelInstance bpmn = bpmn(model);
        for (CamundaInputParameter input : bpmn.getModelElementsByType(CamundaInputParameter.class)) {
            ModelElementInstance owner = input.getParentElement();
            while (owner != null && !(owner instanceof FlowNode)) {
                owner = owner.getParentElement();
            }
            if (!(owner instanceof ServiceTask task) || !"${sendSms}".equals(task.getCamundaDelegateExpression())
                    || !"template".equals(input.getCamundaName())
                    || !"DOCUMENTS_RETURNED".equals(input.getTextContent().strip())) {
                continue;
            }
            Deque<FlowNode> back = new ArrayDeque<>(List.of(task));
            Set<FlowNode> seen = new HashSet<>();
            while (!back.isEmpty()) {
                FlowNode node = back.pop();
                if (!seen.add(node)) {
                    continue;
                }
                boolean saves = node instanceof UserTask user ? user.isCamundaAsyncAfter()
                        : node.isCamundaAsyncBefore() || (node != task && node.isCamundaAsyncAfter());
                if (saves) {
                    problems.add(model + ": " + describe(node) + " is a save point " + (node == task ? "before it"
                            : "between the clerk's task and " + describe(task)) + ", which records the return in the"
                            + " clerk's transaction; untick the asynchronous continuations");
                }
                if (!(node instanceof UserTask)) {
                    node.getIncoming().forEach(flow -> back.push(flow.getSource()));
                }
            }
        }
        assertNone(problems);
    }

    /**
     * An element made from an element template ({@code camunda:modelerTemplate}) names a template of
     * {@code processes/.camunda/element-templates/} and still has the values the template fixes.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void elementsMadeFromATemplateStillMatchIt(Path model) {
        Map<String, JsonNode> templates = templatesById();
        List<String> problems = new ArrayList<>();
        for (BaseElement element : bpmn(model).getModelElementsByType(BaseElement.class)) {
            String templateId = element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
            if (templateId == null) {
                continue;
            }
            String where = model + ": " + describe(element);
            JsonNode template = templates.get(templateId);
            if (template == null) {
                problems.add(where + ": made from element template \"" + templateId + "\", which is not in "
                        + TEMPLATES + "; apply one of " + new TreeSet<>(templates.keySet()));
                continue;
            }
            for (JsonNode property : template.path("properties")) {
                JsonNode binding = property.path("binding");
                if (!"Hidden".equals(property.path("type").asText()) || !"property".equals(binding.path("type")
                        .asText())) {
                    continue;
                }
                String name = binding.path("name").asText();
                String actual = name.startsWith("camunda:")
                        ? element.getAttributeValueNs(CAMUNDA_NS, name.substring("camunda:".length()))
                        : element.getAttributeValue(name);
                if (!property.path("value").asText().equals(actual)) {
                    problems.add(where + ": " + name + "=\"" + actual + "\" but its template \"" + templateId
                            + "\" sets \"" + property.path("value").asText() + "\"; apply the template again in "
                            + "Camunda Modeler");
                }
            }
        }
        assertNone(problems);
    }

    // -------------------------------------------------------------------------------------------- decisions

    /**
     * A decision file holds the tables of the type of its name ({@code <key>-service}, {@code -steps},
     * {@code -documents}), versioned, kept for a limited time, and drawn.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decisionsAreVersionedKeptForALimitedTimeAndDrawn(Path decisionFile) {
        Dmn.readModelFromFile(decisionFile.toFile());
        Document dom = dom(decisionFile);
        List<String> problems = new ArrayList<>();
        List<String> ids = decisionIds(dom);
        for (String table : List.of("-service", "-steps", "-documents")) {
            if (!ids.contains(stem(decisionFile) + table)) {
                problems.add(decisionFile + ": has no decision with id \"" + stem(decisionFile) + table + "\"; a"
                        + " type's DMN file, named by its key, holds its three tables");
            }
        }
        Set<String> drawn = new TreeSet<>();
        NodeList shapes = dom.getElementsByTagNameNS("*", "DMNShape");
        for (int i = 0; i < shapes.getLength(); i++) {
            drawn.add(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
        }
        NodeList decisions = dom.getElementsByTagNameNS("*", "decision");
        for (int i = 0; i < decisions.getLength(); i++) {
            Element decision = (Element) decisions.item(i);
            String where = decisionFile + ": decision " + decision.getAttribute("id");
            if (blank(decision.getAttributeNS(CAMUNDA_DMN_NS, "versionTag"))) {
                problems.add(where + ": set camunda:versionTag (e.g. 1.0.0)");
            }
            if (blank(decision.getAttributeNS(CAMUNDA_DMN_NS, "historyTimeToLive"))) {
                problems.add(where + ": set camunda:historyTimeToLive (e.g. P3650D); without it the engine refuses "
                        + "the deployment");
            }
            if (!drawn.contains(decision.getAttribute("id"))) {
                problems.add(where + ": has no shape in the decision requirements diagram; place it in Camunda "
                        + "Modeler");
            }
        }
        assertNone(problems);
    }

    // ------------------------------------------------------------------------------------- element templates

    /**
     * An element template is a Camunda 7 template with an id of its own, and the delegate it fixes is
     * {@code ${bean}} for a bean of the application (never {@code camunda:class}).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void elementTemplatesNameApplicationBeans(Path file) throws IOException {
        Set<String> beans = ApplicationBeans.published();
        List<String> problems = new ArrayList<>();
        for (JsonNode template : templatesIn(file)) {
            String where = file + ": template \"" + template.path("id").asText() + "\"";
            if (!TEMPLATE_SCHEMA.equals(template.path("$schema").asText())) {
                problems.add(where + ": set \"$schema\": \"" + TEMPLATE_SCHEMA + "\" (the Camunda 7 template "
                        + "schema)");
            }
            if (blank(template.path("id").asText()) || blank(template.path("name").asText())
                    || template.path("appliesTo").isEmpty()) {
                problems.add(where + ": needs an id, a name and appliesTo");
            }
            boolean delegate = false;
            for (JsonNode property : template.path("properties")) {
                String name = property.path("binding").path("name").asText();
                String value = property.path("value").asText();
                if ("camunda:class".equals(name)) {
                    problems.add(where + ": binds camunda:class; bind camunda:delegateExpression to ${beanName}");
                } else if ("camunda:delegateExpression".equals(name)) {
                    delegate = true;
                    Matcher bean = BEAN_REFERENCE.matcher(value.strip());
                    if (!bean.matches() || !beans.contains(bean.group(1))) {
                        problems.add(where + ": camunda:delegateExpression \"" + value + "\" names no bean of the "
                                + "application; use ${beanName} with the name in its @Component(\"...\")");
                    }
                } else if ("camunda:expression".equals(name)) {
                    delegate = true;
                    checkRoots(value, where, beans, problems);
                }
            }
            if (!delegate) {
                problems.add(where + ": fixes no camunda:delegateExpression; a template for a shared step names its "
                        + "bean in a Hidden property");
            }
        }
        assertNone(problems);
    }

    @Test
    void elementTemplateIdsAreUnique() {
        Map<String, List<Path>> files = new HashMap<>();
        templates().forEach(file -> templatesIn(file).forEach(template -> files
                .computeIfAbsent(template.path("id").asText(), id -> new ArrayList<>()).add(file)));
        assertNone(files.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .map(entry -> "template id \"" + entry.getKey() + "\" is used in " + entry.getValue()
                        + "; give each template an id of its own")
                .toList());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void assertNone(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }

    private static Stream<Path> files(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version tag of the process of {@code processes/<key>.bpmn}. */
    private static String versionTag(String key) {
        return bpmn(Path.of("processes", key + ".bpmn")).getModelElementsByType(Process.class).stream()
                .filter(process -> key.equals(process.getId())).map(Process::getCamundaVersionTag).findFirst()
                .orElse(null);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static BpmnModelInstance bpmn(Path model) {
        return Bpmn.readModelFromFile(model.toFile());
    }

    private static Document dom(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException(file + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Elements of the model, leaving out the diagram and free text (documentation, annotations, scripts). */
    private static void forEachModelElement(Element element, java.util.function.Consumer<Element> action) {
        if (BPMNDI_NS.equals(element.getNamespaceURI())
                || BPMN_NS.equals(element.getNamespaceURI()) && Set.of("documentation", "text", "script")
                .contains(element.getLocalName())
                || CAMUNDA_NS.equals(element.getNamespaceURI()) && "script".equals(element.getLocalName())) {
            return;
        }
        action.accept(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                forEachModelElement(childElement, action);
            }
        }
    }

    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }

    /** {@code Task_X (userTask)}, or for a listener or a parameter, which one and on which element. */
    private static String location(Element element) {
        String self = element.getPrefix() == null ? element.getLocalName()
                : element.getPrefix() + ":" + element.getLocalName();
        if (element.hasAttribute("id")) {
            return element.getAttribute("id") + " (" + self + ")";
        }
        String detail = element.hasAttribute("event") ? " on " + element.getAttribute("event")
                : element.hasAttribute("name") ? " \"" + element.getAttribute("name") + "\"" : "";
        for (Node parent = element.getParentNode(); parent instanceof Element owner; parent = owner.getParentNode()) {
            if (owner.hasAttribute("id")) {
                return self + detail + " of " + owner.getAttribute("id") + " (" + owner.getLocalName() + ")";
            }
        }
        return self + detail;
    }

    private static String describe(BaseElement element) {
        String name = element instanceof FlowElement flowElement ? flowElement.getName()
                : element.getAttributeValue("name");
        return element.getId() + " (" + element.getElementType().getTypeName()
                + (blank(name) ? "" : " \"" + name.replace('\n', ' ') + "\"") + ")";
    }

    private static <T extends org.camunda.bpm.model.bpmn.instance.BpmnModelElementInstance> List<T> extensions(
            BaseElement element, Class<T> type) {
        ExtensionElements extensions = element.getExtensionElements();
        return extensions == null ? List.of() : extensions.getElementsQuery().filterByType(type).list();
    }

    /** User tasks and start events: the elements that can show a form. */
    private static List<BaseElement> formElements(BpmnModelInstance bpmn) {
        List<BaseElement> elements = new ArrayList<>(bpmn.getModelElementsByType(UserTask.class));
        elements.addAll(bpmn.getModelElementsByType(StartEvent.class));
        return elements;
    }

    /** The plain start event of a process that a person starts in Tasklist. */
    private static boolean startableInTasklist(BaseElement element) {
        return element instanceof StartEvent start && start.getEventDefinitions().isEmpty()
                && start.getParentElement() instanceof Process process && process.isExecutable()
                && !Boolean.FALSE.equals(process.isCamundaStartableInTasklist());
    }

    private static boolean capturesParticulars(BaseElement element) {
        return extensions(element, CamundaTaskListener.class).stream()
                .anyMatch(listener -> CAPTURE_PARTICULARS.equals(listener.getCamundaDelegateExpression())
                        && "complete".equals(listener.getCamundaEvent()));
    }

    /** Variables a model declares by name: input and output parameters, and the targets of call mappings. */
    private static Set<String> declaredVariables(BpmnModelInstance bpmn) {
        Set<String> declared = new TreeSet<>();
        bpmn.getModelElementsByType(CamundaInputParameter.class).forEach(p -> declared.add(p.getCamundaName()));
        bpmn.getModelElementsByType(CamundaOutputParameter.class).forEach(p -> declared.add(p.getCamundaName()));
        bpmn.getModelElementsByType(CamundaIn.class).stream().map(CamundaIn::getCamundaTarget)
                .filter(target -> target != null).forEach(declared::add);
        bpmn.getModelElementsByType(CamundaOut.class).stream().map(CamundaOut::getCamundaTarget)
                .filter(target -> target != null).forEach(declared::add);
        return declared;
    }

    /** The values of the String constants of {@link ProcessVariables}, the prefix of particulars aside. */
    private static Set<String> documentedVariables() {
        Set<String> names = new TreeSet<>();
        for (Field field : ProcessVariables.class.getFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class
                    && !"PARTICULAR_PREFIX".equals(field.getName())) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /**
     * The variables a form submits, each with the component id that submits it: the first segment of a field's
     * key ({@code a.b} submits {@code a}), or of a group's path, whose fields then submit into it.
     */
    private static Map<String, String> submittedVariables(JsonNode components) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (JsonNode component : components) {
            String id = component.path("id").asText("?");
            if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
                variables.putIfAbsent(component.path("path").asText().split("\\.")[0], id);
            } else {
                if (component.hasNonNull("key") && !component.path("key").asText().isBlank()) {
                    variables.putIfAbsent(component.path("key").asText().split("\\.")[0], id);
                }
                submittedVariables(component.path("components")).forEach(variables::putIfAbsent);
            }
        }
        return variables;
    }

    private static Map<String, Path> formsById() {
        Map<String, Path> forms = new HashMap<>();
        forms().forEach(form -> {
            try {
                forms.put(JSON.readTree(form.toFile()).path("id").asText(), form);
            } catch (IOException e) {
                throw new UncheckedIOException(form + " is not valid JSON", e);
            }
        });
        return forms;
    }

    private static List<String> decisionIds(Document dmn) {
        List<String> ids = new ArrayList<>();
        NodeList decisions = dmn.getElementsByTagNameNS("*", "decision");
        for (int i = 0; i < decisions.getLength(); i++) {
            ids.add(((Element) decisions.item(i)).getAttribute("id"));
        }
        return ids;
    }

    private static List<JsonNode> templatesIn(Path file) {
        try {
            JsonNode json = JSON.readTree(file.toFile());
            List<JsonNode> templates = new ArrayList<>();
            if (json.isArray()) {
                json.forEach(templates::add);
            } else {
                templates.add(json);
            }
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not valid JSON", e);
        }
    }

    private static Map<String, JsonNode> templatesById() {
        Map<String, JsonNode> templates = new HashMap<>();
        templates().forEach(file -> templatesIn(file).forEach(t -> templates.put(t.path("id").asText(), t)));
        return templates;
    }
}
