package org.mitan.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Asha Verma", "रेखा मरकाम", "क्षत्रिय", "श्रीमती लक्ष्मी", "आशा\u200Dदेवी",
            "क्\u200Cष", "O'Brien-Sahu", "12, Station Road\nRaipur", "Tab\there", "Ā Ḍ é"})
    void namesAndAddressesInAnyScriptPass(String text) {
        assertThat(TypedText.refusal(text, true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asha\u0000Verma", "Asha\u0007", "Asha\u001B[31m", "\u007FAsha", "Asha\u0085"})
    void controlCharactersAreRefusedNamingTheCharacter(String text) {
        assertThat(TypedText.refusal(text, true)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("contains a control character (U+"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asha\u200BVerma", "\u202EamreV ahsA", "Asha\uFEFF", "Asha\u2060Verma",
            "Asha\u2028Verma", "Asha\u00ADVerma"})
    void invisibleCharactersAreRefused(String text) {
        assertThat(TypedText.refusal(text, false)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("contains an invisible character (U+"));
    }

    @Test
    void aLoneSurrogateOrAPrivateUseCharacterIsNotText() {
        assertThat(TypedText.refusal("Asha\uD800", false)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("not text"));
        assertThat(TypedText.refusal("Asha\uE000", false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200D\u200C", "...", "123", "- -", "\u0901\u093C"})
    void aNameOrAddressNeedsALetter(String text) {
        assertThat(TypedText.refusal(text, true)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("has no letter in it"));
        assertThat(TypedText.refusal(text, false)).isEmpty();
    }

    /** Devanagari's and accented Latin's marks pass; a pile of combining marks on one letter does not. */
    @Test
    void moreThanFourMarksStackedOnOneLetterAreRefused() {
        for (String text : new String[] {"क़ीं", "क़्ष", "Nguyễn Thị", "a\u0301\u0302\u0303\u0304", "ँ़ ा"}) {
            assertThat(TypedText.refusal(text, false)).as(text).isEmpty();
        }
        for (String text : new String[] {"Asha\u0301\u0302\u0303\u0304\u0305", "Z" + "\u0336\u0337\u0338".repeat(30),
                "रेखा" + "\u093C".repeat(5), "a\u20DD\u20DE\u20DD\u20DE\u20DD"}) {
            assertThat(TypedText.refusal(text, true)).as(text).hasValueSatisfying(reason -> assertThat(reason)
                    .startsWith("has more than 4 marks stacked on one letter (U+"));
        }
    }

    @Test
    void nothingIsNothingToRefuse() {
        assertThat(TypedText.refusal(null, true)).isEmpty();
    }
}
