package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.mitan.text.Graphemes;

class CertificatePdfTest {

    private final CertificatePdf pdf = new CertificatePdf();

    @Test
    void pdfShowsTheCertificateAndItsParticularsInWords() throws Exception {
        byte[] bytes = pdf.render(content("Asha Sahu", "House 4, Ward 12"));

        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            text = new PDFTextStripper().getText(document);
        }
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
    void devanagariNamesAddressAndParticularsReadBackExactlyAsRecorded() throws Exception {
        Map<String, Object> particulars = new LinkedHashMap<>();
        particulars.put("childName", "रीना प्रिया");
        particulars.put("fatherName", "श्री राम");
        particulars.put("placeOfBirth", "ज़िला अस्पताल, बड़ा बाज़ार");
        particulars.put("dateOfBirth", "2026-01-15");
        byte[] bytes = pdf.render(content("लक्ष्मी यादव", "मकान 14, गांधी चौक, रायपुर।", particulars));

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("लक्ष्मी यादव")
                    .contains("मकान 14, गांधी चौक, रायपुर।")
                    .contains("रीना प्रिया")
                    .contains("श्री राम")
                    .contains("ज़िला अस्पताल, बड़ा बाज़ार")
                    .contains("15 January 2026")
                    .contains("Raipur Municipal Corporation")
                    .contains("Meena Rao (registrar1)");
        }
    }

    @Test
    void everyFontSubsetIsEmbeddedAndCompressedAtZlibsFastestLevel() throws Exception {
        PdfReader reader = new PdfReader(pdf.render(content("लक्ष्मी यादव", "House 4, Ward 12")));

        List<byte[]> fontFiles = new ArrayList<>();
        for (int i = 1; i < reader.getXrefSize(); i++) {
            if (reader.getPdfObject(i) instanceof PdfDictionary descriptor
                    && PdfName.FONTDESCRIPTOR.equals(descriptor.get(PdfName.TYPE))) {
                fontFiles.add(PdfReader.getStreamBytesRaw(
                        (PRStream) PdfReader.getPdfObject(descriptor.get(PdfName.FONTFILE2))));
            }
        }

        assertThat(fontFiles).as("Latin and Devanagari, regular and bold").hasSize(4);
        for (byte[] raw : fontFiles) {
            // a zlib stream's second byte names how hard it was compressed (RFC 1950, FLEVEL): 0 is the fastest
            assertThat(raw[0]).as("deflate").isEqualTo((byte) 0x78);
            assertThat((raw[1] & 0xFF) >> 6).as("compression level, 0 = fastest").isZero();
            assertThat(PdfReader.FlateDecode(raw)).as("a TrueType font program")
                    .startsWith(0x00, 0x01, 0x00, 0x00);
        }
    }

    @Test
    void devanagariIsShapedAsJavaOpenTypeLayoutShapesIt() throws Exception {
        List<String> words = List.of("लक्ष्मी", "प्रिया", "श्री", "बड़ा");
        byte[] bytes = pdf.render(content(String.join(" ", words), "House 4, Ward 12"));

        List<Integer> drawn = glyphsDrawn(bytes);
        java.awt.Font devanagari = awtFont("fonts/NotoSansDevanagari-Regular.ttf");
        for (String word : words) {
            List<Integer> shaped = shapedGlyphs(devanagari, word);
            List<Integer> unshaped = word.chars().map(c -> unshapedGlyph(devanagari, c)).boxed().toList();
            // conjuncts, the pre-base matra and reph make the shaped glyphs differ from one glyph per character
            assertThat(shaped).as(word).isNotEqualTo(unshaped);
            assertThat(Collections.indexOfSubList(drawn, shaped)).as("shaped glyphs of " + word).isNotNegative();
        }
    }

    @Test
    void everyFontInTheCertificateIsEmbedded() throws Exception {
        byte[] bytes = pdf.render(content("लक्ष्मी यादव", "House 4, Ward 12"));

        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDResources resources = document.getPage(0).getResources();
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            assertThat(fonts).extracting(PDFont::getName)
                    .anySatisfy(name -> assertThat(name).contains("NotoSansDevanagari"))
                    .anySatisfy(name -> assertThat(name).contains("NotoSans-"));
        }
    }

    @Test
    void latinNamesStillReadBackExactly() throws Exception {
        byte[] bytes = pdf.render(content("Asha Sahu-Verma", "House 4, Ward 12, Gandhi Chowk"));

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Asha Sahu-Verma")
                    .contains("House 4, Ward 12, Gandhi Chowk")
                    .contains("RPR/BIRTH/2026/000001");
        }
    }

    @Test
    void certificateWithADevanagariNameIsRenderedToLookAt() throws Exception {
        Map<String, Object> particulars = new LinkedHashMap<>();
        particulars.put("childName", "रीना प्रिया");
        particulars.put("fatherName", "श्री राम");
        particulars.put("motherName", "लक्ष्मी यादव");
        particulars.put("placeOfBirth", "ज़िला अस्पताल, बड़ा बाज़ार");
        particulars.put("dateOfBirth", "2026-01-15");
        byte[] bytes = pdf.render(content("रीना प्रिया", "मकान 14, गांधी चौक, रायपुर।", particulars));

        Path folder = Files.createDirectories(Path.of("target", "certificates"));
        Files.write(folder.resolve("devanagari-certificate.pdf"), bytes);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(page, "png", folder.resolve("devanagari-certificate.png").toFile());
            assertThat(page.getWidth()).isGreaterThan(800);
        }
    }

    @Test
    void textNoFontCanPrintIsRefusedNamingTheFieldAndTheCharacter() {
        assertThatThrownBy(() -> pdf.render(content("அருண் குமார்", "House 4")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holder name")
                .hasMessageContaining("U+0B85");
        assertThatThrownBy(() -> pdf.render(content("Asha \uD83D\uDE00", "House 4")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+1F600");
    }

    @Test
    void invisibleCharactersAndStrayWhiteSpaceDoNotStopTheCertificate() throws Exception {
        byte[] bytes = pdf.render(content("Asha\u200E Sahu", "House 4,\tWard 12"));

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Asha Sahu").contains("House 4, Ward 12");
        }
    }

    @Test
    void theLongestNameAndAddressIntakeAcceptsWrapInsideTheTable() throws Exception {
        // 100 and 500 characters: the longest name and address registration accepts, and particulars as long
        String name = ("लक्ष्मी यादव " + "Asha Sahu ").repeat(5).strip();
        String address = ("मकान 14, गांधी चौक, रायपुर। " + "House 14, Gandhi Chowk, ").repeat(10).substring(0, 500);
        Map<String, Object> particulars = new LinkedHashMap<>();
        particulars.put("childName", name);
        particulars.put("placeOfBirth", address);
        particulars.put("remarks", "ज़िला".repeat(100));
        byte[] bytes = pdf.render(content(name, address, particulars));
        Files.write(Files.createDirectories(Path.of("target", "certificates")).resolve("longest-certificate.pdf"),
                bytes);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            String text = stripper.getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Approved by").contains(QrCodesTest.URL);
            for (String word : address.split(" ")) {
                assertThat(text).contains(word);
            }
            // nothing is drawn beyond the right margin of the page
            float rightMargin = document.getPage(0).getMediaBox().getWidth() - 56;
            List<Float> ends = new ArrayList<>();
            PDFTextStripper edges = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition position) {
                    ends.add(position.getXDirAdj() + position.getWidthDirAdj());
                }
            };
            edges.setEndPage(document.getNumberOfPages());
            edges.getText(document);
            assertThat(ends).isNotEmpty().allSatisfy(end -> assertThat(end).isLessThanOrEqualTo(rightMargin));
        }
    }

    @Test
    void aWordTooLongForItsLineIsBrokenBetweenSyllablesNeverInsideOne() throws Exception {
        Map<String, Object> particulars = new LinkedHashMap<>();
        List<String> words = List.of("ज़िला", "प्रिया", "लक्ष्मी", "क्षि", "स्त्री", "कि", "राष्ट्रीय");
        for (int i = 0; i < words.size(); i++) {
            particulars.put("remarks" + i, words.get(i).repeat(200 / words.get(i).length()));
        }
        byte[] bytes = pdf.render(content("रीना प्रिया", "House 4", particulars));
        Files.write(Files.createDirectories(Path.of("target", "certificates")).resolve("long-words-certificate.pdf"),
                bytes);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(document.getNumberOfPages());
            List<String> lines = stripper.getText(document).lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
            assertThat(lines.stream().filter(line -> line.contains("ज़िला"))).hasSizeGreaterThan(1);
            for (int i = 1; i < lines.size(); i++) {
                String before = lines.get(i - 1);
                String joined = before + lines.get(i);
                List<Integer> boundaries = new ArrayList<>();
                int at = 0;
                for (String cluster : Graphemes.of(joined)) {
                    boundaries.add(at += cluster.length());
                }
                assertThat(boundaries).as("a line break inside a syllable: %s | %s", before, lines.get(i))
                        .contains(before.length());
            }
            String all = String.join("", lines);
            particulars.values().forEach(value -> assertThat(all).contains((String) value));
        }
    }

    /**
     * The particulars come back from the database in its key order (shortest key first: usage, pipeSize,
     * fatherName, ...); the certificate prints them in the order of the type's particulars form, as the analyst
     * laid them out.
     */
    @Test
    void particularsArePrintedInTheOrderOfTheFormsFields() throws Exception {
        Map<String, CertificateLabels.Bilingual> form = new LinkedHashMap<>();
        for (String field : List.of("applicantName", "fatherName", "premisesAddress", "propertyTaxNumber", "usage",
                "pipeSize")) {
            form.put(field, new CertificateLabels.Bilingual(CertificatePdf.label(field), null));
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        String[][] asTheDatabaseGivesThem = {{"usage", "Domestic"}, {"pipeSize", "15 mm"},
            {"fatherName", "Ramesh Yadav"}, {"applicantName", "Lakshmi Yadav"},
            {"premisesAddress", "House 14, Gandhi Chowk"}, {"propertyTaxNumber", "RPR/12/0456"},
            {"remark", "not on the form"}};
        for (String[] particular : asTheDatabaseGivesThem) {
            stored.put(particular[0], particular[1]);
        }
        byte[] bytes = pdf.render(new CertificatePdf.Content("Raipur Municipal Corporation", null,
                "New water connection", null, "Municipal water works", null, "RPR/WATER-CONNECTION/2026/000001",
                "applicantName", "Lakshmi Yadav", "House 14, Gandhi Chowk", stored,
                new CertificateLabels(form, Map.of()), LocalDate.of(2026, 3, 1), "Anita Verma (ee.raipur)",
                QrCodesTest.URL));

        String text;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            text = new PDFTextStripper().getText(document);
        }
        List<Integer> positions = Stream.of("Applicant name", "Father name", "Premises address",
                "Property tax number", "Usage", "Pipe size", "Remark").map(text::indexOf).toList();
        assertThat(positions).doesNotContain(-1).isSorted();
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
        return content(holder, address, particulars);
    }

    private static CertificatePdf.Content content(String holder, String address, Map<String, Object> particulars) {
        return new CertificatePdf.Content("Raipur Municipal Corporation", "Birth certificate",
                "Registrar of Births and Deaths", "RPR/BIRTH/2026/000001", holder, address, particulars,
                LocalDate.of(2026, 3, 1), "Meena Rao (registrar1)", QrCodesTest.URL);
    }

    /** The glyph ids drawn on the first page, in content-stream order (Identity-H: the code is the glyph id). */
    private static List<Integer> glyphsDrawn(byte[] bytes) throws Exception {
        List<Integer> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    for (int code : text.getCharacterCodes()) {
                        glyphs.add(code);
                    }
                }
            };
            stripper.getText(document);
        }
        return glyphs;
    }

    private static java.awt.Font awtFont(String resource) throws Exception {
        try (InputStream in = CertificatePdfTest.class.getClassLoader().getResourceAsStream(resource)) {
            return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in).deriveFont(10f);
        }
    }

    private static List<Integer> shapedGlyphs(java.awt.Font font, String word) {
        char[] chars = word.toCharArray();
        GlyphVector vector = font.layoutGlyphVector(new FontRenderContext(new AffineTransform(), false, true), chars,
                0, chars.length, java.awt.Font.LAYOUT_LEFT_TO_RIGHT);
        return IntStream.of(vector.getGlyphCodes(0, vector.getNumGlyphs(), null)).boxed().toList();
    }

    private static int unshapedGlyph(java.awt.Font font, int c) {
        return font.createGlyphVector(new FontRenderContext(new AffineTransform(), false, true),
                new char[] {(char) c}).getGlyphCode(0);
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
