package org.mitan.singlewindow;

import java.util.OptionalInt;

import org.mitan.text.PrintableCharacters;
import org.springframework.stereotype.Component;

/** The characters the certificate's fonts print ({@link CertificateFonts}), for intake's checks. */
@Component
class CertificateCharacters implements PrintableCharacters {

    @Override
    public OptionalInt firstUnprintable(String text) {
        return CertificateFonts.unprintable(text);
    }
}
