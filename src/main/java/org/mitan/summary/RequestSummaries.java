package org.mitan.summary;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.CertificateType;
import org.mitan.certificate.Certificate;
import org.mitan.certificate.CertificateRepository;
import org.mitan.certificate.Corrections;
import org.mitan.document.Document;
import org.mitan.document.DocumentRepository;
import org.mitan.document.DocumentReturnRepository;
import org.mitan.document.RequiredDocument;
import org.mitan.document.RequiredDocuments;
import org.mitan.document.ReturnedScans;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.numbering.StateCalendar;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;
import org.mitan.text.Markdown;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/**
 * A request as an officer needs to see it in a Tasklist form: who and where, the particulars, links to the
 * scans (named as the {@code required-documents} decision names them, those taken after the clerk's last return marked
 * new and those they replaced marked so), earlier remarks and, once issued, the certificate. Markdown, shown by a
 * form's text view; its headings and labels in English with the Hindi in brackets, as the forms' own labels, and the
 * names of the type, the body and each scan in both languages.
 */
@Service
class RequestSummaries {

    /** Variables whose names end so hold an officer's or a Mitan's remarks in their own words. */
    static final String REMARKS = "Remarks";
    /** Variables whose names end so hold the finding chosen on a form, e.g. {@code supported}. */
    static final String FINDING = "Finding";
    /** A form's choice value, e.g. {@code notSupported}. */
    private static final Pattern CHOICE = Pattern.compile("[a-z][A-Za-z0-9]*");
    /** The visit windows as the registration form offers them. */
    private static final Map<VisitWindow, String> WINDOWS = Map.of(VisitWindow.MORNING, "Morning (सुबह)",
            VisitWindow.AFTERNOON, "Afternoon (दोपहर)", VisitWindow.EVENING, "Evening (शाम)");
    /** Where a request stands, in Hindi. */
    private static final Map<RequestStatus, String> STATUS_HI = Map.ofEntries(
            Map.entry(RequestStatus.REGISTERED, "पंजीकृत"), Map.entry(RequestStatus.MITAN_ASSIGNED, "मितान नियुक्त"),
            Map.entry(RequestStatus.DOCUMENTS_VERIFIED, "दस्तावेज़ सत्यापित"),
            Map.entry(RequestStatus.UNDER_SCRUTINY, "जाँच में"),
            Map.entry(RequestStatus.SUBMITTED, "सिंगल विंडो पर दाखिल"), Map.entry(RequestStatus.APPROVED, "स्वीकृत"),
            Map.entry(RequestStatus.CERTIFICATE_ISSUED, "प्रमाण पत्र जारी"),
            Map.entry(RequestStatus.OUT_FOR_DELIVERY, "घर पहुँचाने के लिए निकला"),
            Map.entry(RequestStatus.DELIVERED, "सौंपा गया"), Map.entry(RequestStatus.REJECTED, "अस्वीकृत"),
            Map.entry(RequestStatus.CLOSED, "बंद"));
    /** When documents were returned, as the state's officers read a time. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(StateCalendar.ZONE);

    private final Requests requests;
    private final Catalogue types;
    private final UrbanBodyRepository bodies;
    private final DocumentRepository documents;
    private final DocumentReturnRepository returns;
    private final RequiredDocuments requiredDocuments;
    private final CertificateRepository certificates;
    private final Corrections corrections;

    RequestSummaries(Requests requests, Catalogue types, UrbanBodyRepository bodies,
            DocumentRepository documents, DocumentReturnRepository returns, RequiredDocuments requiredDocuments,
            CertificateRepository certificates, Corrections corrections) {
        this.requests = requests;
        this.types = types;
        this.bodies = bodies;
        this.documents = documents;
        this.returns = returns;
        this.requiredDocuments = requiredDocuments;
        this.certificates = certificates;
        this.corrections = corrections;
    }

    /**
     * The summary of the request; {@code variables} are the process variables the task sees, of which those that
     * record an earlier step's outcome in words are shown: every variable whose name ends in {@value #REMARKS} or
     * {@value #FINDING} ({@code visitRemarks}, {@code scrutinyRemarks}, {@code inquiryFinding}...), so that a model
     * whose officers write findings and remarks shows them to the next officer without a change here.
     */
    String markdown(String requestNumber, Map<String, ?> variables) {
        ServiceRequest request = requests.require(requestNumber);
        String serviceName = types.type(request.getCertificateType()).map(CertificateType::names)
                .map(names -> bothNames(names.en(), names.hi())).orElse(request.getCertificateType());
        String body = bodies.findById(request.getBodyCode()).map(found -> found.getNameEn() + " ("
                + (found.getNameHi() == null || found.getNameHi().isBlank() ? "" : found.getNameHi() + ", ")
                + request.getBodyCode() + ")").orElse(request.getBodyCode());

        StringBuilder md = new StringBuilder();
        md.append("### Request ").append(request.getRequestNumber()).append(": ").append(inline(serviceName))
                .append("\n\n");
        md.append("- **Urban body (नगरीय निकाय):** ").append(inline(body)).append(", ward (वार्ड) ")
                .append(request.getWard()).append('\n');
        md.append("- **Citizen (नागरिक):** ").append(inline(request.getCitizenName())).append('\n');
        md.append("- **Address (पता):** ").append(inline(request.getAddress())).append('\n');
        md.append("- **Preferred visit window (मुलाकात का समय):** ")
                .append(WINDOWS.get(request.getPreferredVisitWindow())).append('\n');
        md.append("- **Status (स्थिति):** ").append(words(request.getStatus().name())).append(" (")
                .append(STATUS_HI.get(request.getStatus())).append(")\n\n");

        corrections.comparison(request).ifPresent(md::append);

        md.append("#### Particulars (विवरण)\n\n");
        Map<String, Object> particulars = request.getParticulars();
        if (particulars.isEmpty()) {
            md.append("None recorded yet. (अभी कुछ दर्ज नहीं।)\n");
        } else {
            new TreeMap<>(particulars).forEach((name, value) -> md.append("- **").append(inline(label(name)))
                    .append(":** ").append(value == null ? "" : inline(value.toString())).append('\n'));
        }
        md.append('\n');

        md.append("#### Documents (दस्तावेज़)\n\n");
        List<Document> scans = documents.findByRequestIdOrderByUploadedAtAsc(request.getId());
        if (scans.isEmpty()) {
            md.append("None uploaded yet. (अभी कुछ अपलोड नहीं।)\n");
        } else {
            Map<String, String> labels = RequiredDocuments.onPath(
                    requiredDocuments.forType(request.getCertificateType()), request).stream()
                    .collect(Collectors.toMap(RequiredDocument::documentType, RequiredDocument::names,
                            (first, second) -> first));
            ReturnedScans returned = ReturnedScans.of(returns, request.getId(), scans);
            returned.lastReturn().ifPresent(at -> md.append("Returned to the Mitan on ").append(WHEN.format(at))
                    .append(" IST; the scans taken since are marked new. (मितान को लौटाया गया; इसके बाद लिए गए")
                    .append(" स्कैन ‘नया’ चिह्नित हैं।)\n\n"));
            for (Document scan : scans) {
                String label = labels.getOrDefault(scan.getDocumentType(), scan.getDocumentType());
                md.append("- [").append(inline(label)).append(" (").append(scan.getContentType())
                        .append(", ").append(size(scan.getSizeBytes())).append(")](/api/documents/")
                        .append(scan.getId()).append("/content)").append(mark(returned.stateOf(scan))).append('\n');
            }
        }

        Map<String, String> notes = earlierNotes(variables);
        if (!notes.isEmpty()) {
            md.append("\n#### Earlier findings and remarks (पहले के निष्कर्ष और टिप्पणियाँ)\n\n");
            notes.forEach((name, text) -> md.append("- **").append(inline(label(name))).append(":** ")
                    .append(inline(text)).append('\n'));
        }

        Optional<Certificate> certificate = certificates.findByRequestId(request.getId());
        certificate.ifPresent(issued -> md.append("\n#### Certificate (प्रमाण पत्र)\n\n- [")
                .append(inline(issued.getCertificateNumber())).append(" (PDF)](")
                .append(certificatePdfPath(issued.getCertificateNumber())).append(")\n"));
        return md.toString();
    }

