package org.mitan.config;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The rules a model breaks, collected while it is parsed and reported together: the deployment is refused as a
 * whole with one message naming each element, and the engine points at the line of the first.
 */
class ModelViolations {

    private final List<String> messages = new ArrayList<>();
    private Element first;

    /** The element breaks a rule; the message says which, and what to do. */
    void add(Element element, String rule) {
        messages.add(describe(element) + ": " + rule);
        if (first == null) {
            first = element;
        }
    }

    /** Refuses the deployment of the model when any rule was broken. */
    void refuseIfAny(String processKey) {
        if (!messages.isEmpty()) {
            throw new BpmnParseException("The model '" + processKey + "' cannot be deployed: "
                    + String.join("; ", messages) + ". Nothing was deployed.", first);
        }
    }

    static String describe(Element element) {
        String id = element.attribute("id");
        return element.getTagName() + (id != null ? " '" + id + "'" : "") + " (line " + element.getLine() + ")";
    }
}
