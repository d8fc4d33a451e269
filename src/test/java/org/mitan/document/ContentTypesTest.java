package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    /** Real files (upload checks them through, not only their first bytes), each under 1 KB. */
    static final byte[] PDF = TestScans.pdf();
    static final byte[] JPEG = TestScans.image("jpeg", 8, 8);
    static final byte[] PNG = TestScans.image("png", 8, 8);

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
    void theTestFilesAreSmallerThanTheTestLimit() {
        assertThat(PDF.length).isLessThan(1024);
        assertThat(JPEG.length).isLessThan(1024);
        assertThat(PNG.length).isLessThan(1024);
    }

    @Test
    void namesTheExtensionOfEachAcceptedType() {
        assertThat(ContentTypes.extension(ContentTypes.PDF)).isEqualTo(".pdf");
        assertThat(ContentTypes.extension(ContentTypes.JPEG)).isEqualTo(".jpg");
        assertThat(ContentTypes.extension(ContentTypes.PNG)).isEqualTo(".png");
    }
}
