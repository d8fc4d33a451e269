package org.mitan.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.mitan.document.DocumentReturns;
import org.mitan.failure.Refusal;
import org.mitan.municipality.UrbanBody;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.process.ProcessVariables;
import org.mitan.process.SmsTemplates;
import org.mitan.request.Actors;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.sms.SmsMessage;
import org.mitan.sms.SmsProperties;
import org.mitan.sms.SmsService;
import org.mitan.sms.SmsValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMS a process step asks for: to the citizen in the request's language, or to the supervisor of the
 * request's urban body. An overdue task is also recorded as a milestone of the request, and so are documents the
 * clerk returned, with which to take again, what must be fixed and by whom, and a visit that found documents missing,
 * with the Mitan's remarks: the request's record says why the Mitan goes back.
 */
@Service
public class ProcessNotifications {

    /** Milestone of a task that passed its due date; its detail names the task. */
    public static final String TASK_OVERDUE_MILESTONE = "TASK_OVERDUE";
    /** Milestone recorded when an SMS to the supervisor could not be sent because the body has no number. */
    public static final String SUPERVISOR_SMS_SKIPPED = "SUPERVISOR_SMS_SKIPPED";
    /** Milestone of documents the clerk returned for a revisit; its detail is what must be fixed. */
    public static final String DOCUMENTS_RETURNED_MILESTONE = "DOCUMENTS_RETURNED";
    /** Milestone of a visit that found documents missing; its detail is the Mitan's remarks. */
    public static final String DOCUMENTS_MISSING_MILESTONE = "DOCUMENTS_MISSING";

    private static final Logger log = LoggerFactory.getLogger(ProcessNotifications.class);

    private final Requests requests;
    private final UrbanBodyRepository bodies;
    private final SmsParameters parameters;
    private final SmsService sms;
    private final SmsProperties properties;
    private final IdentityService identity;
    private final DocumentReturns documentReturns;

    ProcessNotifications(Requests requests, UrbanBodyRepository bodies, SmsParameters parameters, SmsService sms,
            SmsProperties properties, IdentityService identity, DocumentReturns documentReturns) {
        this.requests = requests;
        this.bodies = bodies;
        this.parameters = parameters;
        this.sms = sms;
        this.properties = properties;
        this.identity = identity;
        this.documentReturns = documentReturns;
    }

    /** Who an SMS of a process step goes to (the {@code recipient} input of {@code sendSms}). */
    public enum Recipient {
        CITIZEN,
        SUPERVISOR;

        /** {@code citizen} (also when absent) or {@code supervisor}; anything else is a modelling error. */
        public static Recipient of(String value) {
            if (value == null || value.isBlank()) {
                return CITIZEN;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown SMS recipient '" + value
                        + "': use 'citizen' or 'supervisor'", e);
            }
        }
    }

    /**
     * Queues {@code template} for the request's citizen or its body's supervisor; empty when the supervisor
     * has no phone number (logged, and recorded as a milestone).
     */
    @Transactional
    public Optional<SmsMessage> send(String requestNumber, String template, Recipient recipient,
            Function<String, Object> variables) {
        ServiceRequest request = requests.require(requestNumber);
        if (SmsTemplates.TASK_OVERDUE.equals(template)) {
            Object step = variables.apply(SmsParameters.TASK_STEP);
            Object taskName = step != null ? step : variables.apply(SmsValues.TASK_NAME);
            requests.record(request, TASK_OVERDUE_MILESTONE, null, taskName == null ? null : taskName.toString());
        }
        if (SmsTemplates.DOCUMENTS_RETURNED.equals(template)) {
            // Sent as the clerk's scrutiny is completed, in the clerk's transaction: the clerk is the one acting, and
            // a refusal of the documents named leaves the task open with nothing written.
            String clerk = Actors.current(identity);
            List<String> returned;
            try {
                returned = documentReturns.record(requestNumber, variables.apply(ProcessVariables.RETURNED_DOCUMENTS),
                        clerk);
            } catch (Refusal refused) {
                throw new FormFieldValidationException(ProcessVariables.RETURNED_DOCUMENTS, refused.getMessage());
            }
            requests.record(request, DOCUMENTS_RETURNED_MILESTONE, clerk,
                    returnedDetail(returned, variables.apply(ProcessVariables.SCRUTINY_REMARKS)));
        }
        if (SmsTemplates.DOCUMENTS_MISSING.equals(template)) {
            // Sent as the Mitan reports the visit, in the Mitan's transaction.
            Object remarks = variables.apply(ProcessVariables.VISIT_REMARKS);
            requests.record(request, DOCUMENTS_MISSING_MILESTONE, Actors.current(identity),
                    remarks == null || remarks.toString().isBlank() ? null : remarks.toString().strip());
        }
        if (recipient == Recipient.CITIZEN) {
            Map<String, Object> params = parameters.gather(request, template, request.getLanguage(), variables);
            return Optional.of(sms.toCitizen(request, template, params));
        }
        UrbanBody body = bodies.findById(request.getBodyCode()).orElseThrow(() -> new IllegalStateException(
                "Request " + requestNumber + " names an unknown urban body " + request.getBodyCode()));
        String phone = body.getSupervisorPhone();
        if (phone == null || phone.isBlank()) {
            log.warn("SMS {} for request {} not sent: urban body {} has no supervisor phone", template,
                    requestNumber, body.getCode());
            requests.record(request, SUPERVISOR_SMS_SKIPPED, null,
                    template + " not sent: " + body.getNameEn() + " has no supervisor phone number");
            return Optional.empty();
        }
        String language = properties.staffLanguage();
        Map<String, Object> params = parameters.gather(request, template, language, variables);
        return Optional.of(sms.toPhone(request, phone, language, template, params));
    }

    /** "To take again: Parent's ID proof; Birth report. <remarks>", or the remarks alone when none was named. */
    static String returnedDetail(List<String> documents, Object remarks) {
        String words = remarks == null || remarks.toString().isBlank() ? null : remarks.toString().strip();
        if (documents.isEmpty()) {
            return words;
        }
        return "To take again: " + String.join("; ", documents) + (words == null ? "" : ". " + words);
    }
}
