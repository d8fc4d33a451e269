package org.mitan.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphemesTest {

    @Test
    void devanagariSyllablesStayWhole() {
        assertThat(Graphemes.of("प्रिया")).containsExactly("प्रि", "या");
        assertThat(Graphemes.of("श्री")).containsExactly("श्री");
        assertThat(Graphemes.of("ज़िला")).containsExactly("ज़ि", "ला");
        assertThat(Graphemes.of("लक्ष्मी")).containsExactly("ल", "क्ष्मी");
        assertThat(Graphemes.of("राष्ट्रीय")).containsExactly("रा", "ष्ट्री", "य");
        assertThat(Graphemes.of("स्त्री")).containsExactly("स्त्री");
        assertThat(Graphemes.of("साहू")).containsExactly("सा", "हू");
    }

    @Test
    void latinAccentsAndEmojiStayWhole() {
        assertThat(Graphemes.of("Ase\u0301")).containsExactly("A", "s", "e\u0301");
        assertThat(Graphemes.of("a\uD83D\uDE00b")).containsExactly("a", "\uD83D\uDE00", "b");
        assertThat(Graphemes.of("")).isEmpty();
        assertThat(Graphemes.of(null)).isEmpty();
    }

    @Test
    void truncationCutsBetweenClusters() {
        assertThat(Graphemes.truncate("रीना प्रिया", 8, "…")).isEqualTo("रीना…");
        assertThat(Graphemes.truncate("रीना प्रिया", 9, "…")).isEqualTo("रीना…");
        assertThat(Graphemes.truncate("रीना प्रिया", 10, "…")).isEqualTo("रीना प्रि…");
        assertThat(Graphemes.truncate("रीना प्रिया", 11, "…")).isEqualTo("रीना प्रिया");
        assertThat(Graphemes.truncate("ab\uD83D\uDE00", 3, "…")).isEqualTo("ab…");
        assertThat(Graphemes.truncate("short", 10, "…")).isEqualTo("short");
    }
}
