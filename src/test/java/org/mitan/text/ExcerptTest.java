package org.mitan.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void shortTextIsQuotedAsItIs() {
        assertThat(Excerpt.quoted("1-35x")).isEqualTo("'1-35x'");
        assertThat(Excerpt.of("रेखा मरकाम")).isEqualTo("रेखा मरकाम");
        assertThat(Excerpt.quoted(null)).isEqualTo("null");
        assertThat(Excerpt.of("x".repeat(Excerpt.MAX_CHARS))).isEqualTo("x".repeat(Excerpt.MAX_CHARS));
    }

    @Test
    void longTextIsCutToEightyCharactersEndingInAnEllipsis() {
        String excerpt = Excerpt.of("9".repeat(20_000_000));

        assertThat(excerpt).hasSize(Excerpt.MAX_CHARS).endsWith("…").startsWith("9999");
        assertThat(Excerpt.of("x".repeat(Excerpt.MAX_CHARS + 1))).hasSize(Excerpt.MAX_CHARS).endsWith("x…");
    }

    @Test
    void aHindiSyllableOrAnEmojiIsNotSplitByTheCut() {
        String hindi = "क्षत्रिय ".repeat(30);
        String excerpt = Excerpt.of(hindi);
        assertThat(excerpt).endsWith("…").hasSizeLessThanOrEqualTo(Excerpt.MAX_CHARS);
        String kept = excerpt.substring(0, excerpt.length() - 1);
        int clusters = Graphemes.of(kept).size();
        assertThat(String.join("", Graphemes.of(hindi).subList(0, clusters))).isEqualTo(kept);

        String emoji = Excerpt.of("a" + "😀".repeat(100));
        assertThat(emoji).hasSizeLessThanOrEqualTo(Excerpt.MAX_CHARS);
        assertThat(Character.isHighSurrogate(emoji.charAt(emoji.length() - 2))).isFalse();
    }

    @Test
    void controlAndInvisibleCharactersAreShownByTheirCodeNeverRaw() {
        assertThat(Excerpt.of("a\u0000b\nc\u202Ed\u200Be\u0007"))
                .isEqualTo("a[U+0000]b[U+000A]c[U+202E]d[U+200B]e[U+0007]");
        assertThat(Excerpt.of("\u0007".repeat(1000))).hasSizeLessThanOrEqualTo(Excerpt.MAX_CHARS)
                .doesNotContain("\u0007").startsWith("[U+0007][U+0007]").endsWith("…");
        assertThat(Excerpt.of("\uD800x")).isEqualTo("[U+D800]x");
    }

    @Test
    void devanagarisJoinersStay() {
        assertThat(Excerpt.of("क्\u200Dष क्\u200Cष")).isEqualTo("क्\u200Dष क्\u200Cष");
    }
}
