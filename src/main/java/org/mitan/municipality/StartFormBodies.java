package org.mitan.municipality;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mitan.web.AnswerRewrite;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The registration form's urban bodies are the bodies that take requests now. Tasklist's start form is the shared
 * Camunda Form {@value #FORM}, whose select {@value #FIELD} lists bodies as fixed choices, and a Camunda 7 start
 * form reads no data: a body an administrator adds ({@code POST /api/bodies}) would not be offered until the form was
 * edited, and a body made inactive would still be. So when the form is fetched ({@code GET
 * .../process-definition/.../deployed-start-form}, Tasklist's and the engine REST API's alike), its choices become
 * the active bodies: those the form lists keep its order and labels, the others follow by name, labelled as the form
 * labels them ("Korba (कोरबा)"). Every other form and answer passes untouched. The intake checks the body again
 * when the form is sent.
 */
@Component
class StartFormBodies extends AnswerRewrite {

    static final String FORM = "request-registration";
    static final String FIELD = "bodyCode";

    /** Looked up when a form is fetched: a web slice of the application (MockMvc tests) has no repositories. */
    private final ObjectProvider<UrbanBodyRepository> bodies;
    private final ObjectMapper json;

    StartFormBodies(ObjectProvider<UrbanBodyRepository> bodies, ObjectMapper json) {
        this.bodies = bodies;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().endsWith("/deployed-start-form");
    }

    @Override
    protected byte[] rewritten(int status, byte[] content) {
        return status == HttpServletResponse.SC_OK
                ? withActiveBodies(content, bodies.getObject().findByActiveTrueOrderByCode()) : null;
    }

    /** The form with the active bodies as its body choices; null when it is not the registration form. */
    byte[] withActiveBodies(byte[] content, List<UrbanBody> active) {
        JsonNode form;
        try {
            form = json.readTree(content);
        } catch (IOException notJson) {
            return null;
        }
        if (form == null || !FORM.equals(form.path("id").asText())) {
            return null;
        }
        ObjectNode select = select(form);
        if (select == null) {
            return null;
        }
        Map<String, String> listed = new LinkedHashMap<>();
        select.path("values").forEach(choice -> listed.put(choice.path("value").asText(),
                choice.path("label").asText()));
        Map<String, String> offered = new LinkedHashMap<>();
        listed.forEach((code, label) -> active.stream().filter(body -> body.getCode().equals(code)).findFirst()
                .ifPresent(body -> offered.put(code, label)));
        active.stream().filter(body -> !listed.containsKey(body.getCode()))
                .sorted((one, other) -> one.getNameEn().compareToIgnoreCase(other.getNameEn()))
                .forEach(body -> offered.put(body.getCode(), body.getNameEn() + " (" + body.getNameHi() + ")"));
        ArrayNode values = json.createArrayNode();
        offered.forEach((code, label) -> values.addObject().put("label", label).put("value", code));
        select.set("values", values);
        try {
            return json.writeValueAsBytes(form);
        } catch (IOException unwritable) {
            return null;
        }
    }

    /** The form's select of the body, at any depth (a group or column may hold it); null when it has none. */
    private static ObjectNode select(JsonNode node) {
        for (JsonNode component : node.path("components")) {
            if (FIELD.equals(component.path("key").asText()) && "select".equals(component.path("type").asText())
                    && component instanceof ObjectNode found) {
                return found;
            }
            ObjectNode nested = select(component);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }
}
