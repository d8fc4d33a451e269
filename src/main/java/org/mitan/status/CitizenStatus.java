package org.mitan.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.Names;
import org.mitan.certificate.CertificateRepository;
import org.mitan.document.Document;
import org.mitan.document.DocumentRepository;
import org.mitan.document.RequiredDocument;
import org.mitan.document.RequiredDocuments;
import org.mitan.failure.Refusal;
import org.mitan.mitan.MitanRepository;
import org.mitan.numbering.StateCalendar;
import org.mitan.payment.Payments;
import org.mitan.process.EngineCalls;
import org.mitan.process.ProcessVariables;
import org.mitan.request.RequestMilestone;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.StatusCodes;
import org.mitan.text.Graphemes;
import org.mitan.text.MaskedNames;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a citizen's request stands, for the public status page: its steps in Hindi and English with the date each
 * was reached, the date the service should be done by (the type's legal time limit), the Mitan coming (name and
 * phone, while the request is open), and what is still missing when documents are wanted. Nothing personal beyond
 * the citizen's masked name; found only by the unguessable code in the citizen's SMS.
 */
@Service
class CitizenStatus {

    /** The steps a citizen sees, in order, and the statuses that mean each has been reached. */
    enum Stage {
        REGISTERED(new Names("Registered", "आवेदन दर्ज"), RequestStatus.REGISTERED),
        MITAN_ASSIGNED(new Names("Mitan assigned", "मितान तय"), RequestStatus.MITAN_ASSIGNED),
        VISITED(new Names("Home visit done, documents checked", "घर पर भेंट, दस्तावेज़ जाँचे गए"),
                RequestStatus.DOCUMENTS_VERIFIED),
        WITH_OFFICERS(new Names("With the officers", "अधिकारियों के पास"), RequestStatus.UNDER_SCRUTINY,
                RequestStatus.SUBMITTED, RequestStatus.APPROVED),
        ISSUED(new Names("Certificate issued", "प्रमाण पत्र जारी"), RequestStatus.CERTIFICATE_ISSUED),
        OUT_FOR_DELIVERY(new Names("Out for delivery", "पहुँचाने के लिए निकला"), RequestStatus.OUT_FOR_DELIVERY),
        DELIVERED(new Names("Delivered", "आपको सौंपा गया"), RequestStatus.DELIVERED);

        final Names names;
        final Set<RequestStatus> statuses;

        Stage(Names names, RequestStatus... statuses) {
            this.names = names;
            this.statuses = Set.of(statuses);
        }

        static Optional<Stage> of(RequestStatus status) {
            for (Stage stage : values()) {
                if (stage.statuses.contains(status)) {
                    return Optional.of(stage);
                }
            }
            return Optional.empty();
        }
    }

    private static final Map<RequestStatus, Names> ENDINGS = Map.of(
            RequestStatus.REJECTED, new Names("Not approved (the SMS gives the reason)", "स्वीकृत नहीं हुआ (कारण SMS में)"),
            RequestStatus.CLOSED, new Names("Closed; call 14545 to apply again", "बंद; फिर आवेदन के लिए 14545 पर फ़ोन करें"));

    private final ServiceRequestRepository rows;
    private final Requests requests;
    private final Catalogue catalogue;
    private final MitanRepository mitans;
    private final DocumentRepository documents;
    private final RequiredDocuments requiredDocuments;
    private final CertificateRepository certificates;
    private final Payments payments;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final String publicBaseUrl;