    /** What a scan is since the clerk's last return, after its link; nothing for a scan as it was. */
    static String mark(ReturnedScans.State state) {
        return switch (state) {
            case NEW -> " — **New: taken after the return (नया)**";
            case REPLACED -> " — Replaced: returned, and a new scan was taken (बदला गया)";
            case RETURNED -> " — **Returned: not taken again yet (लौटाया गया, नया स्कैन नहीं)**";
            case CURRENT -> "";
        };
    }

    /**
     * {@code /api/certificates/RPR/BIRTH/2026/000001/pdf}: the slashes of a certificate number stay slashes (the
     * controller takes the rest of the path, and the firewall refuses an encoded slash); anything else that is not
     * safe in a path is encoded segment by segment.
     */
    static String certificatePdfPath(String certificateNumber) {
        return "/api/certificates/" + Arrays.stream(certificateNumber.split("/", -1))
                .map(segment -> UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8))
                .collect(Collectors.joining("/")) + "/pdf";
    }

    /**
     * The findings and remarks among the variables, by name: text, numbers and yes/no only, blank ones left out. A
     * finding is a choice on a form ({@code notSupported}) and reads as words ("Not supported"); remarks are shown as
     * written.
     */
    static Map<String, String> earlierNotes(Map<String, ?> variables) {
        Map<String, String> notes = new TreeMap<>();
        if (variables == null) {
            return notes;
        }
        variables.forEach((name, value) -> {
            boolean finding = name.endsWith(FINDING) && name.length() > FINDING.length();
            boolean remarks = name.endsWith(REMARKS) && name.length() > REMARKS.length();
            if ((finding || remarks) && (value instanceof CharSequence || value instanceof Number
                    || value instanceof Boolean) && !value.toString().isBlank()) {
                String text = value.toString().strip();
                notes.put(name, finding && CHOICE.matcher(text).matches() ? label(text) : text);
            }
        });
        return notes;
    }

    /** "Raipur (रायपुर)": the English name, with the Hindi in brackets when there is one. */
    private static String bothNames(String english, String hindi) {
        return hindi == null || hindi.isBlank() || hindi.equals(english) ? english : english + " (" + hindi + ")";
    }

    /** One line of typed text, escaped for markdown ({@link Markdown#inline}). */
    static String inline(String text) {
        return Markdown.inline(text);
    }

    /** {@code dateOfBirth} as "Date of birth". */
    static String label(String camelCase) {
        String spaced = camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String words(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
