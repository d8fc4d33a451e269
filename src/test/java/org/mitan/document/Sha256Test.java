package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class Sha256Test {

    /** FIPS 180-2, appendix B.1. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hexOfTheKnownTestVector() {
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
        assertThat(Sha256.hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rawDigestIsTheSameValue() {
        assertThat(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII))).hasSize(32)
                .isEqualTo(HexFormat.of().parseHex(ABC));
    }

    @Test
    void aDigestFedInPiecesGivesTheSameHex() {
        MessageDigest digest = Sha256.newDigest();
        digest.update("a".getBytes(StandardCharsets.US_ASCII));
        digest.update("bc".getBytes(StandardCharsets.US_ASCII));

        assertThat(Sha256.hexOf(digest)).isEqualTo(ABC);
    }
}
