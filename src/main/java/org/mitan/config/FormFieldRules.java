package org.mitan.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mitan.process.ProcessVariables;

/**
 * A form is refused as it is deployed when one of its fields sends what no step can take, rather than when an
 * officer first presses Complete and every completion of the task is refused:
 * <ul>
 * <li>a dynamic list ({@code dynamiclist}) sends a list of records (a JSON list of objects), which the engine would
 * keep as the sender writes it: use fixed fields, or a checklist or tag list for a list of values;</li>
 * <li>a particular ({@code particular_...}) holds one value, which the certificate prints, the register corrects and
 * the type's rules and fees read: it may not be a checklist or tag list.</li>
 * </ul>
 * Checklists and tag lists elsewhere are taken as lists of text ({@link FormFields.ListField}).
 */
class FormFieldRules extends DeployedFileRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    void check(String file, byte[] content, List<String> problems) {
        if (file.endsWith(".form")) {
            problems.addAll(problems(file, content));
        }
    }

    /** What is wrong with the form's fields, each naming the file and the field; none for a form it cannot read. */
    static List<String> problems(String file, byte[] content) {
        JsonNode form;
        try {
            form = JSON.readTree(new String(content, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            return List.of(); // the engine's own form deployer names what it cannot read
        }
        List<String> problems = new ArrayList<>();
        collect(file, form, problems);
        return problems;
    }

    private static void collect(String file, JsonNode node, List<String> problems) {
        for (JsonNode component : node.path("components")) {
            String type = component.path("type").asText();
            String key = component.path("key").asText(component.path("path").asText(""));
            if ("dynamiclist".equals(type)) {
                problems.add(file + ": the dynamic list '" + key + "' sends a list of records, which no step takes;"
                        + " use fixed fields, or a checklist or tag list for a list of values");
            } else if (FormFields.ListField.TYPES.contains(type)
                    && key.startsWith(ProcessVariables.PARTICULAR_PREFIX)) {
                problems.add(file + ": the particular '" + key + "' is a " + type + ", but a particular holds one"
                        + " value (the certificate prints it, the register corrects it): use a select or radio"
                        + " group, or one checkbox per yes-or-no particular");
            }
            collect(file, component, problems);
        }
    }
}
