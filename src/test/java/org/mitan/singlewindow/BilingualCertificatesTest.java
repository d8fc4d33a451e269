package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type's certificate in Hindi and English, made from the type's own files as the local register makes it: the
 * names from its {@code <key>-service} table, the labels and choices from its particulars form, the holder printed
 * once. Each is rendered to {@code target/certificates/<key>.png} for a person to look at.
 */
class BilingualCertificatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FOLDER = Path.of("target", "certificates");

    static Stream<String> types() throws IOException {
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            return forms.map(form -> form.getFileName().toString()).filter(name -> name.endsWith("-particulars.form"))
                    .map(name -> name.substring(0, name.length() - "-particulars.form".length())).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypesCertificateIsInHindiAndEnglishWithTheHolderOnce(String type) throws Exception {
        JsonNode form = JSON.readTree(Path.of("forms", type + "-particulars.form").toFile());
        CertificateLabels labels = ParticularsFormLabels.read(form);
        Map<String, String> service = serviceRow(type);
        String holderParticular = blankToNull(service.get("holderParticular"));
        Map<String, Object> particulars = sampleParticulars(form);
        String holder = "अनीता साहू";
        if (holderParticular != null) {
            particulars.put(holderParticular, holder);
        }

        byte[] pdf = new CertificatePdf().render(new CertificatePdf.Content("Raipur Municipal Corporation",
                "नगर पालिक निगम रायपुर", service.get("serviceName"), service.get("serviceNameHi"),
                service.get("department"), service.get("departmentHi"), "RPR/X/2026/000001", holderParticular, holder,
                "मकान 14, गांधी चौक, रायपुर", particulars, labels, LocalDate.of(2026, 3, 1), "Meena Rao (registrar1)",
                QrCodesTest.URL));

        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(page, "png", Files.createDirectories(FOLDER).resolve(type + ".png").toFile());
            Files.write(FOLDER.resolve(type + ".pdf"), pdf);
            assertThat(document.getNumberOfPages()).as("one page").isEqualTo(1);
        }
        assertThat(text).contains("छत्तीसगढ़ शासन", "Government of Chhattisgarh", "नगर पालिक निगम रायपुर",
                service.get("serviceName"), service.get("serviceNameHi"), service.get("departmentHi"),
                "प्रमाण पत्र संख्या", "जारी करने की तिथि", "Date of issue");
        assertThat(occurrences(text, holder)).as("the holder is printed once").isEqualTo(1);
        labels.particulars().forEach((name, label) -> {
            if (particulars.containsKey(name)) {
                assertThat(label.hi()).as("Hindi label of %s in the form", name).isNotBlank();
                assertThat(text).contains(label.both().replaceAll("\\s+", " "));
            }
        });
    }

    @Test
    void aChoiceIsPrintedAsTheFormLabelsItInBothLanguages() throws Exception {
        CertificateLabels labels = ParticularsFormLabels.read(JSON.readTree(
                Path.of("forms", "birth-certificate-particulars.form").toFile()));
        Map<String, Object> particulars = new LinkedHashMap<>();
        particulars.put("childName", "रीना प्रिया");
        particulars.put("sex", "Female");
        particulars.put("dateOfBirth", "2026-01-15");

        byte[] pdf = new CertificatePdf().render(new CertificatePdf.Content("Raipur Municipal Corporation", null,
                "Birth certificate", "जन्म प्रमाण पत्र", null, null, "RPR/BIRTH/2026/000001", "childName", "रीना प्रिया",
                "House 4", particulars, labels, LocalDate.of(2026, 3, 1), "Meena Rao", QrCodesTest.URL));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Child's name / बच्चे का नाम", "Female / स्त्री", "Date of birth / जन्म तिथि",
                    "15 January 2026");
            assertThat(text).doesNotContain("Name / नाम\n").doesNotContain("Child name");
        }
    }

    @Test
    void aLabelSplitsIntoEnglishAndTheHindiInBrackets() {
        assertThat(CertificateLabels.Bilingual.parse("Child's name (बच्चे का नाम)"))
                .isEqualTo(new CertificateLabels.Bilingual("Child's name", "बच्चे का नाम"));
        assertThat(CertificateLabels.Bilingual.parse("Name of the shop (Gumasta)"))
                .isEqualTo(new CertificateLabels.Bilingual("Name of the shop (Gumasta)", null));
        assertThat(CertificateLabels.Bilingual.parse("Name of the shop (Gumasta)").both())
                .isEqualTo("Name of the shop (Gumasta)");
    }

    /** A value for every particular of the form: a date for a date field, the first choice, else a name. */
    private static Map<String, Object> sampleParticulars(JsonNode form) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<JsonNode> fields = new ArrayList<>();
        collect(form, fields);
        int i = 0;
        for (JsonNode field : fields) {
            String name = field.get("key").asText().substring("particular_".length());
            if ("datetime".equals(field.path("type").asText())) {
                values.put(name, LocalDate.of(2026, 1, 15).minusYears(25L * (i % 2)).toString());
            } else if (field.path("values").size() > 0) {
                values.put(name, field.path("values").get(0).path("value").asText());
            } else if ("number".equals(field.path("type").asText())) {
                values.put(name, 3 + i);
            } else {
                values.put(name, SAMPLE_NAMES[i % SAMPLE_NAMES.length]);
            }
            i++;
        }
        return values;
    }

    private static final String[] SAMPLE_NAMES = {"रीना प्रिया", "श्री राम यादव", "लक्ष्मी यादव", "Suresh Patel",
            "ज़िला अस्पताल, रायपुर", "Meera Sinha", "मकान 4, वार्ड 12"};

    private static void collect(JsonNode node, List<JsonNode> fields) {
        for (JsonNode component : node.path("components")) {
            if (component.path("key").asText("").startsWith("particular_")) {
                fields.add(component);
            }
            collect(component, fields);
        }
    }

    /** The one row of the type's {@code <key>-service} table, by output name. */
    private static Map<String, String> serviceRow(String type) {
        DmnModelInstance model = Dmn.readModelFromFile(Path.of("processes", type + ".dmn").toFile());
        Decision decision = model.getModelElementById(type + "-service");
        DecisionTable table = (DecisionTable) decision.getExpression();
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        Rule rule = table.getRules().iterator().next();
        List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            row.put(outputs.get(i).getName(), entries.get(i).getTextContent().strip().replaceAll("^\"|\"$", ""));
        }
        return row;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
