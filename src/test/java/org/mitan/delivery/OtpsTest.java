package org.mitan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class OtpsTest {

    private static final String KEY = "a-key-of-forty-characters-for-this-test!";

    private final Otps otps = new Otps();
    private final Otps keyed = new Otps(new SecureRandom(), KEY);

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

    @Test
    void withAKeyTheHashIsAnHmacOfASaltAndTheOtp() {
        String stored = keyed.hash("042917");

        assertThat(stored).doesNotContain("042917").hasSizeLessThanOrEqualTo(128);
        String[] parts = stored.split(":");
        assertThat(parts).hasSize(3);
        assertThat(parts[0]).isEqualTo("hmac");
        assertThat(Base64.getDecoder().decode(parts[1])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(32);
        assertThat(keyed.matches("042917", stored)).isTrue();
        assertThat(keyed.matches("042918", stored)).isFalse();
        assertThat(keyed.matches("42917", stored)).isFalse();
        assertThat(keyed.hash("042917")).isNotEqualTo(stored);
    }

    @Test
    void aKeyedHashIsNoUseWithoutItsKey() {
        String stored = keyed.hash("042917");

        assertThat(new Otps(new SecureRandom(), KEY.replace('!', '?')).matches("042917", stored)).isFalse();
        assertThat(otps.matches("042917", stored)).isFalse();
        assertThat(keyed.matches("042917", stored.substring("hmac:".length()))).isFalse();
        assertThat(keyed.matches("042917", "hmac::" + stored.split(":")[2])).isFalse();
        assertThat(keyed.matches("042917", "hmac:" + stored.split(":")[1] + ":!!!")).isFalse();
        assertThat(keyed.matches("042917", "sha:" + stored.split(":")[1] + ":" + stored.split(":")[2])).isFalse();
    }

    @Test
    void otpsSentBeforeTheKeyWasSetStillWork() {
        String before = otps.hash("042917");

        assertThat(keyed.matches("042917", before)).isTrue();
        assertThat(keyed.matches("042918", before)).isFalse();
    }

    @Test
    void aShortKeyStopsTheStartWithWhatToDo() {
        assertThatThrownBy(() -> new Otps(new SecureRandom(), "short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MITAN_OTP_KEY is 5 characters long")
                .hasMessageContaining("at least 32");
    }

    @Test
    void theDevAndTestProfilesUseTheDevelopmentKeyAndProductionFallsBackToPbkdf2() {
        MockEnvironment development = new MockEnvironment();
        development.setActiveProfiles("dev");
        String fromDevelopment = new Otps("", development).hash("042917");
        assertThat(new Otps(new SecureRandom(), Otps.DEVELOPMENT_KEY).matches("042917", fromDevelopment)).isTrue();

        String fromProduction = new Otps("", new MockEnvironment()).hash("042917");
        assertThat(fromProduction.split(":")).hasSize(2);
        assertThat(otps.matches("042917", fromProduction)).isTrue();

        String fromConfigured = new Otps(KEY, development).hash("042917");
        assertThat(keyed.matches("042917", fromConfigured)).isTrue();
        assertThat(new Otps(new SecureRandom(), Otps.DEVELOPMENT_KEY).matches("042917", fromConfigured)).isFalse();
    }
}
