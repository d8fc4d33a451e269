package org.mitan.singlewindow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalInt;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.LayoutProcessor;
import com.lowagie.text.pdf.PdfChunk;
import org.mitan.text.Graphemes;

/**
 * The certificate's fonts, embedded (as subsets) in every PDF: Noto Sans for Latin text and Noto Sans Devanagari for
 * Hindi, from {@code src/main/resources/fonts} (SIL Open Font License, {@code fonts/OFL.txt}).
 * <p>
 * A text is cut into runs by Unicode script and each run is set in its script's font; characters shared by the
 * scripts (spaces, digits, punctuation, the danda) and combining ones stay in the run they stand in, so a Hindi
 * word is never torn apart. OpenPDF's {@link LayoutProcessor} shapes each run with Java's OpenType layout
 * (HarfBuzz): conjuncts such as क्ष, the pre-base matra ि drawn left of its consonant, reph, nukta. Because shaped
 * glyphs are no longer in the order of the characters, every run is also written with its characters as
 * {@code /ActualText}, so that copying or searching the PDF gives the text as it was typed.
 * <p>
 * The layout processor is a switch for the whole JVM in OpenPDF; this class turns it on (with kerning and
 * ActualText) before it loads a font, and nothing else in the application uses OpenPDF.
 */
final class CertificateFonts {

    /** The weights the certificate uses. */
    enum Weight {
        REGULAR, BOLD
    }

    private static final String LATIN_REGULAR = "fonts/NotoSans-Regular.ttf";
    private static final String LATIN_BOLD = "fonts/NotoSans-Bold.ttf";
    private static final String DEVANAGARI_REGULAR = "fonts/NotoSansDevanagari-Regular.ttf";
    private static final String DEVANAGARI_BOLD = "fonts/NotoSansDevanagari-Bold.ttf";

    /**
     * How hard the font subsets are compressed. Every certificate embeds up to four of them, each compressed anew: at
     * zlib's fastest level a birth certificate renders in 4.0 ms instead of 5.7 to 6.2 (a warm JVM, 300 renders),
     * and its PDF grows from 55.5 to 57.9 KB (issue 11).
     */
    private static final int FONT_COMPRESSION = Deflater.BEST_SPEED;

    private static final BaseFont[] REGULAR_FONTS;
    private static final BaseFont[] BOLD_FONTS;

    static {
        synchronized (LayoutProcessor.class) {
            if (!LayoutProcessor.isEnabled()) {
                // Kerning, but no optional Latin ligatures ("fi"), so Latin text reads back letter for letter even
                // in readers that ignore ActualText; Devanagari's conjuncts are required forms and always shaped.
                LayoutProcessor.setKerning();
                LayoutProcessor.enable();
                LayoutProcessor.setWriteActualText();
            }
        }
        REGULAR_FONTS = new BaseFont[] {load(LATIN_REGULAR), load(DEVANAGARI_REGULAR)};
        BOLD_FONTS = new BaseFont[] {load(LATIN_BOLD), load(DEVANAGARI_BOLD)};
    }

    private CertificateFonts() {
    }

