package org.mitan.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigitsTest {

    @Test
    void devanagariDigitsFromAHindiKeyboardAreReadAsLatinOnes() {
        assertThat(Digits.latin("९८७६५४३२१०")).isEqualTo("9876543210");
        assertThat(Digits.latin("+९१ ९८७६५-४३२१०")).isEqualTo("+91 98765-43210");
    }

    @Test
    void digitsOfOtherScriptsToo() {
        // Bengali, Gujarati, Arabic-Indic, full-width
        assertThat(Digits.latin("১২৩ ૪૫૬ ٧٨٩ ０")).isEqualTo("123 456 789 0");
    }

    @Test
    void everythingElseIsKeptAsItIs() {
        assertThat(Digits.latin("वार्ड 12, मकान 4")).isEqualTo("वार्ड 12, मकान 4");
        assertThat(Digits.latin("abc 😀 ½ ²")).isEqualTo("abc 😀 ½ ²");
        assertThat(Digits.latin("")).isEmpty();
        assertThat(Digits.latin(null)).isNull();
    }
}
