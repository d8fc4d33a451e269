package org.mitan.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"9876543210", "+91 98765 43210", "09876543210", "919876543210", "98765-43210"})
    void acceptsIndianMobilesInTheUsualForms(String phone) {
        assertThat(PhoneNumbers.normalise(phone)).isEqualTo("9876543210");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "5876543210", "98765432101", "0771234567", "0771-2345678",
            "0771 2345678"})
    void refusesWhatIsNotAnIndianMobile(String phone) {
        assertThatThrownBy(() -> PhoneNumbers.normalise(phone)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(98765) 43210", "+91 (98765) 43210", "98765)43210"})
    void followsTheRuleRegistrationValidatesWith(String phone) {
        assertThat(org.mitan.text.PhoneNumbers.normalise(phone)).isEmpty();
        assertThatThrownBy(() -> PhoneNumbers.normalise(phone)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masksAllButTheFirstAndLastTwoDigits() {
        assertThat(PhoneNumbers.mask("9876543210")).isEqualTo("98******10");
        assertThat(PhoneNumbers.mask(null)).isEqualTo("******");
    }

    @Test
    void theRefusalDoesNotRepeatTheNumber() {
        assertThatThrownBy(() -> PhoneNumbers.normalise("1234567890"))
                .hasMessageNotContaining("1234567890");
    }
}
