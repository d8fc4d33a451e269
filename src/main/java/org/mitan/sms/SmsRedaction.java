package org.mitan.sms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hides the secrets of an SMS in the outbox's copy once it has gone out: the delivery OTP ({@code {otp}}) is needed
 * in clear text only until the provider has it (the delivery row keeps only its hash). The value is found by its
 * place in the message's template, so that the rest of the text (request number, names) stays as it was sent.
 */
@Component
class SmsRedaction {

    /** Placeholders whose values are secrets. */
    static final Set<String> SECRETS = Set.of(SmsValues.OTP);
    /** What a secret's value is replaced with. */
    static final String MASK = "******";

    private static final Logger log = LoggerFactory.getLogger(SmsRedaction.class);
    private static final char MARK = '\u0001';
    private static final Pattern MARKED = Pattern.compile(MARK + "([A-Za-z][A-Za-z0-9]*)" + MARK);
    private static final Pattern DIGITS = Pattern.compile("\\d");

    private final SmsTexts texts;

    SmsRedaction(SmsTexts texts) {
        this.texts = texts;
    }

    /** Whether the template's text carries a secret. */
    boolean hasSecret(String template, String language) {
        return texts.placeholders(template, language).stream().anyMatch(SECRETS::contains);
    }

    /**
     * The body with each secret value replaced by {@link #MASK}; the body itself when its template has no secret.
     * A body that no longer fits its template, or whose template has no text any more (the texts changed since it
     * was written), loses all its digits instead: a secret must not survive a redaction.
     */
    String redact(String template, String language, String body) {
        if (body == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        Matcher matcher;
        try {
            if (!hasSecret(template, language)) {
                return body;
            }
            matcher = layout(template, language, names).matcher(body);
        } catch (SmsRenderingException e) {
            log.warn("SMS {} ({}) has no text any more ({}); all its digits are hidden", template, language,
                    e.getMessage());
            return withoutDigits(body);
        }
        if (!matcher.matches()) {
            log.warn("SMS {} ({}) no longer fits its template; all its digits are hidden", template, language);
            return withoutDigits(body);
        }
        StringBuilder redacted = new StringBuilder();
        int copied = 0;
        for (int group = 1; group <= names.size(); group++) {
            if (SECRETS.contains(names.get(group - 1))) {
                redacted.append(body, copied, matcher.start(group)).append(MASK);
                copied = matcher.end(group);
            }
        }
        return redacted.append(body, copied, body.length()).toString();
    }

    private static String withoutDigits(String body) {
        return DIGITS.matcher(body).replaceAll("*");
    }

    /**
     * The template as a pattern matching its rendered texts: its words literally, each placeholder a group (in
     * {@code names}, in order). Found by rendering the template with a marker in place of each value.
     */
    private Pattern layout(String template, String language, List<String> names) {
        Map<String, String> markers = new LinkedHashMap<>();
        for (String name : texts.placeholders(template, language)) {
            markers.put(name, MARK + name + MARK);
        }
        String marked = texts.render(template, language, markers);
        StringBuilder pattern = new StringBuilder();
        Matcher placeholder = MARKED.matcher(marked);
        int copied = 0;
        while (placeholder.find()) {
            pattern.append(Pattern.quote(marked.substring(copied, placeholder.start()))).append("(.+?)");
            names.add(placeholder.group(1));
            copied = placeholder.end();
        }
        pattern.append(Pattern.quote(marked.substring(copied)));
        return Pattern.compile(pattern.toString(), Pattern.DOTALL);
    }
}
