package org.mitan.certificate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.mitan.catalogue.ParticularsRules;
import org.mitan.document.Document;
import org.mitan.document.DocumentRepository;
import org.mitan.document.RequiredDocument;
import org.mitan.document.RequiredDocuments;
import org.mitan.numbering.StateCalendar;
import org.mitan.process.ProcessVariables;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.singlewindow.ParticularsFormLabels;
import org.mitan.text.Excerpt;
import org.mitan.text.Markdown;
import org.mitan.text.PrintableCharacters;
import org.mitan.text.TypedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of the register, for every correction type alike. The register is the certificates: each prints one
 * version of a register entry, the particulars of the request it was issued for. A correction request
 * <ol>
 * <li>names the certificate to correct by its number ({@link #link}): it must be in the register, of the type the
 * correction type corrects, issued by the request's urban body and not superseded; the request then links to it and
 * starts from a copy of its entry;</li>
 * <li>asks for changes ({@link #ask}): entry, value asked for, reason; the value in the register is taken from it,
 * never typed; the type's {@code <key>-rules} decision says per change whether it is clerical or of substance, and
 * what documents it requires (an affidavit);</li>
 * <li>once approved, is issued a certificate of its own (see {@code CertificateService#issue}) that supersedes the
 * old one: the old row is never changed, and the chain of versions is the chain of {@code supersedes_id}.</li>
 * </ol>
 */
@Service
public class Corrections {

    /** A number as a person writes one: up to 15 digits, and up to 6 after the point; no exponent. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

    static final String LINKED = "CORRECTION_OF";
    static final String ASKED = "CORRECTION_ASKED";
    static final String CORRECTED = "REGISTER_CORRECTED";
    static final String ENTERED_FROM_PAPER = "ENTERED_FROM_PAPER";
    /** The document type of the scan of the certificate to correct (the paper the citizen holds). */
    static final String PAPER_SCAN = "certificate-copy";
    static final String SUPERSEDED = "SUPERSEDED";
    /** The longest certificate number the register keeps (its columns, Flyway V1 and V19, are varchar(64)). */
    static final int MAX_NUMBER_LENGTH = 64;

    private final ServiceRequestRepository requests;
    private final Requests progress;
    private final CertificateRepository certificates;
    private final CorrectionChangeRepository changes;
    private final PaperRegisterEntryRepository paperEntries;
    private final CorrectionRules rules;
    private final ParticularsRules particularsRules;
    private final PrintableCharacters printable;
    private final ParticularsFormLabels labels;
    private final DocumentRepository documents;
    private final RequiredDocuments requiredDocuments;
    private final Clock clock;

    Corrections(ServiceRequestRepository requests, Requests progress, CertificateRepository certificates,
            CorrectionChangeRepository changes, PaperRegisterEntryRepository paperEntries, CorrectionRules rules,
            ParticularsRules particularsRules, PrintableCharacters printable, ParticularsFormLabels labels,
            DocumentRepository documents, RequiredDocuments requiredDocuments, Clock clock) {
        this.requests = requests;
        this.progress = progress;
        this.certificates = certificates;
        this.changes = changes;
        this.paperEntries = paperEntries;
        this.rules = rules;
        this.particularsRules = particularsRules;
        this.printable = printable;
        this.labels = labels;
        this.documents = documents;
        this.requiredDocuments = requiredDocuments;
        this.clock = clock;
    }

    /** One change as the form asks it. */
    record Asked(String field, String newValue, String reason) {
    }

    /**
     * What the rules made of the asked changes.
     *
     * @param kind             {@code substance} when any change is of substance, else {@code clerical}
     * @param missingDocuments the labels of the documents the changes require that are not uploaded yet
     */
    record Outcome(String kind, List<String> missingDocuments) {
    }

    /**
     * Links the correction request to the certificate it corrects and starts its entry as a copy of the
     * certificate's; refused, naming the form field, when the certificate cannot be corrected by this request.
     * With {@code onPaper}, the number is an older paper certificate's, the request's urban body's own: not in the
     * register, so the clerk enters the entry it refers to from the scan ({@link #enterFromPaper}); one entered from
     * paper before is linked as it is. An entry another open request corrects is refused: one correction at a time.
     *
     * @return the number as it is kept, and whether the clerk must enter the entry from paper
     */
    @Transactional
    Named link(String requestNumber, String certificateNumber, String correctsType, boolean onPaper, String actor) {
        ServiceRequest request = progress.require(requestNumber);
        String number = certificateNumber == null ? "" : certificateNumber.strip().toUpperCase(Locale.ROOT);
        String field = ProcessVariables.CERTIFICATE_TO_CORRECT;
        if (number.isEmpty()) {
            throw new CorrectionRefused(field, "Type the number printed on the certificate, e.g. RPR/BIRTH/2026/000001."
                    + " / प्रमाण पत्र पर छपी संख्या लिखें।");
        }
        checkNumber(field, number);
        Optional<Certificate> inRegister = certificates.findByCertificateNumber(number);
        if (inRegister.isEmpty()) {
            if (!onPaper) {
                throw new CorrectionRefused(field, "No certificate in the register has the number " + number + ". Check"
                        + " the number on the paper; for an older paper certificate tick \"paper certificate\". /"
                        + " रजिस्टर में इस संख्या का कोई प्रमाण पत्र नहीं है। संख्या जाँचें; पुराने कागज़ी प्रमाण पत्र के लिए"
                        + " \"कागज़ी प्रमाण पत्र\" चुनें।");
            }
            return linkPaper(request, number, correctsType, actor);
        }
        if (onPaper) {
            throw new CorrectionRefused(ProcessVariables.PAPER_CERTIFICATE, number + " is in our register: untick"
                    + " \"paper certificate\". / यह प्रमाण पत्र रजिस्टर में है।");
        }
        Certificate certificate = inRegister.get();
        if (!certificate.getCertificateType().equals(correctsType)) {
            throw new CorrectionRefused(field, number + " is a certificate of another kind (" + certificate
                    .getCertificateType() + "); this request corrects " + correctsType + " certificates: register a"
                    + " request for the right correction. / यह दूसरे प्रकार का प्रमाण पत्र है।");
        }
        checkBody(field, number, certificate.getBodyCode(), request);
        certificates.lockById(certificate.getId());
        checkNotSuperseded(field, number, certificates.findBySupersedesId(certificate.getId()));
        checkNoOtherCorrection(field, number, requests.otherOpenCorrectionsOfCertificate(certificate.getId(),
                request.getId()));
        if (!certificate.getId().equals(request.getCorrectsCertificateId())) {
            changes.deleteByRequestId(request.getId());
        }
        request.correct(certificate.getId(), Instant.now(clock));
        request.setParticulars(new LinkedHashMap<>(entryOf(certificate)));
        requests.save(request);
        progress.record(request, LINKED, actor, "Corrects certificate " + number + " (entry version "
                + certificate.getEntryVersion() + ")");
        return new Named(number, false);
    }

    /**
     * A number as printed: one line of at most {@link #MAX_NUMBER_LENGTH} characters, nothing in it that is not text
     * ({@link TypedText}). Checked before the register is searched for it or it is kept.
     */
    private static void checkNumber(String field, String number) {
        Optional<String> refusal = number.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')
                ? Optional.of("contains a tab or a line break; type the number on one line, as printed")
                : TypedText.refusal(number, false);
        refusal.ifPresent(wrong -> {
            throw new CorrectionRefused(field, field + " " + wrong + ". / संख्या वैसी ही लिखें जैसी छपी है।");
        });
        if (number.codePointCount(0, number.length()) > MAX_NUMBER_LENGTH) {
            throw new CorrectionRefused(field, field + " must be at most " + MAX_NUMBER_LENGTH + " characters, the"
                    + " number as printed (e.g. RPR/BIRTH/2026/000001). / संख्या अधिकतम " + MAX_NUMBER_LENGTH
                    + " अक्षर की हो।");
        }
    }

    /** The number named and whether the clerk must enter its entry from the paper certificate. */
    record Named(String number, boolean toEnterFromPaper) {
    }

    private Named linkPaper(ServiceRequest request, String number, String correctsType, String actor) {
        String field = ProcessVariables.CERTIFICATE_TO_CORRECT;
        if (scanOfThePaper(request).isEmpty()) {
            throw new CorrectionRefused(field, "Scan the paper certificate first (document \"" + PAPER_SCAN + "\"), "
                    + "then name it. / पहले कागज़ी प्रमाण पत्र स्कैन करें।");
        }
        paperEntries.awaitEntering(correctsType, request.getBodyCode(), number);
        Optional<PaperRegisterEntry> entered = paperEntries.findEntry(correctsType, request.getBodyCode(), number);
        Instant now = Instant.now(clock);
        if (entered.isPresent()) {
            PaperRegisterEntry paper = entered.get();
            checkNotSuperseded(field, number, certificates.findBySupersedesPaperEntryId(paper.getId()));
            checkNoOtherCorrection(field, number, requests.otherOpenCorrectionsOfPaperEntry(paper.getId(),
                    request.getId()));
            if (!paper.getId().equals(request.getCorrectsPaperEntryId())) {
                changes.deleteByRequestId(request.getId());
            }
            request.correctPaperEntry(paper.getId(), now);
            request.setParticulars(new LinkedHashMap<>(paper.getParticulars()));
            requests.save(request);
            progress.record(request, LINKED, actor, "Corrects the paper certificate " + number
                    + " (entered from paper by " + paper.getEnteredBy() + ")");
            return new Named(number, false);
        }
        changes.deleteByRequestId(request.getId());
        request.correctPaperEntry(null, now);
        requests.save(request);
        progress.record(request, LINKED, actor, "Corrects the paper certificate " + number
                + ", not in the register: the clerk enters it from the scan");
        return new Named(number, true);
    }

    /**
     * The clerk's entry of an older paper certificate: the particulars just recorded on the request (read from the
     * scan) become a register entry marked as entered from paper, with the scan, who and when; the request corrects it.
     * When another request's clerk entered the same paper certificate since this request named it, the request
     * corrects that entry instead ({@link #enteredMeanwhile}).
     *
     * @return the number of the certificate the request now corrects
     */
    @Transactional
    String enterFromPaper(String requestNumber, String certificateNumber, String correctsType, String actor) {
        ServiceRequest request = progress.require(requestNumber);
        Document scan = scanOfThePaper(request).orElseThrow(() -> new IllegalStateException("Request "
                + requestNumber + " has no scan of the paper certificate (" + PAPER_SCAN + ")"));
        if (request.getParticulars().isEmpty()) {
            throw new IllegalStateException("Request " + requestNumber + " has no particulars to enter from paper");
        }
        paperEntries.awaitEntering(correctsType, request.getBodyCode(), certificateNumber);
        Optional<PaperRegisterEntry> entered = paperEntries.findEntry(correctsType, request.getBodyCode(),
                certificateNumber);
        if (entered.isPresent()) {
            return enteredMeanwhile(request, entered.get(), actor);
        }
        PaperRegisterEntry paper = paperEntries.save(new PaperRegisterEntry(certificateNumber, correctsType,
                request.getBodyCode(), request.getParticulars(), scan.getId(), actor, Instant.now(clock)));
        request.correctPaperEntry(paper.getId(), Instant.now(clock));
        requests.save(request);
        progress.record(request, ENTERED_FROM_PAPER, actor, "Entry of the paper certificate " + certificateNumber
                + " entered from the scan " + scan.getId());
        return certificateNumber;
    }

    /**
     * Two requests named the same paper certificate before either was entered, and the other request's clerk entered
     * it first. It is one certificate, so one entry of the register: this request corrects the entry as it was
     * entered (this clerk's reading of the scan is not kept) or, when a correction has superseded it since, the
     * entry's latest version, as a Mitan naming the paper certificate now would be told to. While another request
     * still corrects that entry, the clerk is refused and completes the task again once that request is decided.
     */
    private String enteredMeanwhile(ServiceRequest request, PaperRegisterEntry paper, String actor) {
        String number = paper.getCertificateNumber();
        String field = ProcessVariables.CERTIFICATE_TO_CORRECT;
        String entered = "entered from paper by " + paper.getEnteredBy() + " at " + paper.getEnteredAt()
                + "; this request's reading of the scan is not kept";
        Instant now = Instant.now(clock);
        Optional<Certificate> newer = certificates.findBySupersedesPaperEntryId(paper.getId());
        if (newer.isEmpty()) {
            checkNoOtherCorrectionWhileEntering(field, number, requests.otherOpenCorrectionsOfPaperEntry(paper.getId(),
                    request.getId()));
            request.correctPaperEntry(paper.getId(), now);
            request.setParticulars(new LinkedHashMap<>(paper.getParticulars()));
            requests.save(request);
            progress.record(request, LINKED, actor, "Corrects the paper certificate " + number + ", " + entered);
            return number;
        }
        Certificate latest = newer.get();
        for (Optional<Certificate> next = certificates.findBySupersedesId(latest.getId()); next.isPresent();
                next = certificates.findBySupersedesId(latest.getId())) {
            latest = next.get();
        }
        certificates.lockById(latest.getId());
        checkNoOtherCorrectionWhileEntering(field, latest.getCertificateNumber(),
                requests.otherOpenCorrectionsOfCertificate(latest.getId(), request.getId()));
        request.correct(latest.getId(), now);
        request.setParticulars(new LinkedHashMap<>(entryOf(latest)));
        requests.save(request);
        progress.record(request, LINKED, actor, "Corrects certificate " + latest.getCertificateNumber() + " (entry"
                + " version " + latest.getEntryVersion() + "), which supersedes the paper certificate " + number + ", "
                + entered);
        return latest.getCertificateNumber();
    }

    private Optional<Document> scanOfThePaper(ServiceRequest request) {
        return documents.findByRequestIdOrderByUploadedAtAsc(request.getId()).stream()
                .filter(document -> PAPER_SCAN.equals(document.getDocumentType())).reduce((first, second) -> second);
    }

    private static void checkBody(String field, String number, String bodyCode, ServiceRequest request) {
        if (!bodyCode.equals(request.getBodyCode())) {
            throw new CorrectionRefused(field, number + " was issued by the urban body " + bodyCode
                    + "; only the body that registered it corrects it: register the request with " + bodyCode
                    + ". / इसे जारी करने वाला निकाय ही सुधार करता है।");
        }
    }

    /**
     * One correction at a time per register entry (V22's indexes): approved after another, a second correction would
     * change a version that is no longer the latest. Refused where the Mitan names the entry.
     */
    private static void checkNoOtherCorrection(String field, String number, List<String> open) {
        if (!open.isEmpty()) {
            throw new CorrectionRefused(field, "Request " + open.get(0) + " is already correcting " + number
                    + ", and an entry of the register is corrected by one request at a time: ask the citizen to wait"
                    + " until " + open.get(0) + " is decided, then name the certificate again. / अनुरोध "
                    + open.get(0) + " में इस प्रमाण पत्र का सुधार पहले से चल रहा है; उसके निर्णय के बाद फिर से लिखें।");
        }
    }

    /** As {@link #checkNoOtherCorrection}, where the clerk enters a paper certificate another request named too. */
    private static void checkNoOtherCorrectionWhileEntering(String field, String number, List<String> open) {
        if (!open.isEmpty()) {
            throw new CorrectionRefused(field, number + " was entered meanwhile for request " + open.get(0)
                    + ", which is correcting it now, and an entry of the register is corrected by one request at a"
                    + " time: complete this task again once " + open.get(0) + " is decided. / अनुरोध " + open.get(0)
                    + " में इसका सुधार चल रहा है; उसके निर्णय के बाद यह कार्य फिर से पूरा करें।");
        }
    }

    private static void checkNotSuperseded(String field, String number, Optional<Certificate> newer) {
        if (newer.isPresent()) {
            throw new CorrectionRefused(field, number + " was corrected already and is superseded by "
                    + newer.get().getCertificateNumber() + ": correct that one. / यह प्रमाण पत्र "
                    + newer.get().getCertificateNumber() + " द्वारा प्रतिस्थापित है: उसका सुधार करें।");
        }
    }

    /** The number of the certificate the request corrects, once named. */
    @Transactional(readOnly = true)
    Optional<String> linkedNumber(String requestNumber) {
        return entry(progress.require(requestNumber)).map(Entry::number);
    }

    /** The entries the form may change, as select options {label, value}, in the type's form order. */
    @Transactional(readOnly = true)
    List<Map<String, String>> correctableFields(String requestNumber) {
        Entry certificate = entry(progress.require(requestNumber)).orElseThrow(() ->
                new IllegalStateException("Request " + requestNumber + " names no certificate to correct yet"));
        Map<String, Object> entry = certificate.particulars();
        List<Map<String, String>> options = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (ParticularsFormLabels.Particular particular : labels.particularsOf(certificate.type())) {
            if (entry.containsKey(particular.name()) && listed.add(particular.name())) {
                options.add(Map.of("label", particular.label().form(), "value", particular.name()));
            }
        }
        entry.keySet().stream().filter(listed::add).forEach(name -> options.add(Map.of("label", name, "value", name)));
        return options;
    }

    /** The changes asked so far, in their slots' order. */
    @Transactional(readOnly = true)
    List<CorrectionChange> asked(String requestNumber) {
        return changes.findByRequestIdOrderByPositionAsc(progress.require(requestNumber).getId());
    }

    /**
     * Takes the asked changes (replacing any asked before): each checked against the register entry, judged by the
     * type's rules and stored with the value the register holds; the request's entry becomes the register's with the
     * changes made. Refused, naming the slot's field, when a change is incomplete, names no entry, asks for what the
     * register already says, or a value the entry cannot hold; and, as the particulars are where they are entered,
     * when the certificate cannot print the value ({@link PrintableCharacters}) or the entry with the changes made
     * breaks a row of the corrected type's {@code <key>-particulars-rules} ({@link ParticularsRules}, e.g. a groom
     * under 21 on the date of marriage).
     */
    @Transactional
    Outcome ask(String requestNumber, List<Asked> asked, String actor) {
        ServiceRequest request = progress.require(requestNumber);
        Entry certificate = entry(request).orElseThrow(() -> new IllegalStateException(
                "Request " + requestNumber + " names no certificate to correct yet"));
        Map<String, Object> entry = certificate.particulars();
        Map<String, ParticularsFormLabels.Particular> known = labels.particularsOf(certificate.type())
                .stream().collect(Collectors.toMap(ParticularsFormLabels.Particular::name, p -> p, (a, b) -> a));
        Instant now = Instant.now(clock);
        Map<String, Object> corrected = new LinkedHashMap<>(entry);
        List<CorrectionChange> rows = new ArrayList<>();
        for (int slot = 0; slot < asked.size(); slot++) {
            Asked change = asked.get(slot);
            List<String> keys = ProcessVariables.CHANGE_SLOTS.get(slot);
            boolean empty = blank(change.field()) && blank(change.newValue()) && blank(change.reason());
            if (empty && slot > 0) {
                continue;
            }
            if (blank(change.field())) {
                throw new CorrectionRefused(keys.get(0), "Choose the entry to correct. / सुधारी जाने वाली प्रविष्टि चुनें।");
            }
            String field = change.field().strip();
            if (!entry.containsKey(field)) {
                throw new CorrectionRefused(keys.get(0), Excerpt.quoted(field) + " is not an entry of certificate "
                        + certificate.number() + ": choose one of the list. / सूची में से प्रविष्टि चुनें।");
            }
            if (rows.stream().anyMatch(row -> row.getField().equals(field))) {
                throw new CorrectionRefused(keys.get(0), "This entry is asked for twice: ask once, with the value it"
                        + " should have. / यह प्रविष्टि दो बार माँगी गई है।");
            }
            if (blank(change.newValue())) {
                throw new CorrectionRefused(keys.get(1), "Write the value the entry should have. / सही मान लिखें।");
            }
            if (blank(change.reason())) {
                throw new CorrectionRefused(keys.get(2), "Say why the entry is wrong (e.g. as in the school record). /"
                        + " प्रविष्टि गलत क्यों है, लिखें।");
            }
            for (int i = 1; i <= 2; i++) {
                String text = i == 1 ? change.newValue() : change.reason();
                String key = keys.get(i);
                if (text.strip().length() > 500) {
                    throw new CorrectionRefused(key, "At most 500 characters. / अधिकतम 500 अक्षर।");
                }
                boolean printed = i == 1; // the new value goes on the certificate; the reason does not
                TypedText.refusal(text, false).or(() -> printed ? printable.refusal(text) : Optional.empty())
                        .ifPresent(refusal -> {
                            throw new CorrectionRefused(key, key + " " + refusal + ".");
                        });
            }
            Object old = entry.get(field);
            Object value = valueFor(field, old, change.newValue().strip(), known.get(field), keys.get(1));
            String oldText = old == null ? null : old.toString();
            if (value.toString().equals(oldText)) {
                throw new CorrectionRefused(keys.get(1), "The register already says " + display(certificate, field,
                        oldText) + ": nothing to correct. / रजिस्टर में यही मान पहले से है।");
            }
            corrected.put(field, value);
            rows.add(new CorrectionChange(request.getId(), slot + 1, field, oldText, value.toString(),
                    change.reason().strip(), rules.judge(request.getCertificateType(), field, oldText,
                            value.toString()), actor, now));
        }
        checkRules(certificate, corrected, rows);
        changes.deleteByRequestId(request.getId());
        changes.saveAll(rows);
        boolean substance = rows.stream().anyMatch(row -> CorrectionChange.SUBSTANCE.equals(row.getKind()));
        List<String> needed = rows.stream().flatMap(row -> row.getDocuments().stream()).distinct().toList();
        String kind = substance ? CorrectionChange.SUBSTANCE : CorrectionChange.CLERICAL;
        request.setParticulars(corrected);
        request.choosePath(kind, needed, now);
        requests.save(request);
        progress.record(request, ASKED, actor, rows.size() + " change(s) of " + certificate.number()
                + ", " + kind + ": " + rows.stream().map(row -> row.getField() + " (" + row.getKind() + ")")
                        .collect(Collectors.joining(", ")));
        return new Outcome(kind, missing(request, needed));
    }

    /**
     * The corrected type's rules on its particulars, on the entry as it stands with the changes made: the first row
     * it breaks, and did not break before the changes, is refused on the value of the change to the entry the row
     * names or, when no change is to that entry (another date of marriage makes the groom too young), of the first
     * change, naming the entry. A row the register's entry broke already (an old paper certificate copied as printed)
     * refuses no change that leaves it as it was.
     */
    private void checkRules(Entry certificate, Map<String, Object> corrected, List<CorrectionChange> rows) {
        List<ParticularsRules.Broken> before = particularsRules.broken(certificate.type(), certificate.particulars());
        particularsRules.broken(certificate.type(), corrected).stream().filter(broken -> !before.contains(broken))
                .findFirst().ifPresent(broken -> {
            Optional<CorrectionChange> changed = rows.stream().filter(row -> row.getField().equals(broken.field()))
                    .findFirst();
            int position = changed.or(() -> rows.stream().findFirst()).map(CorrectionChange::getPosition).orElse(1);
            String key = ProcessVariables.CHANGE_SLOTS.get(position - 1).get(1);
            throw new CorrectionRefused(key, key + ": " + (changed.isPresent() ? ""
                    : "with this change, " + label(certificate, broken.field()) + ": ") + broken.sentence());
        });
    }

    /**
     * For the officers' request summary: the certificate corrected and, side by side, what the register says and what
     * is asked, with the reasons and the rule each change falls under, in English and Hindi. Empty for a request that
     * corrects nothing.
     */
    @Transactional(readOnly = true)
    public Optional<String> comparison(ServiceRequest request) {
        Optional<Entry> corrected = entry(request);
        if (corrected.isEmpty()) {
            return Optional.empty();
        }
        Entry certificate = corrected.get();
        List<CorrectionChange> rows = changes.findByRequestIdOrderByPositionAsc(request.getId());
        StringBuilder md = new StringBuilder("#### Correction of the register (रजिस्टर में सुधार)\n\n");
        md.append("- **Certificate to correct (सुधारा जाने वाला प्रमाण पत्र):** ")
                .append(Markdown.inline(certificate.number())).append(", entry version (प्रविष्टि संस्करण) ")
                .append(certificate.version()).append('\n');
        if (certificate.paper() != null) {
            md.append("- **Entered from paper (कागज़ी प्रमाण पत्र से दर्ज):** by ")
                    .append(Markdown.inline(certificate.paper().getEnteredBy())).append(", [scan of the paper certificate"
                            + " (कागज़ी प्रमाण पत्र का स्कैन)](/api/documents/").append(certificate.paper().getScanDocumentId())
                    .append("/content)\n");
        }
        if (rows.isEmpty()) {
            md.append("- No changes asked yet (अभी कोई सुधार नहीं माँगा गया)\n\n");
            return Optional.of(md.toString());
        }
        boolean substance = rows.stream().anyMatch(row -> CorrectionChange.SUBSTANCE.equals(row.getKind()));
        md.append("- **Kind (प्रकार):** ").append(substance
                ? "change of substance: affidavit and the higher authority's approval needed (सारभूत परिवर्तन: शपथ पत्र"
                        + " और उच्च अधिकारी की स्वीकृति आवश्यक)"
                : "clerical: the registrar corrects (लिपिकीय त्रुटि: रजिस्ट्रार सुधार करते हैं)").append("\n\n");
        md.append("| Entry (प्रविष्टि) | In the register (रजिस्टर में) | Asked for (माँगा गया) | Reason (कारण) | Rule (नियम) |\n");
        md.append("|---|---|---|---|---|\n");
        for (CorrectionChange row : rows) {
            md.append("| ").append(Markdown.inline(label(certificate, row.getField())))
                    .append(" | ").append(Markdown.inline(display(certificate, row.getField(), row.getOldValue())))
                    .append(" | **").append(Markdown.inline(display(certificate, row.getField(), row.getNewValue())))
                    .append("** | ").append(Markdown.inline(row.getReason()))
                    .append(" | ").append(Markdown.inline(kindWords(row.getKind()) + ": " + row.getRule()
                            + (row.getRuleHi().isBlank() ? "" : " (" + row.getRuleHi() + ")")))
                    .append(" |\n");
        }
        md.append('\n');
        return Optional.of(md.toString());
    }

    /**
     * Records in both requests' milestones (Cockpit's request history) that {@code corrected} is the entry's next
     * version: on the correction, who asked and approved what, why and on which proofs; on the request of the old
     * certificate, that it is superseded.
     */
    void superseded(Entry old, Certificate corrected, ServiceRequest correction, String approver) {
        List<CorrectionChange> rows = changes.findByRequestIdOrderByPositionAsc(correction.getId());
        String proofs = documents.findByRequestIdOrderByUploadedAtAsc(correction.getId()).stream()
                .map(scan -> scan.getDocumentType() + " " + scan.getId()).collect(Collectors.joining(", "));
        progress.record(correction, CORRECTED, CertificateService.ACTOR, "Entry version "
                + corrected.getEntryVersion() + " of " + old.number() + (old.paper() == null ? "" : " (entered from paper)")
                + " is " + corrected
                        .getCertificateNumber() + ": " + rows.stream().map(row -> row.getField() + " '"
                                + row.getOldValue() + "' → '" + row.getNewValue() + "' (" + row.getKind() + ", "
                                + row.getReason() + ", asked by " + row.getAskedBy() + ")")
                        .collect(Collectors.joining("; ")) + "; approved by " + approver + "; proofs: " + proofs);
        if (old.certificate() == null) {
            return;
        }
        requests.findById(old.certificate().getRequestId()).ifPresent(request -> progress.record(request, SUPERSEDED,
                CertificateService.ACTOR, "Certificate " + old.number() + " superseded by "
                        + corrected.getCertificateNumber() + " (entry version " + corrected.getEntryVersion()
                        + "), correction request " + correction.getRequestNumber()));
    }

    /**
     * The register entry a correction request corrects: a certificate of the register, or an entry entered from an
     * older paper certificate (then {@code certificate} is null and {@code paper} is set).
     */
    record Entry(String number, String type, String bodyCode, int version, Map<String, Object> particulars,
            Certificate certificate, PaperRegisterEntry paper) {
    }

    /** The entry the request corrects, if it names one. */
    Optional<Entry> entry(ServiceRequest request) {
        if (request.getCorrectsPaperEntryId() != null) {
            return paperEntries.findById(request.getCorrectsPaperEntryId()).map(paper -> new Entry(
                    paper.getCertificateNumber(), paper.getCertificateType(), paper.getBodyCode(), 1,
                    paper.getParticulars(), null, paper));
        }
        return corrected(request).map(certificate -> new Entry(certificate.getCertificateNumber(),
                certificate.getCertificateType(), certificate.getBodyCode(), certificate.getEntryVersion(),
                entryOf(certificate), certificate, null));
    }

    /** The certificate the request corrects, if it names one of the register. */
    Optional<Certificate> corrected(ServiceRequest request) {
        return request.getCorrectsCertificateId() == null ? Optional.empty()
                : certificates.findById(request.getCorrectsCertificateId());
    }

    /** The register entry a certificate prints: the particulars of the request it was issued for. */
    Map<String, Object> entryOf(Certificate certificate) {
        return requests.findById(certificate.getRequestId()).map(ServiceRequest::getParticulars).orElseThrow(() ->
                new IllegalStateException("Certificate " + certificate.getCertificateNumber() + " has no request"));
    }

    /** The value to store: a choice's value, a date, a number, or the text as typed. */
    private static Object valueFor(String field, Object old, String typed, ParticularsFormLabels.Particular particular,
            String key) {
        if (particular != null && !particular.choices().isEmpty()) {
            for (Map.Entry<String, ParticularsFormLabels.Label> choice : particular.choices().entrySet()) {
                ParticularsFormLabels.Label label = choice.getValue();
                if (typed.equalsIgnoreCase(choice.getKey()) || typed.equalsIgnoreCase(label.en())
                        || typed.equals(label.hi())) {
                    return choice.getKey();
                }
            }
            throw new CorrectionRefused(key, "Write one of: " + particular.choices().values().stream()
                    .map(ParticularsFormLabels.Label::form).collect(Collectors.joining(", ")) + ". / इनमें से एक लिखें।");
        }
        if (old instanceof Number) {
            BigDecimal number;
            Object value;
            try {
                if (!PLAIN_NUMBER.matcher(typed).matches()) {
                    // 1e999999999 is a number to BigDecimal, and a billion digits once printed
                    throw new NumberFormatException(typed);
                }
                number = new BigDecimal(typed);
                value = old instanceof Integer || old instanceof Long ? (Object) number.longValueExact() : number;
            } catch (NumberFormatException | ArithmeticException e) {
                throw new CorrectionRefused(key, "Write a whole number, e.g. 42. / संख्या लिखें।");
            }
            // the particulars form's range holds for a correction as for the entry (an age at death of 0 to 130)
            BigDecimal min = particular == null ? null : particular.min();
            BigDecimal max = particular == null ? null : particular.max();
            if (min != null && number.compareTo(min) < 0 || max != null && number.compareTo(max) > 0) {
                String range = min == null ? "at most " + max.toPlainString() : max == null ? "at least "
                        + min.toPlainString() : "from " + min.toPlainString() + " to " + max.toPlainString();
                throw new CorrectionRefused(key, "Write a number " + range + ", as the particulars form allows. /"
                        + " संख्या " + (min == null ? "" : min.toPlainString()) + (min != null && max != null ? " से "
                        : "") + (max == null ? "" : max.toPlainString()) + " के भीतर लिखें।");
            }
            return value;
        }
        if (old != null && isDate(old.toString())) {
            LocalDate date;
            try {
                date = LocalDate.parse(typed);
            } catch (DateTimeParseException e) {
                throw new CorrectionRefused(key, "Write the date as YYYY-MM-DD, e.g. 2024-03-12. / तिथि YYYY-MM-DD"
                        + " में लिखें।");
            }
            StateCalendar.notHappened(date, LocalDate.now(StateCalendar.ZONE)).ifPresent(refusal -> {
                throw new CorrectionRefused(key, field + " " + refusal + "।");
            });
            return date.toString();
        }
        return typed;
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private String label(Entry certificate, String field) {
        return labels.particularsOf(certificate.type()).stream()
                .filter(particular -> particular.name().equals(field)).findFirst()
                .map(particular -> particular.label().both()).orElse(field);
    }

    /** A value as people read it: a choice by its label. */
    private String display(Entry certificate, String field, String value) {
        if (value == null) {
            return "—";
        }
        return labels.particularsOf(certificate.type()).stream()
                .filter(particular -> particular.name().equals(field)).findFirst()
                .map(particular -> particular.choices().get(value)).map(ParticularsFormLabels.Label::both)
                .orElse(value);
    }

    private static String kindWords(String kind) {
        return CorrectionChange.SUBSTANCE.equals(kind) ? "Substance (सारभूत)" : "Clerical (लिपिकीय)";
    }

    /** The labels of the required documents not uploaded yet. */
    private List<String> missing(ServiceRequest request, List<String> needed) {
        if (needed.isEmpty()) {
            return List.of();
        }
        Set<String> uploaded = documents.findByRequestIdOrderByUploadedAtAsc(request.getId()).stream()
                .map(Document::getDocumentType).collect(Collectors.toSet());
        Map<String, String> names = requiredDocuments.forType(request.getCertificateType()).stream()
                .collect(Collectors.toMap(RequiredDocument::documentType, RequiredDocument::label, (a, b) -> a));
        return needed.stream().filter(type -> !uploaded.contains(type)).map(type -> names.getOrDefault(type, type))
                .toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
