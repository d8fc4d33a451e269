package org.mitan.config;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mitan.web.AnswerRewrite;
import org.springframework.stereotype.Component;

/**
 * Leaves only the application's words in a refused form: Camunda's REST API answers a refusal of a submitted task
 * form (a wrong delivery OTP, a particular out of bounds) with 400 "Cannot submit task form &lt;task id&gt;: &lt;our
 * message&gt;", and of a start form (a ward the body does not have) with 400 "Cannot instantiate process definition
 * &lt;definition id&gt;: &lt;our message&gt;"; Tasklist shows that text as it is. This filter takes the engine's
 * prefix, ids included, off the message of such an answer, for Tasklist's and the engine REST API's submit-form
 * calls alike, and for the REST API's start without a form, which {@link EngineCommandGuard} has answer a refused
 * value with 400 too; the status and every other answer are untouched.
 */
@Component
class TaskFormRefusalWording extends AnswerRewrite {

    static final Pattern ENGINE_PREFIX = Pattern.compile(
            "^(Cannot submit task form|Cannot instantiate process definition) [^\\s]+?: ");

    private final ObjectMapper json;

    TaskFormRefusalWording(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod())
                || !(path.endsWith("/submit-form") && (path.contains("/task/") || path.contains("/process-definition/"))
                        || path.endsWith("/start") && path.contains("/process-definition/"));
    }

    @Override
    protected byte[] rewritten(int status, byte[] content) {
        return status == HttpServletResponse.SC_BAD_REQUEST ? reworded(content) : null;
    }

    /** The answer with the engine's prefix taken off its message; null when it has none. */
    byte[] reworded(byte[] body) {
        try {
            JsonNode answer = json.readTree(body);
            if (answer instanceof ObjectNode object && object.path("message").isTextual()) {
                String message = object.get("message").asText();
                String words = ENGINE_PREFIX.matcher(message).replaceFirst("");
                if (!words.equals(message)) {
                    object.put("message", words);
                    return json.writeValueAsBytes(object);
                }
            }
        } catch (IOException notJson) {
            // Not a JSON answer: passed on as it is.
        }
        return null;
    }
}
