package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

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
        BufferedImage image = QrCodes.render(URL, 300);

        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(decode(image)).isEqualTo(URL);
    }

    @Test
    void pngBytesAreAPngOfTheSameCode() throws Exception {
        byte[] png = QrCodes.png(URL, 300);

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(decode(ImageIO.read(new ByteArrayInputStream(png)))).isEqualTo(URL);
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
