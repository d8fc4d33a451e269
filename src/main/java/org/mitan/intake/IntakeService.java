package org.mitan.intake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.CertificateType;
import org.mitan.failure.Refusal;
import org.mitan.numbering.NumberSequence;
import org.mitan.numbering.StateCalendar;
import org.mitan.process.ProcessVariables;
import org.mitan.process.SmsTemplates;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.sms.SmsService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Registers citizens' requests: from the call centre's API (the request number first, committed at once; then the
 * row and the process in one transaction) or from the Tasklist start form (process first, the {@code registerRequest}
 * delegate creates the row).
 */
@Service
public class IntakeService {

    /** The partial unique index that allows one open request per phone and certificate type. */
    static final String OPEN_REQUEST_INDEX = "service_request_open_per_phone_and_type";

    /** The citizen's feedback code: 15 random bytes, 20 characters in URL-safe Base64. */
    private static final int FEEDBACK_CODE_BYTES = 15;

    private final RegistrationValidator validator;
    private final ServiceRequestRepository requests;
    private final OpenRequests openRequests;
    private final Requests lifecycle;
    private final NumberSequence numbers;
    private final Catalogue types;
    private final RuntimeService runtime;
    private final SmsService sms;
    private final Clock clock;
    private final TransactionOperations transaction;
    private final SecureRandom random = new SecureRandom();

    IntakeService(RegistrationValidator validator, ServiceRequestRepository requests, OpenRequests openRequests,
            Requests lifecycle, NumberSequence numbers, Catalogue types, RuntimeService runtime,
            SmsService sms, Clock clock, TransactionOperations transaction) {
        this.validator = validator;
        this.requests = requests;
        this.openRequests = openRequests;
        this.lifecycle = lifecycle;
        this.numbers = numbers;
        this.types = types;
        this.runtime = runtime;
        this.sms = sms;
        this.clock = clock;
        this.transaction = transaction;
    }

    /**
     * The API path: validates, refuses a second open request for the same phone and type (a conflict naming the open
     * request's number), takes a request number, then saves the request and starts its process with the request
     * number as business key in one transaction. A failure there rolls back both the row and the process; its request
     * number is not reused (request numbers may have gaps: taking one commits at once, so that registrations of one
     * body do not wait for each other's process start).
     */
    public Registration register(RegistrationForm form, String actor) {
        ValidRegistration valid = validator.validate(form);
        refuseSecondOpenRequest(valid);
        int year = year();
        String number = requestNumber(valid, year, numbers.nextCommitted(scope(valid, year)));
        return transaction.execute(status -> {
            ServiceRequest request = create(valid, actor, null, number);
            Map<String, Object> variables = new HashMap<>();
            variables.put(ProcessVariables.REQUEST_NUMBER, request.getRequestNumber());
            ProcessInstance instance = start(valid.type(), request.getRequestNumber(), variables);
            request.setProcessInstanceId(instance.getId());
            requests.save(request);
            return new Registration(request, valid.type());
        });
    }

    /**
     * The Tasklist path, called by the {@code registerRequest} delegate of a process started from the start
     * form: the same rules as the API; the request belongs to the running process instance. Queues the
     * citizen's REQUEST_REGISTERED SMS.
     */
    @Transactional
    public ServiceRequest registerStarted(RegistrationForm form, String processInstanceId, String actor) {
        ValidRegistration valid = validator.validate(form);
        refuseSecondOpenRequest(valid);
        int year = year();
        ServiceRequest request = create(valid, actor, processInstanceId,
                requestNumber(valid, year, numbers.next(scope(valid, year))));
        queueRegisteredSms(request);
        return request;
    }

