package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Test
    void recognisesPdfJpegAndPngByTheirFirstBytes() {
        assertThat(ContentTypes.detect(PDF)).contains("application/pdf");
        assertThat(ContentTypes.detect(JPEG)).contains("image/jpeg");
        assertThat(ContentTypes.detect(PNG)).contains("image/png");
    }

    @Test
    void refusesEverythingElseWhateverItIsCalled() {
        assertThat(ContentTypes.detect("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ContentTypes.detect("PK\u0003\u0004 a .docx".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(ContentTypes.detect("<html>%PDF-".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ContentTypes.detect("%PDF".getBytes(StandardCharsets.US_ASCII))).as("signature cut short").isEmpty();
        assertThat(ContentTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).as("two bytes of a JPEG").isEmpty();
        assertThat(ContentTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0B})).isEmpty();
        assertThat(ContentTypes.detect(new byte[0])).isEmpty();
        assertThat(ContentTypes.detect(null)).isEmpty();
    }

    @Test
    void namesTheExtensionOfEachAcceptedType() {
        assertThat(ContentTypes.extension(ContentTypes.PDF)).isEqualTo(".pdf");
        assertThat(ContentTypes.extension(ContentTypes.JPEG)).isEqualTo(".jpg");
        assertThat(ContentTypes.extension(ContentTypes.PNG)).isEqualTo(".png");
    }
}
