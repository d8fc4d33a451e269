package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Hindi locale files of Tasklist, Cockpit and Admin ({@code app/<app>/locales/hi.json}) against the English
 * ones the Camunda webjar ships ({@code en.json} of the same app): every Hindi key is one the app has (a misspelt
 * or retired key is a label that never shows), and every Hindi label keeps the English label's placeholders
 * ({@code {{count}}} and the like), or the app shows a blank where a number or a name belongs.
 * <p>
 * The Hindi files cover every English key (officers, call-centre agents, Mitans and auditors read all three apps
 * in Hindi), and {@link #everyEnglishLabelHasAHindiOne} keeps it so: a label the webjar adds (a Camunda upgrade)
 * fails the build until it has its Hindi, instead of showing up in English unnoticed. {@link #coverage} prints the
 * figures, so they are in the build log.
 */
class HindiLocaleFilesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}|\\s]+)[^}]*}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void everyHindiLabelIsOneTheAppHasWithTheSamePlaceholders(String app) throws IOException {
        Map<String, String> english = labels(app, "en");
        Map<String, String> hindi = labels(app, "hi");

        assertThat(english).as("the webjar's English labels of %s", app).isNotEmpty();
        assertThat(hindi).as("Hindi labels of %s", app).isNotEmpty();
        assertThat(english.keySet()).as("keys of %s hi.json that en.json does not have", app)
                .containsAll(hindi.keySet());
        hindi.forEach((key, label) -> assertThat(placeholders(label))
                .as("placeholders of %s %s in Hindi: %s", app, key, label)
                .isEqualTo(placeholders(english.get(key))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void everyEnglishLabelHasAHindiOne(String app) throws IOException {
        Map<String, String> english = labels(app, "en");
        Map<String, String> hindi = labels(app, "hi");

        TreeSet<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(hindi.keySet());
        coverage(app, english, hindi);
        assertThat(missing).as("keys of %s en.json that hi.json lacks (they would show in English)", app).isEmpty();
    }

    private static void coverage(String app, Map<String, String> english, Map<String, String> hindi) {
        System.out.printf("%s: %d of %d labels in Hindi; the rest in English%n", app, hindi.size(), english.size());
    }

    private static TreeSet<String> placeholders(String label) {
        TreeSet<String> found = new TreeSet<>();
        if (label != null) {
            Matcher matcher = PLACEHOLDER.matcher(label);
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    private static Map<String, String> labels(String app, String language) throws IOException {
        String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + language + ".json";
        try (InputStream in = HindiLocaleFilesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            Map<String, String> labels = new TreeMap<>();
            flatten("", JSON.readTree(in), labels);
            return labels;
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (!node.isObject()) {
            into.put(prefix, node.asText());
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
        }
    }
}
