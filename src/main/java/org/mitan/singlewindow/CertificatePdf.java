package org.mitan.singlewindow;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.mitan.singlewindow.CertificateFonts.Weight;
import org.springframework.stereotype.Component;

/**
 * The certificate as an A4 PDF, the way the local register prints it: the state and the urban body, the service,
 * the certificate number, the holder, the address, the particulars, the issue date, the approving officer and a
 * QR code that opens the public verification page, whose address is also printed under it.
 * <p>
 * Every heading and label is in Hindi and English: the state's, body's, department's and service's names from
 * the body's and the type's data, the particulars' labels and choices from the type's particulars form
 * ({@link CertificateLabels}); the holder is printed once. Names, addresses and particulars are printed as recorded,
 * in Latin letters or in Devanagari, with embedded fonts that shape Hindi properly ({@link CertificateFonts}). Text that none of the fonts
 * can draw (another script, an emoji) is refused with a message naming the field rather than printed as empty boxes
 * on a legal document; intake and the particulars forms refuse such text at the door, so it does not get here.
 */
@Component
class CertificatePdf {

    static final String STATE_HEADING = "Government of Chhattisgarh";
    static final String STATE_HEADING_HI = "छत्तीसगढ़ शासन";
    private static final CertificateLabels.Bilingual NAME = new CertificateLabels.Bilingual("Name", "नाम");
    private static final CertificateLabels.Bilingual ADDRESS = new CertificateLabels.Bilingual("Address", "पता");
    private static final CertificateLabels.Bilingual ISSUED_ON =
            new CertificateLabels.Bilingual("Date of issue", "जारी करने की तिथि");
    private static final CertificateLabels.Bilingual APPROVED_BY =
            new CertificateLabels.Bilingual("Approved by", "अनुमोदन करने वाले अधिकारी");
    private static final CertificateLabels.Bilingual FEE_PAID = new CertificateLabels.Bilingual("Fee paid", "शुल्क जमा");
    private static final CertificateLabels.Bilingual RECEIPT = new CertificateLabels.Bilingual("receipt", "रसीद");
    private static final CertificateLabels.Bilingual YES = new CertificateLabels.Bilingual("Yes", "हाँ");
    private static final CertificateLabels.Bilingual NO = new CertificateLabels.Bilingual("No", "नहीं");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final int QR_PIXELS = 300;
    private static final float QR_POINTS = 96;
    private static final Color RULE = new Color(0x99, 0x99, 0x99);
    private static final Color LABEL_BACKGROUND = new Color(0xF2, 0xF2, 0xF2);
    private static final float MARGIN = 56;
    private static final float PADDING = 4;
    private static final float[] COLUMNS = {5, 7};
    /** Widths of the lines the text is set in: the page between the margins, and the table's two columns. */
    private static final float PAGE_LINE = PageSize.A4.getWidth() - 2 * MARGIN;
    private static final float LABEL_LINE = PAGE_LINE * COLUMNS[0] / (COLUMNS[0] + COLUMNS[1]) - 2 * PADDING;
    private static final float VALUE_LINE = PAGE_LINE * COLUMNS[1] / (COLUMNS[0] + COLUMNS[1]) - 2 * PADDING;

    private static final float STATE = 12;
    private static final float BODY = 16;
    private static final float DEPARTMENT = 10;
    private static final float TITLE = 20;
    private static final float NUMBER = 12;
    private static final float LABEL = 10;
    private static final float VALUE = 10;
    private static final float SMALL = 8;

    /**
     * What goes on the certificate. The Hindi names may be null (then the English one stands alone).
     *
     * @param department       issuing office, or null
     * @param holderParticular the particular that names the holder (printed once, as the first row, under that
     *                         particular's label), or null when the holder is the citizen who asked
     * @param particulars      type-specific facts by their camel-case key, printed in the order of the form's
     *                         fields ({@code labels}), then any other in the map's order
     * @param labels           what the type's particulars form calls the particulars and their choices
     */
    record Content(String bodyName, String bodyNameHi, String serviceName, String serviceNameHi, String department,
            String departmentHi, String certificateNumber, String holderParticular, String holderName,
            String address, Map<String, Object> particulars, CertificateLabels labels, LocalDate issuedOn,
            String approvedBy, String verificationUrl, List<PaidFee> feesPaid) {

        Content {
            feesPaid = feesPaid == null ? List.of() : List.copyOf(feesPaid);
        }

        /** A certificate of a request that paid no fee online. */
        Content(String bodyName, String bodyNameHi, String serviceName, String serviceNameHi, String department,
                String departmentHi, String certificateNumber, String holderParticular, String holderName,
                String address, Map<String, Object> particulars, CertificateLabels labels, LocalDate issuedOn,
                String approvedBy, String verificationUrl) {
            this(bodyName, bodyNameHi, serviceName, serviceNameHi, department, departmentHi, certificateNumber,
                    holderParticular, holderName, address, particulars, labels, issuedOn, approvedBy,
                    verificationUrl, List.of());
        }

        /** English names only, no labels from a form: the holder under "Name". */
        Content(String bodyName, String serviceName, String department, String certificateNumber, String holderName,
                String address, Map<String, Object> particulars, LocalDate issuedOn, String approvedBy,
                String verificationUrl) {
            this(bodyName, null, serviceName, null, department, null, certificateNumber, null, holderName, address,
                    particulars, CertificateLabels.NONE, issuedOn, approvedBy, verificationUrl);
        }
    }

