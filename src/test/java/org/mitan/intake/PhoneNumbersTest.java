package org.mitan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"9876543210", "+91 98765 43210", "+91-98765-43210", "+919876543210", "919876543210",
            "09876543210", "098765-43210", " 98765 43210 ", "91 98765 43210"})
    void acceptsTheWaysPeopleWriteAMobileNumber(String text) {
        assertThat(PhoneNumbers.normalise(text)).contains("9876543210");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6000000000", "7000000000", "8000000000"})
    void acceptsEveryMobileSeries(String text) {
        assertThat(PhoneNumbers.normalise(text)).contains(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"5876543210", "0771234567", "987654321", "98765432101", "+92 9876543210",
            "0 5876543210", "+91 5876543210", "98765O4321", "0919876543210", "+91 +91 9876543210", "98765.43210"})
    void refusesWhatIsNotAnIndianMobileNumber(String text) {
        assertThat(PhoneNumbers.normalise(text)).isEmpty();
    }
}
