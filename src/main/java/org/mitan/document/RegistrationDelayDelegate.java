package org.mitan.document;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.mitan.numbering.StateCalendar;
import org.mitan.process.EngineCalls;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessVariables;
import org.mitan.request.ProcessRequest;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.text.Excerpt;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service task "Work out the registration delay", for any type that registers an event late or on time (a birth,
 * a death, a marriage). Configured per model by one input parameter, {@code eventParticular}: the particular that
 * holds the event's date (e.g. {@code dateOfDeath}). Nobody types the delay: it is the days from that date to the
 * day the request was registered (the citizen's call), in the state's calendar. The type's decision
 * {@code <key>-registration-delay} (rows an analyst edits: delay in days → path, documents the path needs, late fee)
 * says what the delay means; the model's gateways route on the path. The delay, the path, its documents and the
 * late fee go into the request record (and a milestone) and the variables {@code registrationDelayDays},
 * {@code registrationPath}, {@code lateFeeRupees}; the path's documents become mandatory for every checklist and
 * the verification of the request ({@link RequiredDocuments#onPath}). {@code registrationDocumentsComplete} says
 * whether the documents the path needs are uploaded; when not, {@code scrutinyRemarks} tells the Mitan which to
 * bring on the next visit.
 * <p>
 * A date after the registration day, or no date, is refused as the particulars form's error: the particulars task
 * stays open (the step runs in the task's transaction).
 */
@ProcessBean("registrationDelay")
class RegistrationDelayDelegate implements JavaDelegate {

    static final String EVENT_PARTICULAR = "eventParticular";
    static final String MILESTONE = "REGISTRATION_DELAY";
    static final String ACTOR = "system";

    private final Requests requests;
    private final ServiceRequestRepository repository;
    private final DocumentRepository documents;
    private final RequiredDocuments requiredDocuments;
    private final DecisionService decisions;
    private final IdentityService identity;
    private final Clock clock;

    RegistrationDelayDelegate(Requests requests, ServiceRequestRepository repository, DocumentRepository documents,
            RequiredDocuments requiredDocuments, DecisionService decisions, IdentityService identity, Clock clock) {
        this.requests = requests;
        this.repository = repository;
        this.documents = documents;
        this.requiredDocuments = requiredDocuments;
        this.decisions = decisions;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void execute(DelegateExecution execution) {
        Object configured = execution.getVariableLocal(EVENT_PARTICULAR);
        if (!(configured instanceof String particular) || particular.isBlank()) {
            throw new IllegalStateException("The step " + execution.getCurrentActivityId() + " needs the input "
                    + "parameter '" + EVENT_PARTICULAR + "' naming the particular with the event's date.");
        }
        ServiceRequest request = requests.require(ProcessRequest.numberOf(execution));
        LocalDate event = eventDate(request, particular);
        LocalDate registered = StateCalendar.dateOf(request.getCreatedAt());
        if (event.isAfter(registered)) {
            throw new FormFieldValidationException(ProcessVariables.PARTICULAR_PREFIX + particular,
                    ProcessVariables.PARTICULAR_PREFIX + particular + " (" + event + ") is after the day the request "
                            + "was registered (" + registered + "): check the date. / तिथि पंजीकरण के दिन के बाद की "
                            + "है: तिथि जाँचें।");
        }
        int delayDays = (int) ChronoUnit.DAYS.between(event, registered);
        Path path = path(request.getCertificateType(), delayDays);

        request.recordRegistrationDelay(delayDays, path.path(), path.documents(), path.lateFee(), Instant.now(clock));
        repository.save(request);
        requests.record(request, MILESTONE, ACTOR, delayDays + " days after " + event + ": " + path.path()
                + (path.documents().isEmpty() ? "" : ", needs " + String.join(", ", path.documents()))
                + (path.lateFee() > 0 ? ", late fee Rs " + path.lateFee() : ""));

        List<String> missing = missing(request, path.documents());
        execution.setVariable(ProcessVariables.REGISTRATION_DELAY_DAYS, delayDays);
        execution.setVariable(ProcessVariables.REGISTRATION_PATH, path.path());
        execution.setVariable(ProcessVariables.LATE_FEE_RUPEES, path.lateFee());
        execution.setVariable(ProcessVariables.REGISTRATION_DOCUMENTS_COMPLETE, missing.isEmpty());
        if (!missing.isEmpty()) {
            execution.setVariable(ProcessVariables.SCRUTINY_REMARKS, "Registered " + delayDays
                    + " days after the event: bring " + String.join("; ", missing) + ".");
        }
    }

    private static LocalDate eventDate(ServiceRequest request, String particular) {
        Object value = request.getParticulars().get(particular);
        String field = ProcessVariables.PARTICULAR_PREFIX + particular;
        if (value == null || value.toString().isBlank()) {
            throw new FormFieldValidationException(field, field + " is needed: the registration delay is counted "
                    + "from it. / यह तिथि आवश्यक है।");
        }
        String text = value.toString().strip();
        try {
            return text.contains("T") ? StateCalendar.dateOf(Instant.parse(text)) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new FormFieldValidationException(field, field + " must be a date (YYYY-MM-DD), not "
                    + Excerpt.quoted(text) + ". / तिथि YYYY-MM-DD में लिखें।");
        }
    }

    /** The type's row for this delay; a type without a matching row is a configuration error (an incident). */
    private Path path(String certificateType, int delayDays) {
        String key = certificateType + "-registration-delay";
        DmnDecisionRuleResult row = EngineCalls.withoutAuthentication(identity, () -> decisions
                .evaluateDecisionTableByKey(key).variables(Map.of("delayDays", delayDays)).evaluate()
                .getSingleResult());
        if (row == null) {
            throw new IllegalStateException("The decision '" + key + "' has no row for a delay of " + delayDays
                    + " days: add one to " + certificateType + ".dmn and deploy the type.");
        }
        Object path = row.get("path");
        if (path == null || path.toString().isBlank()) {
            throw new IllegalStateException("The decision '" + key + "' names no path for " + delayDays + " days.");
        }
        Object documentList = row.get("pathDocuments");
        List<String> needed = documentList == null ? List.of() : Arrays.stream(documentList.toString().split(","))
                .map(String::strip).filter(type -> !type.isEmpty()).toList();
        Object fee = row.get("lateFee");
        return new Path(path.toString().strip(), needed, fee instanceof Number number ? number.intValue() : 0);
    }

    /** The labels of the path's documents not uploaded yet. */
    private List<String> missing(ServiceRequest request, List<String> needed) {
        if (needed.isEmpty()) {
            return List.of();
        }
        Set<String> uploaded = documents.findByRequestIdOrderByUploadedAtAsc(request.getId()).stream()
                .map(Document::getDocumentType).collect(Collectors.toSet());
        Map<String, String> labels = requiredDocuments.forType(request.getCertificateType()).stream()
                .collect(Collectors.toMap(RequiredDocument::documentType, RequiredDocument::label, (a, b) -> a));
        List<String> missing = new ArrayList<>();
        for (String type : needed) {
            if (!uploaded.contains(type)) {
                missing.add(labels.getOrDefault(type, type));
            }
        }
        return missing;
    }

    record Path(String path, List<String> documents, int lateFee) {
    }
}
