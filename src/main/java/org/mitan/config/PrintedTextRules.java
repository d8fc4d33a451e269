package org.mitan.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.Fee;
import org.mitan.catalogue.Names;
import org.mitan.catalogue.TypeTables;
import org.mitan.process.ProcessVariables;
import org.mitan.text.PrintableCharacters;

/**
 * What a deployment gives the certificate to print is printable by it ({@link PrintableCharacters}: Latin letters and
 * Devanagari), checked as the files are deployed: the type's and the department's names and the fees' names in the
 * type's tables, and the labels of its particulars (and of their choices) in any form. Accepted, a name in another
 * script (or an emoji) stopped every certificate of the type at issuing, with an incident, after the citizen's visit,
 * scrutiny and the decision. The deployment is refused naming the file, the place and the character.
 */
class PrintedTextRules extends DeployedFileRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<PrintableCharacters> printable;

    PrintedTextRules(Supplier<PrintableCharacters> printable) {
        this.printable = printable;
    }

    @Override
    void check(String file, byte[] content, List<String> problems) {
        if (file.endsWith(".dmn")) {
            tables(file, content, problems);
        } else if (file.endsWith(".form")) {
            form(file, content, problems);
        }
    }

    private void tables(String file, byte[] content, List<String> problems) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (RuntimeException unreadable) {
            return; // the engine's own DMN deployer names what it cannot read
        }
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            String id = decision.getId();
            if (id == null || !id.endsWith(TypeTables.SERVICE)) {
                continue;
            }
            CertificateType type;
            try {
                type = TypeTables.read(model, id.substring(0, id.length() - TypeTables.SERVICE.length()));
            } catch (TypeTables.UnreadableTypeTables unreadable) {
                continue; // the type's rules name what is missing
            }
            names(file + ", table " + id + ", the type's name", type.names(), problems);
            names(file + ", table " + id + ", the department's name", type.departmentNames(), problems);
            for (Fee fee : type.fees()) {
                names(file + ", fee " + fee.code() + "'s name", fee.names(), problems);
            }
        }
    }

    private void names(String where, Names names, List<String> problems) {
        check(where + " in English", names.en(), problems);
        check(where + " in Hindi", names.hi(), problems);
    }

    private void form(String file, byte[] content, List<String> problems) {
        try {
            particulars(file, JSON.readTree(content), problems);
        } catch (IOException unreadable) {
            // the engine's own form deployer names what it cannot read
        }
    }

    private void particulars(String file, JsonNode node, List<String> problems) {
        for (JsonNode component : node.path("components")) {
            String key = component.path("key").asText("");
            if (key.startsWith(ProcessVariables.PARTICULAR_PREFIX)) {
                String where = file + ", the label of " + key;
                check(where, component.path("label").asText(component.path("dateLabel").asText("")), problems);
                for (JsonNode value : component.path("values")) {
                    check(where + "'s choice " + value.path("value").asText(), value.path("label").asText(""),
                            problems);
                }
            }
            particulars(file, component, problems);
        }
    }

    private void check(String where, String text, List<String> problems) {
        if (text != null && !text.isBlank()) {
            printable.get().refusal(text).ifPresent(refusal -> problems.add(where + " " + refusal));
        }
    }
}
