package org.mitan.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;

class VerificationCodesTest {

    @Test
    void codeIsTwentyCharactersWithoutLookAlikes() {
        String code = VerificationCodes.of(request("RPR-2026-000042", "Zq3kP9xW2mL7vR4t"));

        assertThat(code).hasSize(20).matches("[A-HJ-NP-Z2-9]{20}");
    }

    @Test
    void sameRequestSameCodeOtherSecretOtherCode() {
        String code = VerificationCodes.of(request("RPR-2026-000042", "Zq3kP9xW2mL7vR4t"));

        assertThat(VerificationCodes.of(request("RPR-2026-000042", "Zq3kP9xW2mL7vR4t"))).isEqualTo(code);
        assertThat(VerificationCodes.of(request("RPR-2026-000042", "Zq3kP9xW2mL7vR4u"))).isNotEqualTo(code);
        assertThat(VerificationCodes.of(request("RPR-2026-000043", "Zq3kP9xW2mL7vR4t"))).isNotEqualTo(code);
    }

    @Test
    void requestWithoutSecretHasNoCode() {
        assertThatThrownBy(() -> VerificationCodes.of(request("RPR-2026-000042", " ")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void typedCodesAreNormalisedOrRefused() {
        assertThat(VerificationCodes.normalise(" abcdefghjkmnpqrstuv2 ")).isEqualTo("ABCDEFGHJKMNPQRSTUV2");
        assertThat(VerificationCodes.normalise("ABCDEFGHJKMNPQRSTUV")).isNull();
        assertThat(VerificationCodes.normalise("ABCDEFGHJKMNPQRSTUV0")).isNull();
        assertThat(VerificationCodes.normalise("ABCDEFGHJKMNPQRST%27")).isNull();
        assertThat(VerificationCodes.normalise(null)).isNull();
    }

    private static ServiceRequest request(String number, String feedbackCode) {
        return new ServiceRequest(number, "birth-certificate", "RPR", 1, "Ramesh", "9876543210", "House 4",
                VisitWindow.MORNING, "hi", feedbackCode, Instant.now());
    }
}
