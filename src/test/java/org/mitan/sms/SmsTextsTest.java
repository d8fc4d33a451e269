package org.mitan.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mitan.municipality.AdminInput;
import org.mitan.process.SmsTemplates;

class SmsTextsTest {

    private final SmsTexts texts = new SmsTexts();

    /** A value for every placeholder any text may use. */
    private static Map<String, Object> allParameters() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("requestNumber", "RPR-2026-000042");
        params.put("serviceName", "birth certificate");
        params.put("mitanName", "Sunita Sahu");
        params.put("mitanPhone", "9876543210");
        params.put("visitWindow", "morning (8 am to 12 noon)");
        params.put("documents", "Birth report, Parent's ID");
        params.put("reason", "Date of birth differs from the hospital report");
        params.put("otp", "042917");
        params.put("certificateNumber", "RPR-BC-2026-000007");
        params.put("verifyUrl", "https://mitan.example/verify/AbCdEfGh1234");
        params.put("feedbackUrl", "https://mitan.example/feedback/fb123");
        params.put("statusUrl", "https://mitan.example/status/0123456789abcdef01234567");
        params.put("taskName", "Scrutinise documents");
        params.put("feeName", "Government registration fee");
        params.put("rupees", 500);
        params.put("payUrl", "https://pay.example/p/8841");
        params.put("receiptNumber", "RCPT-2026-0001");
        return params;
    }

    static List<String> templates() {
        return SmsTexts.templateNames();
    }

    @Test
    void templateNamesAreReadFromTheSharedConstants() {
        assertThat(SmsTexts.templateNames())
                .contains(SmsTemplates.REQUEST_REGISTERED, SmsTemplates.MITAN_ASSIGNED, SmsTemplates.TASK_OVERDUE)
                .hasSize(SmsTemplates.class.getDeclaredFields().length)
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyTemplateRendersInEveryLanguageWithEveryPlaceholderFilled(String template) {
        for (String language : SmsTexts.LANGUAGES) {
            Map<String, Object> params = allParameters();
            String body = texts.render(template, language, params);

            assertThat(body).as("%s (%s)", template, language)
                    .doesNotContain("{").doesNotContain("}")
                    .hasSizeLessThan(400);
            texts.placeholders(template, language).forEach(name ->
                    assertThat(body).as("%s (%s) shows %s", template, language, name)
                            .contains(params.get(name).toString()));
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void bothLanguagesUseTheSamePlaceholders(String template) {
        assertThat(texts.placeholders(template, "hi"))
                .containsExactlyInAnyOrderElementsOf(texts.placeholders(template, "en"));
    }

    @Test
    void hindiTextsAreReadAsUtf8Devanagari() {
        String body = texts.render(SmsTemplates.REQUEST_CLOSED, "hi", allParameters());

        assertThat(body).startsWith("मितान:").contains("आवेदन RPR-2026-000042");
        assertThat(texts.phrase("step.wholeService", "hi")).contains("सेवा की कानूनी समय-सीमा");
    }

    @Test
    void theTextsCarryWhatCitizensNeed() {
        Map<String, Object> params = allParameters();

        assertThat(texts.render(SmsTemplates.MITAN_ASSIGNED, "en", params))
                .contains("Sunita Sahu", "9876543210", "morning (8 am to 12 noon)");
        assertThat(texts.render(SmsTemplates.DOCUMENTS_MISSING, "en", params)).contains("Birth report, Parent's ID");
        assertThat(texts.render(SmsTemplates.FEEDBACK_REQUEST, "hi", params))
                .contains("https://mitan.example/feedback/fb123");
        assertThat(texts.render(SmsTemplates.DELIVERY_OTP, "hi", params)).contains("042917");
    }

    @Test
    void theOtpIsTheFirstNumberOfItsSms() {
        Pattern sixDigits = Pattern.compile("\\b(\\d{6})\\b");
        for (String language : SmsTexts.LANGUAGES) {
            Matcher first = sixDigits.matcher(texts.render(SmsTemplates.DELIVERY_OTP, language, allParameters()));

            assertThat(first.find()).isTrue();
            assertThat(first.group(1)).as(language).isEqualTo("042917");
        }
    }

    @Test
    void aMissingValueIsAnErrorNamingIt() {
        Map<String, Object> params = new HashMap<>(allParameters());
        params.remove("mitanPhone");
        params.put("visitWindow", "   ");

        assertThatThrownBy(() -> texts.render(SmsTemplates.MITAN_ASSIGNED, "en", params))
                .isInstanceOf(SmsRenderingException.class)
                .hasMessageContaining("MITAN_ASSIGNED")
                .hasMessageContaining("mitanPhone")
                .hasMessageContaining("visitWindow");
    }

    @Test
    void unknownTemplateOrLanguageIsAnError() {
        assertThatThrownBy(() -> texts.render("NO_SUCH_TEMPLATE", "en", allParameters()))
                .isInstanceOf(SmsRenderingException.class).hasMessageContaining("NO_SUCH_TEMPLATE");
        assertThatThrownBy(() -> texts.render("service.birth-certificate", "en", allParameters()))
                .isInstanceOf(SmsRenderingException.class);
        assertThatThrownBy(() -> texts.render(SmsTemplates.SUBMITTED, "fr", allParameters()))
                .isInstanceOf(SmsRenderingException.class).hasMessageContaining("fr");
    }

    @Test
    void multiLineAndLongValuesBecomeOneShortLine() {
        Map<String, Object> params = allParameters();
        params.put("documents", "parent-id: missing\n  address-proof: not a PDF\n");
        params.put("reason", "x".repeat(2000));

        assertThat(texts.render(SmsTemplates.DOCUMENTS_MISSING, "en", params))
                .contains("parent-id: missing; address-proof: not a PDF.")
                .doesNotContain("\n");
        assertThat(texts.render(SmsTemplates.REJECTED, "en", params))
                .contains("x".repeat(SmsTexts.MAX_VALUE_LENGTH - 1) + "…")
                .doesNotContain("x".repeat(SmsTexts.MAX_VALUE_LENGTH));
    }

    @Test
    void valuesWithDollarsAndBackslashesAreTakenLiterally() {
        Map<String, Object> params = allParameters();
        params.put("reason", "fee $50 \\ not paid");

        assertThat(texts.render(SmsTemplates.REJECTED, "en", params)).contains("fee $50 \\ not paid");
    }

    @Test
    void aLongHindiValueIsShortenedBetweenSyllablesNeverInsideOne() {
        Map<String, Object> params = allParameters();
        // 298 characters, then a syllable of four (प्रि) across the limit, then an emoji across it
        params.put("reason", "क".repeat(SmsTexts.MAX_VALUE_LENGTH - 2) + "प्रिया");
        params.put("documents", "a".repeat(SmsTexts.MAX_VALUE_LENGTH - 2) + "\uD83D\uDE00 and more");

        String rejected = texts.render(SmsTemplates.DOCUMENTS_RETURNED, "hi", params);
        assertThat(rejected).contains("क".repeat(SmsTexts.MAX_VALUE_LENGTH - 2) + "…")
                .doesNotContain("प…").doesNotContain("प्");
        String missing = texts.render(SmsTemplates.DOCUMENTS_MISSING, "hi", params);
        assertThat(missing).contains("a".repeat(SmsTexts.MAX_VALUE_LENGTH - 2) + "…");
        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(missing)).as("no half of a surrogate pair").isTrue();
    }

    @Test
    void aHindiSmsNamesADevanagariMitanAsTyped() {
        Map<String, Object> params = allParameters();
        params.put("mitanName", "कमला राठिया");

        assertThat(texts.render(SmsTemplates.MITAN_ASSIGNED, "hi", params)).startsWith("मितान: कमला राठिया (फ़ोन ");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyTextFitsTheOutboxEvenWithEveryFreeTextValueAtItsLongestInHindi(String template) {
        // the longest each value can be: typed text cut to the SMS's limit, a Mitan's name as the API takes it
        Map<String, Object> params = allParameters();
        for (String name : List.of("documents", "reason", "taskName", "serviceName")) {
            params.put(name, "प्रि".repeat(SmsTexts.MAX_VALUE_LENGTH));
        }
        params.put("mitanName", "क".repeat(AdminInput.MAX_NAME_LENGTH));

        for (String language : SmsTexts.LANGUAGES) {
            assertThat(texts.render(template, language, params).length()).as(template + " (" + language + ")")
                    .isLessThanOrEqualTo(SmsTexts.MAX_BODY_LENGTH);
        }
    }
}