    byte[] render(Content content) {
        Map<String, String> rows = rows(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, MARGIN, MARGIN, 36, 36);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(content.serviceName() + " " + content.certificateNumber());
            pdf.addSubject(content.serviceName());
            pdf.addCreator("Mitan local register");
            pdf.open();
            pdf.add(centred(STATE_HEADING_HI + " · " + STATE_HEADING, STATE, Weight.BOLD, 0));
            if (present(content.bodyNameHi())) {
                pdf.add(centred(content.bodyNameHi(), BODY, Weight.BOLD, 4));
            }
            pdf.add(centred(content.bodyName(), BODY, Weight.BOLD, 2));
            if (content.department() != null) {
                pdf.add(centred(both(content.department(), content.departmentHi()), DEPARTMENT, Weight.REGULAR,
                        2));
            }
            if (present(content.serviceNameHi())) {
                pdf.add(centred(content.serviceNameHi(), TITLE, Weight.BOLD, 18));
            }
            pdf.add(centred(content.serviceName(), TITLE, Weight.BOLD, present(content.serviceNameHi()) ? 2 : 18));
            Paragraph number = centred("प्रमाण पत्र संख्या / Certificate number: ", LABEL, Weight.BOLD, 10);
            number.add(CertificateFonts.phrase(content.certificateNumber(), NUMBER, Weight.BOLD, PAGE_LINE));
            pdf.add(number);
            pdf.add(table(rows));
            QrCodes.Grey code = QrCodes.grey(content.verificationUrl(), QR_PIXELS);
            Image qr = Image.getInstance(code.width(), code.height(), 1, 8, code.samples());
            qr.scaleAbsolute(QR_POINTS, QR_POINTS);
            qr.setAlignment(Image.ALIGN_CENTER);
            qr.setSpacingBefore(12);
            pdf.add(qr);
            pdf.add(centred("प्रमाण पत्र असली है या नहीं, यह जाँचने के लिए कोड स्कैन करें या यह पता खोलें:",
                    SMALL, Weight.REGULAR, 2));
            pdf.add(centred("Scan the code or open this address to check that the certificate is genuine:",
                    SMALL, Weight.REGULAR, 0));
            pdf.add(centred(content.verificationUrl(), VALUE, Weight.REGULAR, 2));
            pdf.add(centred("यह प्रमाण पत्र मुख्यमंत्री मितान योजना के माध्यम से इलेक्ट्रॉनिक रूप से जारी किया गया है और "
                    + "डिजिटल रूप से हस्ताक्षरित है।", SMALL, Weight.REGULAR, 18));
            pdf.add(centred("This certificate was issued electronically through Mukhyamantri Mitan Yojana and is "
                    + "digitally signed.", SMALL, Weight.REGULAR, 0));
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot render certificate " + content.certificateNumber(), e);
        } finally {
            if (pdf.isOpen()) {
                pdf.close();
            }
        }
        return out.toByteArray();
    }

    /** The table rows, every text checked to be printable before anything is drawn. */
    private static Map<String, String> rows(Content content) {
        printable("body name", content.bodyName());
        printable("service name", content.serviceName());
        printable("department", content.department());
        printable("Hindi body name", content.bodyNameHi());
        printable("Hindi service name", content.serviceNameHi());
        printable("Hindi department", content.departmentHi());
        printable("certificate number", content.certificateNumber());
        printable("verification URL", content.verificationUrl());
        CertificateLabels labels = content.labels();
        Map<String, String> rows = new LinkedHashMap<>();
        String holder = content.holderParticular();
        CertificateLabels.Bilingual holderLabel = holder == null ? NAME : labels.particular(holder).orElse(NAME);
        rows.put(printable("holder label", holderLabel.both()), printable("holder name", content.holderName()));
        rows.put(ADDRESS.both(), printable("address", content.address()));
        inFormOrder(content.particulars(), labels).forEach((key, value) -> {
            String shown = display(key, value, labels);
            if (!shown.isBlank() && !key.equals(holder)) {
                String label = labels.particular(key).map(CertificateLabels.Bilingual::both).orElse(label(key));
                rows.put(printable("particular name " + key, label), printable("particular " + key, shown));
            }
        });
        for (PaidFee fee : content.feesPaid()) {
            rows.put(printable("fee label", new CertificateLabels.Bilingual(FEE_PAID.en() + ": " + fee.label(),
                    fee.labelHi() == null ? null : FEE_PAID.hi() + ": " + fee.labelHi()).both()),
                    printable("fee receipt", "₹" + fee.rupees() + ", " + RECEIPT.both() + " "
                            + fee.receiptNumber()));
        }
        rows.put(ISSUED_ON.both(), DATE.format(content.issuedOn()));
        rows.put(APPROVED_BY.both(), printable("approving officer", content.approvedBy()));
        return rows;
    }

    /**
     * The particulars in the order of the fields of the type's particulars form, then any the form does not have in
     * the order given: the stored particulars come back from the database in its own key order (shortest key first).
     */
    static Map<String, Object> inFormOrder(Map<String, Object> particulars, CertificateLabels labels) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String field : labels.particulars().keySet()) {
            if (particulars.containsKey(field)) {
                ordered.put(field, particulars.get(field));
            }
        }
        particulars.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /** "English / हिंदी", or the English alone. */
    private static String both(String en, String hi) {
        return new CertificateLabels.Bilingual(en, hi).both();
    }

    /** A particular's value: a choice of the form as the form labels it ("Male / पुरुष"), else in words. */
    private static String display(String key, Object value, CertificateLabels labels) {
        if (value instanceof Boolean flag) {
            return (flag ? YES : NO).both();
        }
        if (value != null) {
            var choice = labels.choice(key, value.toString().strip());
            if (choice.isPresent()) {
                return choice.get().both();
            }
        }
        return display(value);
    }

    private static PdfPTable table(Map<String, String> rows) throws DocumentException {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setWidths(COLUMNS);
        table.setSpacingBefore(14);
        rows.forEach((label, value) -> {
            PdfPCell left = cell(label, LABEL, Weight.BOLD, LABEL_LINE);
            left.setBackgroundColor(LABEL_BACKGROUND);
            table.addCell(left);
            table.addCell(cell(value, VALUE, Weight.REGULAR, VALUE_LINE));
        });
        return table;
    }

    private static PdfPCell cell(String text, float size, Weight weight, float lineWidth) {
        PdfPCell cell = new PdfPCell(CertificateFonts.phrase(text, size, weight, lineWidth));
        cell.setPadding(PADDING);
        cell.setBorderColor(RULE);
        return cell;
    }

    private static Paragraph centred(String text, float size, Weight weight, float spacingBefore) {
        Paragraph paragraph = new Paragraph(CertificateFonts.phrase(text, size, weight, PAGE_LINE));
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    /** A particular's key for people: {@code dateOfBirth} becomes "Date of birth", {@code place_of_birth} too. */
    static String label(String key) {
        String spaced = key.strip()
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .replaceAll("[_\\-\\s]+", " ")
                .strip();
        if (spaced.isEmpty()) {
            return spaced;
        }
        StringBuilder words = new StringBuilder();
        for (String word : spaced.split(" ")) {
            boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
            words.append(words.isEmpty() ? "" : " ").append(acronym ? word : word.toLowerCase(Locale.ROOT));
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A particular's value for people: ISO dates as "15 January 2026", booleans as Yes/No. */
    static String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean flag) {
            return flag ? "Yes" : "No";
        }
        String text = value.toString().strip();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return DATE.format(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        return text;
    }

    private static String printable(String field, String text) {
        OptionalInt unprintable = CertificateFonts.unprintable(text);
        if (unprintable.isPresent()) {
            int codePoint = unprintable.getAsInt();
            throw new IllegalArgumentException("The certificate's " + field + " '" + text + "' has a character the "
                    + "certificate's fonts cannot print: '" + new String(Character.toChars(codePoint)) + "' (U+"
                    + "%04X".formatted(codePoint) + "). Correct it in Latin letters or Devanagari and retry the job.");
        }
        return text == null ? "" : text;
    }
}
