package org.mitan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OtpsTest {

    private final Otps otps = new Otps();

    @Test
    void otpsAreSixDigitsWithLeadingZerosKept() {
        SecureRandom random = mock(SecureRandom.class);
        when(random.nextInt(1_000_000)).thenReturn(42);

        assertThat(new Otps(random).generate()).isEqualTo("000042");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String otp = otps.generate();
            assertThat(otp).matches("[0-9]{6}");
            seen.add(otp);
        }
        assertThat(seen).hasSizeGreaterThan(45);
    }

    @Test
    void theHashIsSaltColonHashAndHoldsNoTraceOfTheOtp() {
        String stored = otps.hash("042917");

        assertThat(stored).doesNotContain("042917").hasSizeLessThanOrEqualTo(128);
        String[] parts = stored.split(":");
        assertThat(parts).hasSize(2);
        assertThat(Base64.getDecoder().decode(parts[0])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[1])).hasSize(32);
    }

    @Test
    void theRightOtpMatchesAndOthersDoNot() {
        String stored = otps.hash("042917");

        assertThat(otps.matches("042917", stored)).isTrue();
        assertThat(otps.matches("042918", stored)).isFalse();
        assertThat(otps.matches("42917", stored)).isFalse();
        assertThat(otps.matches("", stored)).isFalse();
        assertThat(otps.matches(null, stored)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSalt() {
        String first = otps.hash("042917");
        String second = otps.hash("042917");

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split(":")[0]).isNotEqualTo(second.split(":")[0]);
        assertThat(otps.matches("042917", first)).isTrue();
        assertThat(otps.matches("042917", second)).isTrue();
    }

    @Test
    void aDamagedStoredHashMatchesNothing() {
        assertThat(otps.matches("042917", null)).isFalse();
        assertThat(otps.matches("042917", "no-colon")).isFalse();
        assertThat(otps.matches("042917", ":abc")).isFalse();
        assertThat(otps.matches("042917", "!!!:???")).isFalse();
        String stored = otps.hash("042917");
        assertThat(otps.matches("042917", stored.split(":")[1] + ":" + stored.split(":")[0])).isFalse();
    }
}
