package org.mitan.sms;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mitan.process.SmsTemplates;
import org.mitan.text.Graphemes;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The SMS texts, one file per language under {@code sms/templates_<language>.properties} (read as UTF-8).
 * A text is filled completely or not at all: an unknown template, an unknown language or a placeholder without a
 * value is a {@link SmsRenderingException}, never a half-filled SMS. The application refuses to start when a name
 * in {@link SmsTemplates} has no text in one of the languages.
 */
@Component
public class SmsTexts {

    /** Languages a request may be registered in. */
    public static final List<String> LANGUAGES = List.of("en", "hi");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f]+");
    /** Longest value put into a text, so that a long remark cannot swallow the rest of the message. */
    static final int MAX_VALUE_LENGTH = 300;
    /** The outbox column's size. */
    static final int MAX_BODY_LENGTH = 1000;

    private final Map<String, Properties> texts = new LinkedHashMap<>();

    public SmsTexts() {
        for (String language : LANGUAGES) {
            texts.put(language, load("sms/templates_" + language + ".properties"));
        }
        List<String> missing = new ArrayList<>();
        for (String language : LANGUAGES) {
            for (String template : templateNames()) {
                if (texts.get(language).getProperty(template, "").isBlank()) {
                    missing.add(template + " (" + language + ")");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("SMS templates without text in sms/templates_<language>.properties: "
                    + String.join(", ", missing));
        }
    }

    /** Every template name declared in {@link SmsTemplates}. */
    public static List<String> templateNames() {
        return Arrays.stream(SmsTemplates.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())
                        && f.getType() == String.class)
                .map(SmsTexts::constantValue)
                .toList();
    }

    /** The text of {@code template} in {@code language} with every placeholder filled from {@code params}. */
    public String render(String template, String language, Map<String, ?> params) {
        String text = text(template, language);
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder body = new StringBuilder();
        List<String> unfilled = new ArrayList<>();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = clean(params.get(name));
            if (value == null) {
                unfilled.add(name);
                continue;
            }
            matcher.appendReplacement(body, Matcher.quoteReplacement(value));
        }
        if (!unfilled.isEmpty()) {
            throw new SmsRenderingException("SMS " + template + " (" + language + ") has no value for "
                    + String.join(", ", unfilled));
        }
        matcher.appendTail(body);
        if (body.length() > MAX_BODY_LENGTH) {
            throw new SmsRenderingException("SMS " + template + " (" + language + ") is " + body.length()
                    + " characters long; the limit is " + MAX_BODY_LENGTH);
        }
        return body.toString();
    }

    /** Names of the placeholders the text of {@code template} in {@code language} uses, in order. */
    public Set<String> placeholders(String template, String language) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text(template, language));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** A word or phrase used inside texts (a service's name, a visit window), if the language file has it. */
    public Optional<String> phrase(String key, String language) {
        return Optional.ofNullable(languageTexts(language).getProperty(key)).filter(s -> !s.isBlank());
    }

    private String text(String template, String language) {
        if (template == null || !template.matches("[A-Z][A-Z_]*")) {
            throw new SmsRenderingException("Not an SMS template name: " + template);
        }
        String text = languageTexts(language).getProperty(template);
        if (text == null || text.isBlank()) {
            throw new SmsRenderingException("No SMS template " + template + " in language " + language);
        }
        return text;
    }

    private Properties languageTexts(String language) {
        Properties properties = texts.get(language);
        if (properties == null) {
            throw new SmsRenderingException("No SMS texts in language " + language + "; known: " + LANGUAGES);
        }
        return properties;
    }

    /**
     * One line of text, at most {@link #MAX_VALUE_LENGTH} characters, shortened at a character boundary as people
     * see it; null when there is nothing to say. Values that people typed have been made {@link PlainText} before
     * they come here; this method keeps other characters as they are ({@link SmsRedaction} renders with control
     * characters as markers).
     */
    private static String clean(Object value) {
        if (value == null) {
            return null;
        }
        String text = SPACES.matcher(LINE_BREAKS.matcher(value.toString().strip()).replaceAll("; ")).replaceAll(" ");
        if (text.isBlank()) {
            return null;
        }
        // cut between characters as people see them: never inside a Devanagari syllable or an emoji
        return Graphemes.truncate(text, MAX_VALUE_LENGTH, "…");
    }

    private static Properties load(String path) {
        ClassPathResource resource = new ClassPathResource(path);
        Properties properties = new Properties();
        try (InputStream in = resource.getInputStream();
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read SMS texts from classpath:" + path, e);
        }
        return properties;
    }

    private static String constantValue(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read SmsTemplates." + field.getName(), e);
        }
    }
}
