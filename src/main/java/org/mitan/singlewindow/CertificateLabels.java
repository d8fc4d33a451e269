package org.mitan.singlewindow;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a certificate calls its particulars and their choices, in English and Hindi, as the type's particulars form
 * labels them ("Child's name (बच्चे का नाम)", a choice "Male (पुरुष)"): the analyst writes each label once, for the
 * Mitan and for the certificate.
 *
 * @param particulars by particular name (without {@code particular_}): its label
 * @param choices     by particular name: the label of each value its radio or select offers
 * @param ranges      by particular name: the {@code min} and {@code max} its number field allows (either may be null)
 */
record CertificateLabels(Map<String, Bilingual> particulars, Map<String, Map<String, Bilingual>> choices,
        Map<String, BigDecimal[]> ranges) {

    static final CertificateLabels NONE = new CertificateLabels(Map.of(), Map.of());

    CertificateLabels(Map<String, Bilingual> particulars, Map<String, Map<String, Bilingual>> choices) {
        this(particulars, choices, Map.of());
    }

    /** English and, when known, Hindi. */
    record Bilingual(String en, String hi) {

        /** "English (हिंदी)" split in two; text without a Hindi part in brackets is English only. */
        static Bilingual parse(String label) {
            Matcher matcher = BRACKETED_HINDI.matcher(label.strip());
            return matcher.matches() ? new Bilingual(matcher.group(1).strip(), matcher.group(2).strip())
                    : new Bilingual(label.strip(), null);
        }

        /** "English / हिंदी", or the English alone. */
        String both() {
            return hi == null || hi.isBlank() ? en : en + " / " + hi;
        }
    }

    private static final Pattern BRACKETED_HINDI = Pattern.compile("(.*\\S)\\s*\\(([^()]*\\p{IsDevanagari}[^()]*)\\)");

    Optional<Bilingual> particular(String name) {
        return Optional.ofNullable(particulars.get(name));
    }

    /** The label of a value among the particular's choices, if the form offers it. */
    Optional<Bilingual> choice(String name, String value) {
        return Optional.ofNullable(choices.getOrDefault(name, Map.of()).get(value));
    }
}
