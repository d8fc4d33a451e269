package org.mitan.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.lowagie.text.exceptions.BadPasswordException;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;

/**
 * What a scan holds, checked through and not only by its first bytes ({@link ContentTypes}): an image must decode
 * as the image it says it is, and a PDF must be readable and hold no active content (scripts, actions that run by
 * themselves, launched programs, embedded files, rich media, XFA forms), which an officer's PDF viewer would run
 * or open. Names are compared decoded ({@code /J#61vaScript} is {@code /JavaScript}), and compressed object streams
 * are read by the PDF parser, so the spelling of the file does not hide anything.
 */
final class ScanContents {

    /** Largest image accepted, in pixels (a 600 dpi A4 page is about 35 million): guards against decompression bombs. */
    static final long MAX_PIXELS = 50_000_000L;

    /** PDF names that are active content wherever they stand (as a key or as a value), and what they mean. */
    private static final Map<String, String> ACTIVE = Map.ofEntries(
            Map.entry("JavaScript", "JavaScript (/JavaScript)"),
            Map.entry("JS", "JavaScript (/JS)"),
            Map.entry("AA", "actions that run when a page or field is opened (/AA)"),
            Map.entry("Launch", "a command that starts a program (/Launch)"),
            Map.entry("EmbeddedFile", "an embedded file (/EmbeddedFile)"),
            Map.entry("EmbeddedFiles", "embedded files (/EmbeddedFiles)"),
            Map.entry("EF", "an embedded file (/EF)"),
            Map.entry("RichMedia", "rich media such as Flash (/RichMedia)"),
            Map.entry("XFA", "an XFA form (/XFA)"),
            Map.entry("SubmitForm", "an action that sends data away (/SubmitForm)"),
            Map.entry("ImportData", "an action that loads data (/ImportData)"),
            Map.entry("GoToR", "an action that opens another file (/GoToR)"),
            Map.entry("GoToE", "an action that opens an embedded file (/GoToE)"),
            Map.entry("Rendition", "a media action (/Rendition)"));
    private static final String OPEN_ACTION = "OpenAction";
    private static final String OPEN_ACTION_MEANING = "an action that runs when the file is opened (/OpenAction)";
    /** A name token in the raw bytes: a slash and the regular characters that follow it. */
    private static final Pattern RAW_NAME = Pattern.compile("/([^\\s/<>\\[\\]()%{}\\x00]+)");
    private static final Pattern HEX_ESCAPE = Pattern.compile("#([0-9A-Fa-f]{2})");

    private ScanContents() {
    }

    /** What is wrong with the content, in words for the Mitan; empty when it may be stored. */
    static Optional<String> problem(String contentType, byte[] content) {
        return switch (contentType) {
            case ContentTypes.PDF -> pdfProblem(content);
            case ContentTypes.JPEG -> imageProblem(content, "jpeg", "JPEG");
            case ContentTypes.PNG -> imageProblem(content, "png", "PNG");
            default -> Optional.of("is not a " + ContentTypes.ACCEPTED_IN_WORDS);
        };
    }

    private static Optional<String> imageProblem(byte[] content, String format, String inWords) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No " + inWords + " decoder in this Java runtime");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(in, true, true);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > MAX_PIXELS) {
                return Optional.of("is a " + inWords + " image of " + reader.getWidth(0) + " × " + reader.getHeight(0)
                        + " pixels, more than a scan needs; scan it at 300 dpi");
            }
            BufferedImage image = reader.read(0);
            if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                return Optional.of("starts like a " + inWords + " image but holds no picture");
            }
            if (!warnings.isEmpty()) {
                return Optional.of("is a damaged " + inWords + " image (" + warnings.get(0) + "); scan it again");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("starts like a " + inWords + " image but is not one that can be shown (it does not"
                    + " decode)");
        } finally {
            reader.dispose();
        }
    }

    private static Optional<String> pdfProblem(byte[] content) {
        Map<String, String> found = new TreeMap<>();
        PdfReader reader;
        try {
            reader = new PdfReader(content);
        } catch (BadPasswordException e) {
            return Optional.of("is a PDF protected by a password; save it without a password or scan the paper");
        } catch (IOException | RuntimeException e) {
            return Optional.of("starts like a PDF but cannot be read as one");
        }
        try {
            Map<PdfObject, Boolean> seen = new IdentityHashMap<>();
            inspect(reader.getTrailer(), found, seen);
            for (int i = 1; i < reader.getXrefSize(); i++) {
                inspect(reader.getPdfObject(i), found, seen);
            }
        } catch (RuntimeException e) {
            return Optional.of("starts like a PDF but cannot be read as one");
        } finally {
            reader.close();
        }
        rawNames(content, found);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("is a PDF with active content, which officers' PDF viewers would run: "
                + String.join(", ", new java.util.LinkedHashSet<>(found.values()))
                + ". Print it to a new PDF or scan the paper, and upload that");
    }

    /** Walks one object and the objects written inside it (references are walked as objects of their own). */
    private static void inspect(PdfObject object, Map<String, String> found, Map<PdfObject, Boolean> seen) {
        if (object == null || seen.put(object, Boolean.TRUE) != null) {
            return;
        }
        if (object.isName()) {
            String name = decoded((PdfName) object);
            if (ACTIVE.containsKey(name)) {
                found.put(name, ACTIVE.get(name));
            }
        } else if (object.isDictionary() || object instanceof PRStream) {
            PdfDictionary dictionary = (PdfDictionary) object;
            for (PdfName key : Set.copyOf(dictionary.getKeys())) {
                String name = decoded(key);
                PdfObject value = dictionary.get(key);
                if (ACTIVE.containsKey(name)) {
                    found.put(name, ACTIVE.get(name));
                } else if (OPEN_ACTION.equals(name) && PdfReader.getPdfObject(value) != null
                        && PdfReader.getPdfObject(value).isDictionary()) {
                    found.put(name, OPEN_ACTION_MEANING);
                }
                inspect(value, found, seen);
            }
        } else if (object.isArray()) {
            for (PdfObject element : new ArrayList<>(((PdfArray) object).getElements())) {
                inspect(element, found, seen);
            }
        }
    }

    /**
     * The same names looked for in the raw bytes, with their {@code #xx} escapes decoded: a second net for what a
     * lenient parser might skip. An {@code /OpenAction} is left to the parser, which tells an action from a page to
     * open at.
     */
    private static void rawNames(byte[] content, Map<String, String> found) {
        Matcher matcher = RAW_NAME.matcher(new String(content, java.nio.charset.StandardCharsets.ISO_8859_1));
        while (matcher.find()) {
            String name = unescape(matcher.group(1));
            if (ACTIVE.containsKey(name)) {
                found.put(name, ACTIVE.get(name));
            }
        }
    }

    private static String decoded(PdfName name) {
        return unescape(PdfName.decodeName(name.toString()));
    }

    /** {@code J#61vaScript} as {@code JavaScript}, also when the parser kept the escape (or escaped its #). */
    private static String unescape(String name) {
        String current = name;
        for (int round = 0; round < 3 && current.indexOf('#') >= 0; round++) {
            Matcher hex = HEX_ESCAPE.matcher(current);
            StringBuilder decoded = new StringBuilder();
            while (hex.find()) {
                hex.appendReplacement(decoded, Matcher.quoteReplacement(
                        String.valueOf((char) Integer.parseInt(hex.group(1), 16))));
            }
            hex.appendTail(decoded);
            current = decoded.toString();
        }
        return current;
    }
}
