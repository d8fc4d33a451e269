package org.mitan.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The gateway's HMAC-SHA256 signature over the callback's bytes, checked with the shared secret. */
class CallbackSignatureTest {

    static final byte[] BODY = "{\"paymentId\":\"pay_1\",\"status\":\"PAID\",\"amount\":10000,\"receiptNumber\":\"R-1\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final CallbackSignature signature = new CallbackSignature("shared-secret");

    @Test
    void theSignatureOfTheBodyWithTheSecretIsGenuine() {
        String signed = CallbackSignature.sign("shared-secret", BODY);

        assertThat(signed).startsWith("sha256=").hasSize("sha256=".length() + 64);
        assertThat(signature.genuine(signed, BODY)).isTrue();
        assertThat(signature.genuine(signed.toUpperCase(java.util.Locale.ROOT).replace("SHA256=", "sha256="), BODY)).isTrue();
    }

    /** RFC 4231 test case 2: the HMAC-SHA256 of "what do ya want for nothing?" with the key "Jefe". */
    @Test
    void itIsHmacSha256AsTheStandardDefinesIt() {
        assertThat(CallbackSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aChangedBodyAnotherSecretOrAMalformedHeaderIsNotGenuine() {
        String signed = CallbackSignature.sign("shared-secret", BODY);
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("10000", "100")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(signature.genuine(signed, changed)).isFalse();
        assertThat(signature.genuine(CallbackSignature.sign("other-secret", BODY), BODY)).isFalse();
        assertThat(signature.genuine(signed.substring("sha256=".length()), BODY)).isFalse();
        assertThat(signature.genuine("sha256=not-hex", BODY)).isFalse();
        assertThat(signature.genuine("sha256=", BODY)).isFalse();
        assertThat(signature.genuine(null, BODY)).isFalse();
    }

    @Test
    void withoutASecretNothingIsGenuine() {
        assertThat(CallbackSignature.NONE.genuine(CallbackSignature.sign("shared-secret", BODY), BODY)).isFalse();
    }
}