    /**
     * The API path, seen from the process: links the request created by {@link #register} to its process
     * instance and queues the citizen's REQUEST_REGISTERED SMS. Refuses a request of another type or one that
     * already belongs to another instance; does nothing when it already belongs to this one.
     */
    @Transactional
    public ServiceRequest attachProcess(String requestNumber, String certificateType, String processInstanceId) {
        ServiceRequest request = requests.findByRequestNumber(requestNumber).orElseThrow(
                () -> new IllegalStateException("There is no request " + requestNumber + " for process instance "
                        + processInstanceId + " to belong to"));
        if (!request.getCertificateType().equals(certificateType)) {
            throw new IllegalStateException("Request " + requestNumber + " is for " + request.getCertificateType()
                    + ", not " + certificateType);
        }
        if (processInstanceId.equals(request.getProcessInstanceId())) {
            return request;
        }
        if (request.getProcessInstanceId() != null) {
            throw new IllegalStateException("Request " + requestNumber + " already belongs to process instance "
                    + request.getProcessInstanceId());
        }
        request.setProcessInstanceId(processInstanceId);
        requests.save(request);
        queueRegisteredSms(request);
        return request;
    }

    /**
     * Starts the type's latest process. When that process was suspended after the form was checked (in Cockpit, a
     * moment before), the registration is refused as the check would have refused it: the transaction rolls back and
     * only the request number is spent.
     */
    private ProcessInstance start(CertificateType type, String requestNumber, Map<String, Object> variables) {
        try {
            return runtime.startProcessInstanceByKey(type.key(), requestNumber, variables);
        } catch (SuspendedEntityInteractionException e) {
            throw Refusal.invalid(Map.of("certificateType", "'" + type.key() + "' stopped taking new requests a"
                    + " moment ago (its process was suspended); register the request once it is resumed"));
        }
    }

    private void refuseSecondOpenRequest(ValidRegistration valid) {
        requests.findOpen(valid.citizenPhone(), valid.type().key()).ifPresent(open -> {
            throw alreadyOpen(open.getRequestNumber(), valid.type());
        });
    }

    /** Request numbers count per urban body and calendar year in India. */
    private static String scope(ValidRegistration valid, int year) {
        return "request:" + valid.body().getCode() + ":" + year;
    }

    private static String requestNumber(ValidRegistration valid, int year, long sequence) {
        return String.format("%s-%d-%06d", valid.body().getCode(), year, sequence);
    }

    private int year() {
        return LocalDate.now(clock.withZone(StateCalendar.ZONE)).getYear();
    }

    /**
     * The Tasklist path takes its number in the engine's transaction ({@link NumberSequence#next}): taking it in a
     * transaction of its own would need a second connection while the engine holds the first.
     */
    private ServiceRequest create(ValidRegistration valid, String actor, String processInstanceId, String number) {
        String type = valid.type().key();
        String bodyCode = valid.body().getCode();
        ServiceRequest request = new ServiceRequest(number, type, bodyCode, valid.ward(), valid.citizenName(),
                valid.citizenPhone(), valid.address(), valid.preferredVisitWindow(), valid.language(),
                feedbackCode(), clock.instant());
        request.setProcessInstanceId(processInstanceId);
        ServiceRequest saved = insert(request, valid.type());
        lifecycle.record(saved, RequestStatus.REGISTERED.name(), actor,
                valid.type().serviceName() + ", " + valid.body().getNameEn() + " ward " + valid.ward());
        return saved;
    }

    /** Saves at once, so that a request registered at the same moment by another agent is caught here. */
    private ServiceRequest insert(ServiceRequest request, CertificateType type) {
        try {
            return requests.saveAndFlush(request);
        } catch (DataIntegrityViolationException e) {
            if (!violates(e, OPEN_REQUEST_INDEX)) {
                throw e;
            }
            String open = openRequests.committedRequestNumber(request.getCitizenPhone(), type.key()).orElse(null);
            if (open == null) {
                throw Refusal.conflict("Another " + type.serviceName() + " request for this phone number was"
                        + " registered at the same moment. Look it up before registering again.", Map.of());
            }
            throw alreadyOpen(open, type);
        }
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(constraint)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static Refusal alreadyOpen(String requestNumber, CertificateType type) {
        return Refusal.conflict("This phone number already has an open " + type.serviceName() + " request, "
                + requestNumber + ". Give the citizen that number instead of registering a new request.",
                Map.of("requestNumber", requestNumber));
    }

    /** The outbox names the service in the citizen's language. */
    private void queueRegisteredSms(ServiceRequest request) {
        sms.toCitizen(request, SmsTemplates.REQUEST_REGISTERED, Map.of());
    }

    private String feedbackCode() {
        byte[] bytes = new byte[FEEDBACK_CODE_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
