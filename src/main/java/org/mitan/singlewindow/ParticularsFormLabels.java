package org.mitan.singlewindow;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads {@link CertificateLabels} from the latest deployed {@code <key>-particulars} form of a type (the form the
 * Mitan fills in), once per form version. A type without that form gets none: its certificate then calls each
 * particular by its name in words.
 */
@Component
public class ParticularsFormLabels {

    private static final String PREFIX = "particular_";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Looked up when first needed: the engine's configuration is made after the beans its delegates use. */
    private final ObjectProvider<ProcessEngineConfigurationImpl> engine;
    private final Map<String, CertificateLabels> byFormVersion = new ConcurrentHashMap<>();

    ParticularsFormLabels(ObjectProvider<ProcessEngineConfigurationImpl> engine) {
        this.engine = engine;
    }

    /** The labels of the type's latest particulars form (Camunda's public API has no query for forms). */
    CertificateLabels of(String certificateType) {
        return engine.getObject().getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
                () -> {
                    CamundaFormDefinitionEntity form = context.getCamundaFormDefinitionManager()
                            .findLatestDefinitionByKey(certificateType + "-particulars");
                    if (form == null) {
                        return CertificateLabels.NONE;
                    }
                    return byFormVersion.computeIfAbsent(form.getId(), id -> {
                        ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(
                                form.getDeploymentId(), form.getResourceName());
                        try {
                            return read(JSON.readTree(resource.getBytes()));
                        } catch (IOException e) {
                            throw new IllegalStateException("The form " + form.getKey() + " (version "
                                    + form.getVersion() + ") cannot be read: " + e.getMessage(), e);
                        }
                    });
                }));
    }

    /** A label in English and, when the form gives it, Hindi. */
    public record Label(String en, String hi) {

        /** "English / हिंदी", as the certificate prints it. */
        public String both() {
            return hi == null || hi.isBlank() ? en : en + " / " + hi;
        }

        /** "English (हिंदी)", as a form shows it. */
        public String form() {
            return hi == null || hi.isBlank() ? en : en + " (" + hi + ")";
        }
    }

    /**
     * A particular of a type's form: its name, label and the labels of its choices by value (none for text); for a
     * number field, the least and the greatest value the form allows (null where it sets none).
     */
    public record Particular(String name, Label label, Map<String, Label> choices, BigDecimal min, BigDecimal max) {
    }

    /**
     * The particulars of the type's latest particulars form, in the form's order, for other modules (the register's
     * corrections show an entry by these labels).
     */
    public List<Particular> particularsOf(String certificateType) {
        CertificateLabels labels = of(certificateType);
        List<Particular> all = new ArrayList<>();
        labels.particulars().forEach((name, label) -> {
            Map<String, Label> choices = new LinkedHashMap<>();
            labels.choices().getOrDefault(name, Map.of())
                    .forEach((value, choice) -> choices.put(value, new Label(choice.en(), choice.hi())));
            BigDecimal[] range = labels.ranges().getOrDefault(name, new BigDecimal[2]);
            all.add(new Particular(name, new Label(label.en(), label.hi()), choices, range[0], range[1]));
        });
        return all;
    }

    /** The labels of every {@code particular_*} field of a form schema, groups included. */
    static CertificateLabels read(JsonNode schema) {
        Map<String, CertificateLabels.Bilingual> particulars = new LinkedHashMap<>();
        Map<String, Map<String, CertificateLabels.Bilingual>> choices = new LinkedHashMap<>();
        Map<String, BigDecimal[]> ranges = new LinkedHashMap<>();
        collect(schema, particulars, choices, ranges);
        return new CertificateLabels(particulars, choices, ranges);
    }

    private static void collect(JsonNode node, Map<String, CertificateLabels.Bilingual> particulars,
            Map<String, Map<String, CertificateLabels.Bilingual>> choices, Map<String, BigDecimal[]> ranges) {
        for (JsonNode component : node.path("components")) {
            String key = component.path("key").asText("");
            if (key.startsWith(PREFIX)) {
                String name = key.substring(PREFIX.length());
                String label = component.path("label").asText(component.path("dateLabel").asText(""));
                if (!label.isBlank()) {
                    particulars.put(name, CertificateLabels.Bilingual.parse(label));
                }
                Map<String, CertificateLabels.Bilingual> values = new LinkedHashMap<>();
                for (JsonNode value : component.path("values")) {
                    if (value.hasNonNull("value") && value.hasNonNull("label")) {
                        values.put(value.get("value").asText(),
                                CertificateLabels.Bilingual.parse(value.get("label").asText()));
                    }
                }
                if (!values.isEmpty()) {
                    choices.put(name, values);
                }
                JsonNode min = component.path("validate").path("min");
                JsonNode max = component.path("validate").path("max");
                if ("number".equals(component.path("type").asText()) && (min.isNumber() || max.isNumber())) {
                    ranges.put(name, new BigDecimal[] {min.isNumber() ? min.decimalValue() : null,
                            max.isNumber() ? max.decimalValue() : null});
                }
            }
            collect(component, particulars, choices, ranges);
        }
    }
}
