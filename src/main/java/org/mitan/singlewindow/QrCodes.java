package org.mitan.singlewindow;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes for certificates: black modules on white, a quiet zone, medium error correction (15 %). */
final class QrCodes {

    /** A square of 8-bit grey samples, row by row, 0 black and 255 white: what a PDF embeds as it is. */
    record Grey(int width, int height, byte[] samples) {
    }

    private QrCodes() {
    }

    /**
     * The code as grey samples of about {@code pixels} pixels a side, made straight from the modules: the
     * certificate embeds them without a PNG written and read back (that round trip was 40 % of issuing's CPU).
     */
    static Grey grey(String content, int pixels) {
        BitMatrix matrix = matrix(content, pixels);
        byte[] samples = new byte[matrix.getWidth() * matrix.getHeight()];
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                samples[y * matrix.getWidth() + x] = matrix.get(x, y) ? 0 : (byte) 0xFF;
            }
        }
        return new Grey(matrix.getWidth(), matrix.getHeight(), samples);
    }

    private static BitMatrix matrix(String content, int pixels) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, pixels, pixels, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code for " + content, e);
        }
    }
}
