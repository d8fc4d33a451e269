package org.mitan.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void linksAndMarkdownFromARemarkDoNotReachTheSms() {
        String typed = "Upload again at [the portal](https://evil.example/login) ![x](http://evil.example/i.png)"
                + " or www.evil.example, mail help@evil.example **now**";

        assertThat(PlainText.of(typed)).isEqualTo("Upload again at the portal (link removed) ! x (link removed)"
                + " or (link removed), mail (link removed) now")
                .doesNotContain("evil", "[", "]", "*");
    }

    @Test
    void controlAndInvisibleCharactersGoAndLinesBecomeOne() {
        assertThat(PlainText.of("Birth\u0000 report\u200B is\u202E\n\n  blurred\u0007\u2028retake it"))
                .isEqualTo("Birth report is; blurred; retake it");
    }

    @Test
    void devanagariWithItsJoinersIsKept() {
        assertThat(PlainText.of("जन्म रिपोर्ट धुंधली है, क्\u200Dष")).isEqualTo("जन्म रिपोर्ट धुंधली है, क्\u200Dष");
    }

    @Test
    void longTextIsCutToOneSmsLine() {
        assertThat(PlainText.of("a ".repeat(400))).hasSize(PlainText.MAX_LENGTH).endsWith("…");
    }

    @Test
    void nothingLeftIsNothing() {
        assertThat(PlainText.of(" \u200B ** ")).isNull();
        assertThat(PlainText.of(null)).isNull();
    }
}