    CitizenStatus(ServiceRequestRepository rows, Requests requests, Catalogue catalogue, MitanRepository mitans,
            DocumentRepository documents, RequiredDocuments requiredDocuments, CertificateRepository certificates,
            Payments payments, RuntimeService runtime, TaskService tasks, IdentityService identity,
            @Value("${mitan.public-base-url}") String publicBaseUrl) {
        this.rows = rows;
        this.requests = requests;
        this.catalogue = catalogue;
        this.mitans = mitans;
        this.documents = documents;
        this.requiredDocuments = requiredDocuments;
        this.certificates = certificates;
        this.payments = payments;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    record View(String requestNumber, Names service, String citizen, String status, Names outcome,
            List<StepView> steps, LocalDate expectedBy, MitanView mitan, List<Names> missingDocuments,
            String officeRemarks, String certificateNumber, String verifyUrl, List<FeeView> fees) {
    }

    /**
     * A fee of the request: one of the type's fees table, the late fee of its registration delay, or a fee worked out
     * for the request and ordered at the gateway (a Gumasta licence's government fee). {@code paid}: null while no
     * payment of it has been ordered or collected, else whether it is paid, with the receipt's number once it is;
     * {@code payUrl}: the gateway's page to pay a fee that is due, when the gateway gave one.
     */
    record FeeView(Names name, int rupees, Boolean paid, String receiptNumber, String payUrl) {

        static FeeView listed(Names name, int rupees) {
            return new FeeView(name, rupees, null, null, null);
        }
    }

    private static final Names LATE_FEE = new Names("Late registration fee", "विलंब से पंजीकरण का शुल्क");

    /**
     * A step: reached on {@code reachedOn} (null: not yet); {@code current}: where the request is now, and then
     * {@code dueBy}, the due date of the work now open on it (the step's days in the type's table).
     */
    record StepView(String stage, Names name, LocalDate reachedOn, boolean current, LocalDate dueBy) {
    }

    record MitanView(String name, String phone) {
    }

    @Transactional(readOnly = true)
    View describe(String code) {
        if (!StatusCodes.looksLikeOne(code)) {
            throw unknown();
        }
        ServiceRequest request = rows.findByStatusCode(code).orElseThrow(CitizenStatus::unknown);
        Names service = catalogue.type(request.getCertificateType()).map(type -> type.names())
                .orElse(new Names(request.getCertificateType(), request.getCertificateType()));
        List<RequestMilestone> milestones = requests.milestonesOf(request);
        Optional<Stage> now = Stage.of(request.getStatus());
        int reached = now.map(Stage::ordinal).orElse(lastReached(milestones));
        LocalDate dueBy = request.getStatus().isOpen() ? openWorkDue(request) : null;
        List<StepView> steps = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            LocalDate on = stage.ordinal() <= reached ? reachedOn(stage, milestones) : null;
            boolean current = now.isPresent() && now.get() == stage;
            steps.add(new StepView(stage.name(), stage.names, on, current, current ? dueBy : null));
        }
        boolean open = request.getStatus().isOpen();
        MitanView mitan = open && request.getMitanId() != null ? mitans.findById(request.getMitanId())
                .map(found -> new MitanView(found.getName(), found.getPhone())).orElse(null) : null;
        boolean visiting = request.getStatus() == RequestStatus.REGISTERED
                || request.getStatus() == RequestStatus.MITAN_ASSIGNED;
        LocalDate expectedBy = catalogue.type(request.getCertificateType())
                .map(type -> StateCalendar.dateOf(request.getCreatedAt()).plusDays(type.legalDueDays())).orElse(null);
        var certificate = certificates.findByRequestId(request.getId());
        List<FeeView> fees = fees(request);
        return new View(request.getRequestNumber(), service, MaskedNames.of(request.getCitizenName()),
                request.getStatus().name(), ENDINGS.get(request.getStatus()), steps, open ? expectedBy : null, mitan,
                visiting ? missing(request) : List.of(), visiting ? officeRemarks(request) : null,
                certificate.map(found -> found.getCertificateNumber()).orElse(null),
                certificate.map(found -> publicBaseUrl + "/verify/" + found.getVerificationCode()).orElse(null),
                fees);
    }

    /**
     * The type's fees and the late fee as listed, each one the citizen was asked for (ordered at the gateway or
     * collected at the door) with whether it is paid; a fee ordered that the type's table does not list (worked out
     * from the request, as a Gumasta licence's government fee) after them.
     */
    private List<FeeView> fees(ServiceRequest request) {
        Map<String, FeeView> byCode = new LinkedHashMap<>();
        catalogue.type(request.getCertificateType()).ifPresent(type -> type.fees()
                .forEach(fee -> byCode.put(fee.code(), FeeView.listed(fee.names(), fee.rupees()))));
        List<FeeView> orderedOnly = new ArrayList<>();
        for (Payments.Ordered ordered : payments.orderedFor(request.getId())) {
            FeeView listed = byCode.get(ordered.feeCode());
            FeeView asked = new FeeView(listed != null ? listed.name() : new Names(ordered.label(), ordered.labelHi()),
                    ordered.rupees(), ordered.paid(), ordered.paid() ? ordered.receiptNumber() : null,
                    ordered.paid() ? null : ordered.payUrl());
            if (listed != null) {
                byCode.put(ordered.feeCode(), asked);
            } else {
                orderedOnly.add(asked);
            }
        }
        List<FeeView> fees = new ArrayList<>(byCode.values());
        if (request.getLateFeeRupees() != null && request.getLateFeeRupees() > 0) {
            fees.add(FeeView.listed(LATE_FEE, request.getLateFeeRupees()));
        }
        fees.addAll(orderedOnly);
        return fees;
    }

