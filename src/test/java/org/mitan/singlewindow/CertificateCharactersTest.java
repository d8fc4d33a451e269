package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What intake refuses is exactly what the certificate's fonts cannot draw. */
class CertificateCharactersTest {

    private final CertificateCharacters characters = new CertificateCharacters();

    @Test
    void latinDevanagariAndWhatTheyShareArePrintable() {
        assertThat(characters.firstUnprintable("लक्ष्मी यादव, मकान 14, गांधी चौक। ज़िला ड़ क़")).isEmpty();
        assertThat(characters.firstUnprintable("Asha Sahu-Verma, House 4/B, Gandhi Chowk (Raipur) ₹ é ñ")).isEmpty();
        assertThat(characters.firstUnprintable("र्\u200Dय \u200C")).isEmpty();
        assertThat(characters.firstUnprintable(null)).isEmpty();
        for (int c = 0x0900; c <= 0x097F; c++) {
            if (Character.isDefined(c) && Character.getType(c) != Character.UNASSIGNED
                    && Character.isLetter(c)) {
                assertThat(CertificateFonts.hasGlyph(c)).as("U+%04X", c).isTrue();
            }
        }
    }

    @Test
    void otherScriptsAndEmojiAreNot() {
        assertThat(characters.firstUnprintable("அருண்")).hasValue(0x0B85);
        assertThat(characters.firstUnprintable("Asha \uD83D\uDE00")).hasValue(0x1F600);
        assertThat(characters.refusal("Asha \uD83D\uDE00")).hasValueSatisfying(refusal ->
                assertThat(refusal).contains("U+1F600").contains("Devanagari or Latin letters"));
    }
}
