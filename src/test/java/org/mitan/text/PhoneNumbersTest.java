package org.mitan.text;

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

    /** Without the trunk 0, {@code 0771-2345678} is {@code 7712345678}: a mobile series, and a stranger's phone. */
    @ParameterizedTest
    @ValueSource(strings = {"0771-2345678", "0771 2345678", " 0771 - 2345678 ", "07752-234567", "011 23456789",
            "022-2345-6789", "0771-234567"})
    void refusesANumberWrittenAsALandlineSayingSo(String text) {
        assertThat(PhoneNumbers.normalise(text)).isEmpty();
        assertThat(PhoneNumbers.refusal(text)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("looks like a landline number (STD code 0").contains("SMS can only go to a mobile"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9876543210", "0 98765 43210", "098765-43210", "+91 77123 45678", "07712345678"})
    void aMobileWithTheTrunkZeroIsStillAMobile(String text) {
        assertThat(PhoneNumbers.normalise(text)).isPresent();
        assertThat(PhoneNumbers.refusal(text)).isEmpty();
    }

    /** A Hindi keyboard types Devanagari digits; the number is kept and texted in Latin ones. */
    @ParameterizedTest
    @ValueSource(strings = {"९८७६५४३२१०", "+९१ ९८७६५ ४३२१०", "०९८७६५४३२१०", "98765 ४३२१०"})
    void acceptsAMobileNumberTypedInDevanagariDigits(String text) {
        assertThat(PhoneNumbers.normalise(text)).contains("9876543210");
        assertThat(PhoneNumbers.refusal(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aLandlineInDevanagariDigitsIsStillALandline() {
        assertThat(PhoneNumbers.normalise("०७७१-२३४५६७८")).isEmpty();
        assertThat(PhoneNumbers.refusal("०७७१-२३४५६७८")).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("looks like a landline number (STD code 0771)"));
    }

    @org.junit.jupiter.api.Test
    void otherRefusalsSayWhatIsAccepted() {
        assertThat(PhoneNumbers.refusal("12345")).contains("is not an Indian mobile number (" + PhoneNumbers.RULE
                + ")");
        assertThat(PhoneNumbers.refusal(null)).isPresent();
    }
}