    /** The latest due date of the request's open tasks (the work the citizen is waiting for), if any has one. */
    private LocalDate openWorkDue(ServiceRequest request) {
        return EngineCalls.withoutAuthentication(identity, () -> tasks.createTaskQuery()
                .processInstanceBusinessKey(request.getRequestNumber()).list().stream()
                .map(Task::getDueDate).filter(due -> due != null)
                .map(due -> StateCalendar.dateOf(due.toInstant()))
                .max(LocalDate::compareTo).orElse(null));
    }

    /** For a closed or rejected request: the furthest step its milestones show. */
    private static int lastReached(List<RequestMilestone> milestones) {
        int furthest = 0;
        for (RequestMilestone milestone : milestones) {
            for (Stage stage : Stage.values()) {
                if (stage.statuses.stream().anyMatch(status -> status.name().equals(milestone.getMilestone()))) {
                    furthest = Math.max(furthest, stage.ordinal());
                }
            }
        }
        return furthest;
    }

    /** The last time the step was reached (a request returned for a revisit reaches "Mitan assigned" again). */
    private static LocalDate reachedOn(Stage stage, List<RequestMilestone> milestones) {
        Instant last = null;
        for (RequestMilestone milestone : milestones) {
            if (stage.statuses.stream().anyMatch(status -> status.name().equals(milestone.getMilestone()))) {
                last = milestone.getOccurredAt();
            }
        }
        return last == null ? null : StateCalendar.dateOf(last);
    }

    /** The documents the type asks for that are not uploaded yet ("one of" groups as one line). */
    private List<Names> missing(ServiceRequest request) {
        List<RequiredDocument> rows = RequiredDocuments.onPath(
                requiredDocuments.forType(request.getCertificateType()), request);
        Set<String> uploaded = new HashSet<>();
        for (Document document : documents.findByRequestIdOrderByUploadedAtAsc(request.getId())) {
            uploaded.add(document.getDocumentType());
        }
        return RequiredDocuments.missing(rows, uploaded).stream()
                .map(requirement -> new Names(
                        requirement.alternatives().stream().map(RequiredDocument::label)
                                .collect(Collectors.joining(" or ")),
                        requirement.alternatives().stream()
                                .map(row -> row.labelHi().isBlank() ? row.label() : row.labelHi())
                                .collect(Collectors.joining(" या "))))
                .toList();
    }

    /** The clerk's words when the documents came back from the office: one line, at most 300 characters. */
    private String officeRemarks(ServiceRequest request) {
        List<VariableInstance> remarks = EngineCalls.withoutAuthentication(identity, () -> {
            String[] instances = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(request.getRequestNumber()).list().stream()
                    .map(instance -> instance.getId()).toArray(String[]::new);
            return instances.length == 0 ? List.<VariableInstance>of() : runtime.createVariableInstanceQuery()
                    .variableName(ProcessVariables.SCRUTINY_REMARKS).processInstanceIdIn(instances).list();
        });
        return remarks.stream().map(VariableInstance::getValue).filter(value -> value != null)
                .map(value -> value.toString().replaceAll("[\\p{Cc}\\p{Cf}&&[^\\u200C\\u200D]]+", " ").strip())
                .filter(text -> !text.isEmpty())
                .map(text -> Graphemes.truncate(text, 300, "…"))
                .findFirst().orElse(null);
    }

    private static Refusal unknown() {
        return Refusal.notFound("There is no request with this status link. Check the link in your SMS, or call"
                + " 14545.");
    }
}
