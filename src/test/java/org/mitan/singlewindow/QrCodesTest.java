package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    static final String URL = "https://mitan.cg.gov.in/verify/ABCDEFGHJKLMNPQRSTUV";

    @Test
    void renderedImageDecodesToTheVerificationUrl() throws Exception {
        BufferedImage image = image(QrCodes.grey(URL, 300));

        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(decode(image)).isEqualTo(URL);
    }

    @Test
    void greySamplesAreTheSameCodeBlackOnWhite() throws Exception {
        QrCodes.Grey grey = QrCodes.grey(URL, 300);

        assertThat(grey.width()).isEqualTo(300);
        assertThat(grey.samples()).hasSize(grey.width() * grey.height());
        assertThat(grey.samples()).containsOnly((byte) 0, (byte) 0xFF);
        BufferedImage image = image(grey);
        assertThat(decode(image)).isEqualTo(URL);
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).as("the quiet zone is white").isEqualTo(0xFFFFFF);
    }

    /** The samples as a picture, as a PDF viewer shows them. */
    static BufferedImage image(QrCodes.Grey grey) {
        BufferedImage image = new BufferedImage(grey.width(), grey.height(), BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, grey.width(), grey.height(), grey.samples());
        return image;
    }

    static String decode(BufferedImage image) throws NotFoundException, IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(width, height, pixels)))).getText();
        } catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new IOException("Not a readable QR code", e);
        }
    }
}
