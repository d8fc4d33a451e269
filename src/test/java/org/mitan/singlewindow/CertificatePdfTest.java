package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

class CertificatePdfTest {

    private final CertificatePdf pdf = new CertificatePdf();

    @Test
    void pdfShowsTheCertificateAndItsParticularsInWords() throws Exception {
        byte[] bytes = pdf.render(content("Asha Sahu", "House 4, Ward 12"));

        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(bytes);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text)
                .contains(CertificatePdf.STATE_HEADING)
                .contains("Raipur Municipal Corporation")
                .contains("Birth certificate")
                .contains("RPR/BIRTH/2026/000001")
                .contains("Asha Sahu")
                .contains("House 4, Ward 12")
                .contains("Date of birth")
                .contains("15 January 2026")
                .contains("Place of birth")
                .contains("Date of issue")
                .contains("1 March 2026")
                .contains("Meena Rao (registrar1)")
                .contains(QrCodesTest.URL);
        assertThat(text).doesNotContain("dateOfBirth");
    }

    @Test
    void imageInThePdfIsAQrCodeOfTheVerificationUrl() throws Exception {
        PdfReader reader = new PdfReader(pdf.render(content("Asha Sahu", "House 4")));

        List<BufferedImage> images = images(reader);

        assertThat(images).hasSize(1);
        assertThat(QrCodesTest.decode(images.get(0))).isEqualTo(QrCodesTest.URL);
    }

    @Test
    void textTheFontCannotPrintIsRefusedNamingTheField() {
        assertThatThrownBy(() -> pdf.render(content("आशा साहू", "House 4")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holder name")
                .hasMessageContaining("Latin letters");
    }

    @Test
    void particularKeysReadAsWords() {
        assertThat(CertificatePdf.label("dateOfBirth")).isEqualTo("Date of birth");
        assertThat(CertificatePdf.label("informant_relation")).isEqualTo("Informant relation");
        assertThat(CertificatePdf.label("motherName")).isEqualTo("Mother name");
        assertThat(CertificatePdf.label("NICUWard")).isEqualTo("NICU ward");
        assertThat(CertificatePdf.label("sex")).isEqualTo("Sex");
    }

    @Test
    void valuesReadAsWords() {
        assertThat(CertificatePdf.display("2026-01-15")).isEqualTo("15 January 2026");
        assertThat(CertificatePdf.display("2026-02-30")).isEqualTo("2026-02-30");
        assertThat(CertificatePdf.display(Boolean.TRUE)).isEqualTo("Yes");
        assertThat(CertificatePdf.display(null)).isEmpty();
        assertThat(CertificatePdf.display(" Raipur ")).isEqualTo("Raipur");
    }

    private static CertificatePdf.Content content(String holder, String address) {
        Map<String, Object> particulars = new LinkedHashMap<>();
        particulars.put("childName", holder);
        particulars.put("sex", "female");
        particulars.put("dateOfBirth", "2026-01-15");
        particulars.put("placeOfBirth", "District Hospital, Raipur");
        particulars.put("informantRelation", null);
        return new CertificatePdf.Content("Raipur Municipal Corporation", "Birth certificate",
                "Registrar of Births and Deaths", "RPR/BIRTH/2026/000001", holder, address, particulars,
                LocalDate.of(2026, 3, 1), "Meena Rao (registrar1)", QrCodesTest.URL);
    }

    /** Every image XObject in the PDF, rebuilt from its decoded 8-bit grey or RGB samples. */
    private static List<BufferedImage> images(PdfReader reader) throws Exception {
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 1; i < reader.getXrefSize(); i++) {
            PdfObject object = reader.getPdfObject(i);
            if (object instanceof PRStream stream && PdfName.IMAGE.equals(stream.get(PdfName.SUBTYPE))) {
                int width = ((PdfNumber) stream.get(PdfName.WIDTH)).intValue();
                int height = ((PdfNumber) stream.get(PdfName.HEIGHT)).intValue();
                assertThat(((PdfNumber) stream.get(PdfName.BITSPERCOMPONENT)).intValue()).isEqualTo(8);
                int components = PdfName.DEVICERGB.equals(stream.get(PdfName.COLORSPACE)) ? 3 : 1;
                byte[] samples = PdfReader.getStreamBytes(stream);
                assertThat(samples).hasSize(width * height * components);
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int at = (y * width + x) * components;
                        int rgb = 0;
                        for (int c = 0; c < 3; c++) {
                            rgb = rgb << 8 | samples[at + (components == 3 ? c : 0)] & 0xFF;
                        }
                        image.setRGB(x, y, rgb);
                    }
                }
                images.add(image);
            }
        }
        return images;
    }
}