    /**
     * The text as a phrase of runs, each in the font of its script. Line breaks stay line breaks, other white space
     * becomes a space, and invisible control and format characters that neither font has are left out. Lines break
     * at spaces; a word wider than {@code lineWidth} (points) breaks between two characters as people see them,
     * never inside a syllable such as क्ष or स्त्री.
     */
    static Phrase phrase(String text, float size, Weight weight, float lineWidth) {
        BaseFont[] fonts = weight == Weight.BOLD ? BOLD_FONTS : REGULAR_FONTS;
        Phrase phrase = new Phrase();
        phrase.setFont(new Font(fonts[0], size));
        if (text == null || text.isEmpty()) {
            return phrase;
        }
        StringBuilder run = new StringBuilder();
        BaseFont runFont = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint != '\n' && Character.isWhitespace(codePoint)) {
                codePoint = ' ';
            }
            BaseFont font = fontFor(codePoint, runFont, fonts);
            if (font == null) {
                continue;
            }
            if (font != runFont && !run.isEmpty()) {
                phrase.add(chunk(run.toString(), runFont, size, lineWidth));
                run.setLength(0);
            }
            runFont = font;
            run.appendCodePoint(codePoint);
        }
        if (!run.isEmpty()) {
            phrase.add(chunk(run.toString(), runFont, size, lineWidth));
        }
        return phrase;
    }

    private static Chunk chunk(String text, BaseFont font, float size, float lineWidth) {
        Chunk chunk = new Chunk(text, new Font(font, size));
        chunk.setSplitCharacter(new SyllableBreaks(font, size, lineWidth));
        return chunk;
    }

    /**
     * Where OpenPDF may break a line: where it would anyway (after a space or a dash), and, inside a word too wide
     * for the line, between two grapheme clusters. Without the latter OpenPDF cuts such a word after the last
     * {@code char} that fits, which can be in the middle of a conjunct or before a vowel sign.
     */
    private record SyllableBreaks(BaseFont font, float size, float lineWidth) implements SplitCharacter {

        @Override
        public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
            if (DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, cc, ck)) {
                return true;
            }
            int wordStart = current;
            while (wordStart > start && !Character.isWhitespace(cc[wordStart - 1])) {
                wordStart--;
            }
            int wordEnd = current + 1;
            while (wordEnd < end && !Character.isWhitespace(cc[wordEnd])) {
                wordEnd++;
            }
            if (current + 1 >= wordEnd) {
                return false;
            }
            String word = new String(cc, wordStart, wordEnd - wordStart);
            if (font.getWidthPoint(word, size) <= lineWidth) {
                return false;
            }
            int boundary = 0;
            for (String cluster : Graphemes.of(word)) {
                boundary += cluster.length();
                if (wordStart + boundary == current + 1) {
                    return true;
                }
                if (wordStart + boundary > current + 1) {
                    return false;
                }
            }
            return false;
        }
    }

    /** The first character of the text that no certificate font can draw (and that is not invisible), if any. */
    static OptionalInt unprintable(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        return text.codePoints()
                .filter(codePoint -> !Character.isWhitespace(codePoint) && !invisible(codePoint)
                        && !hasGlyph(codePoint))
                .findFirst();
    }

    /** Whether the certificate's fonts draw the character, in both weights. */
    static boolean hasGlyph(int codePoint) {
        return Stream.of(REGULAR_FONTS).anyMatch(font -> font.charExists(codePoint))
                && Stream.of(BOLD_FONTS).anyMatch(font -> font.charExists(codePoint));
    }

    /**
     * Devanagari in the Devanagari font, other scripts in the Latin one; characters of no script of their own
     * (spaces, digits, punctuation, combining marks, joiners) in the font of the run they stand in when it has them,
     * else in the first font that has them. Null: leave the character out (invisible and in no font).
     */
    private static BaseFont fontFor(int codePoint, BaseFont current, BaseFont[] fonts) {
        if (codePoint == '\n' || codePoint == ' ') {
            return current != null ? current : fonts[0];
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        BaseFont preferred = switch (script) {
            case DEVANAGARI -> fonts[1];
            case COMMON, INHERITED, UNKNOWN -> current;
            default -> fonts[0];
        };
        if (preferred != null && preferred.charExists(codePoint)) {
            return preferred;
        }
        for (BaseFont font : fonts) {
            if (font.charExists(codePoint)) {
                return font;
            }
        }
        if (invisible(codePoint)) {
            return null;
        }
        // Drawn as the font's empty box; CertificatePdf refuses such text before it gets here.
        return preferred != null ? preferred : fonts[0];
    }

    private static boolean invisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    private static BaseFont load(String resource) {
        try (InputStream in = CertificateFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The certificate font " + resource + " is not on the classpath");
            }
            BaseFont font = BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
            font.setCompressionLevel(FONT_COMPRESSION);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the certificate font " + resource, e);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot load the certificate font " + resource, e);
        }
    }
}
