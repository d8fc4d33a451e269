package org.mitan.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SmsRedactionTest {

    private static final SmsTexts TEXTS = new SmsTexts();
    private final SmsRedaction redaction = new SmsRedaction(TEXTS);

    @Test
    void hidesTheOtpByItsPlaceInTheTemplateInEveryLanguage() {
        for (String language : SmsTexts.LANGUAGES) {
            String body = TEXTS.render("DELIVERY_OTP", language, Map.of("otp", "123456",
                    "requestNumber", "RPR-2026-123456", "mitanName", "Asha 123456"));

            assertThat(redaction.redact("DELIVERY_OTP", language, body)).as(language)
                    .isEqualTo(body.replaceFirst("123456", SmsRedaction.MASK))
                    .contains("RPR-2026-123456", "Asha 123456");
        }
    }

    @Test
    void textsWithoutSecretsAreKept() {
        String body = TEXTS.render("CERTIFICATE_ISSUED", "en", Map.of("serviceName", "birth certificate",
                "certificateNumber", "RPR/BIRTH/2026/000001", "mitanName", "Asha", "verifyUrl", "https://x/verify/1",
                "statusUrl", "https://x/status/0123456789abcdef01234567"));

        assertThat(redaction.hasSecret("CERTIFICATE_ISSUED", "en")).isFalse();
        assertThat(redaction.redact("CERTIFICATE_ISSUED", "en", body)).isEqualTo(body);
    }

    @Test
    void anOtpTextThatNoLongerFitsItsTemplateLosesAllItsDigits() {
        assertThat(redaction.redact("DELIVERY_OTP", "en", "Your OTP is 123456 for RPR-2026-000042"))
                .isEqualTo("Your OTP is ****** for RPR-****-******");
        assertThat(redaction.redact("NO_SUCH_TEMPLATE", "en", "OTP 654321")).isEqualTo("OTP ******");
    }

    @Test
    void aPendingMessageCannotBeRedacted() {
        SmsMessage pending = new SmsMessage(1L, "9876543210", "DELIVERY_OTP", "en", "OTP 123456", Instant.now());

        assertThatThrownBy(() -> pending.redactBody("OTP ******")).isInstanceOf(IllegalStateException.class);
        assertThat(pending.getBody()).isEqualTo("OTP 123456");
    }
}
