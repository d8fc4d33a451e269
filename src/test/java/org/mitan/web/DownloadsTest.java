package org.mitan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

class DownloadsTest {

    @Test
    void anAsciiNameIsWrittenAsItIs() {
        assertThat(Downloads.inline("birth-report.pdf")).isEqualTo("inline; filename=\"birth-report.pdf\"");
    }

    @Test
    void aDevanagariNameTravelsAsUtf8WithAnAsciiFallback() {
        String header = Downloads.inline("जन्म-रिपोर्ट.pdf");

        assertThat(header).startsWith("inline; filename=\"document.pdf\"; filename*=UTF-8''%E0%A4%9C");
        assertThat(header.chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("जन्म-रिपोर्ट.pdf");
        assertThat(URLDecoder.decode(header.substring(header.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo("जन्म-रिपोर्ट.pdf");
    }

    @Test
    void quotesAndMixedNamesCannotBreakTheHeader() {
        assertThat(Downloads.inline("a\"b.pdf")).isEqualTo("inline; filename=\"a-b.pdf\"; filename*=UTF-8''a%22b.pdf");
        assertThat(Downloads.asciiFallback("birth-रिपोर्ट.png")).isEqualTo("birth.png");
        assertThat(Downloads.asciiFallback("रिपोर्ट")).isEqualTo("document");
    }
}
