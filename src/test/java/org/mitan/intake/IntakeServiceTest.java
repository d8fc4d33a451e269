package org.mitan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.failure.Refusal;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.numbering.NumberSequence;
import org.mitan.process.SmsTemplates;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.mitan.sms.SmsService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.mitan.catalogue.Catalogue;

class IntakeServiceTest {

    /** 20:00 on 31 December in UTC is already 1:30 on 1 January in India. */
    private static final Instant NEW_YEARS_EVE_UTC = Instant.parse("2026-12-31T20:00:00Z");

    private final Catalogue types = mock(Catalogue.class);
    private final UrbanBodyRepository bodies = mock(UrbanBodyRepository.class);
    private final ServiceRequestRepository repository = mock(ServiceRequestRepository.class);
    private final OpenRequests openRequests = mock(OpenRequests.class);
    private final Requests lifecycle = mock(Requests.class);
    private final NumberSequence numbers = mock(NumberSequence.class);
    private final RuntimeService runtime = mock(RuntimeService.class);
    private final SmsService sms = mock(SmsService.class);
    private final List<ServiceRequest> saved = new ArrayList<>();
    private final RecordingTransaction transaction = new RecordingTransaction();
    private final IntakeService intake = new IntakeService(new RegistrationValidator(types, bodies, RegistrationValidatorTest.PRINTABLE), repository,
            openRequests, lifecycle, numbers, types, runtime, sms, Clock.fixed(NEW_YEARS_EVE_UTC, ZoneOffset.UTC),
            transaction);

    /** Runs the callback at once and knows whether it is inside it. */
    static final class RecordingTransaction implements TransactionOperations {
        boolean inside;

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            inside = true;
            try {
                return action.doInTransaction(new SimpleTransactionStatus());
            } finally {
                inside = false;
            }
        }
    }

    @BeforeEach
    void setUp() {
        when(types.find(anyString())).thenReturn(Optional.empty());
        when(types.find("birth-certificate")).thenReturn(Optional.of(Fixtures.BIRTH));
        when(bodies.findById(anyString())).thenReturn(Optional.empty());
        when(bodies.findById("RPR")).thenReturn(Optional.of(Fixtures.raipur()));
        when(repository.findOpen(anyString(), anyString())).thenReturn(Optional.empty());
        when(repository.saveAndFlush(any())).thenAnswer(call -> {
            saved.add(call.getArgument(0));
            return call.getArgument(0);
        });
        when(numbers.nextCommitted("request:RPR:2027")).thenReturn(42L);
        when(numbers.next("request:RPR:2027")).thenReturn(42L);
        ProcessInstance instance = mock(ProcessInstance.class);
        when(instance.getId()).thenReturn("pi-1");
        when(runtime.startProcessInstanceByKey(anyString(), anyString(), anyMap())).thenReturn(instance);
    }

    @Test
    void registersTheRequestAndStartsItsProcessWithTheNumberAsBusinessKey() {
        Registration registration = intake.register(RegistrationValidatorTest.valid(), "cc1");

        ServiceRequest request = registration.request();
        assertThat(request.getRequestNumber()).isEqualTo("RPR-2027-000042").matches("[A-Z]+-\\d{4}-\\d{6}");
        assertThat(request.getCitizenPhone()).isEqualTo("9876543210");
        assertThat(request.getCertificateType()).isEqualTo("birth-certificate");
        assertThat(request.getWard()).isEqualTo(12);
        assertThat(request.getPreferredVisitWindow()).isEqualTo(VisitWindow.MORNING);
        assertThat(request.getLanguage()).isEqualTo("en");
        assertThat(request.getStatus()).isEqualTo(RequestStatus.REGISTERED);
        assertThat(request.getCreatedAt()).isEqualTo(NEW_YEARS_EVE_UTC);
        assertThat(request.getProcessInstanceId()).isEqualTo("pi-1");
        assertThat(registration.type()).isEqualTo(Fixtures.BIRTH);
        assertThat(saved).containsExactly(request);
        verify(runtime).startProcessInstanceByKey("birth-certificate", "RPR-2027-000042",
                Map.of("requestNumber", "RPR-2027-000042"));
        verify(lifecycle).record(eq(request), eq("REGISTERED"), eq("cc1"), anyString());
    }

    @Test
    void numbersCountPerBodyAndYearWithSixDigits() {
        when(numbers.nextCommitted("request:RPR:2027")).thenReturn(7L);

        assertThat(intake.register(RegistrationValidatorTest.valid(), "cc1").request().getRequestNumber())
                .isEqualTo("RPR-2027-000007");
    }

    @Test
    void feedbackCodesAreLongUrlSafeAndDifferent() {
        String first = intake.register(RegistrationValidatorTest.valid(), "cc1").request().getFeedbackCode();
        String second = intake.register(RegistrationValidatorTest.valid(), "cc1").request().getFeedbackCode();

        assertThat(first).matches("[A-Za-z0-9_-]{16,32}");
        assertThat(second).matches("[A-Za-z0-9_-]{16,32}").isNotEqualTo(first);
    }

    @Test
    void anInvalidFormChangesNothing() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> intake.register(
                new RegistrationForm("birth-certificate", "RPR", "99", "Asha", "123", "Road", "MORNING", null),
                "cc1"));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(RegistrationValidatorTest.fieldErrors(refusal)).containsOnlyKeys("ward", "citizenPhone");
        assertNothingChanged();
    }

    @Test
    void anOpenRequestForTheSamePhoneAndTypeIsAConflictNamingIt() {
        when(repository.findOpen("9876543210", "birth-certificate"))
                .thenReturn(Optional.of(Fixtures.request(5, "RPR-2026-000005")));

        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> intake.register(RegistrationValidatorTest.valid(), "cc1"));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal.getProperties()).containsEntry("requestNumber", "RPR-2026-000005");
        assertThat(refusal.getMessage()).contains("RPR-2026-000005");
        assertNothingChanged();
    }

    @Test
    void aRequestRegisteredAtTheSameMomentIsFoundThroughTheUniqueIndex() {
        when(repository.saveAndFlush(any())).thenThrow(new DataIntegrityViolationException("could not execute",
                new SQLException("ERROR: duplicate key value violates unique constraint"
                        + " \"service_request_open_per_phone_and_type\"")));
        when(openRequests.committedRequestNumber("9876543210", "birth-certificate"))
                .thenReturn(Optional.of("RPR-2027-000041"));

        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> intake.register(RegistrationValidatorTest.valid(), "cc1"));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal.getProperties()).containsEntry("requestNumber", "RPR-2027-000041");
        verify(runtime, never()).startProcessInstanceByKey(anyString(), anyString(), anyMap());
        verify(lifecycle, never()).record(any(), anyString(), anyString(), anyString());
    }

    @Test
    void aClashThatIsGoneWhenLookedUpIsStillAConflict() {
        when(repository.saveAndFlush(any())).thenThrow(new DataIntegrityViolationException(
                "violates unique constraint \"service_request_open_per_phone_and_type\""));
        when(openRequests.committedRequestNumber(anyString(), anyString())).thenReturn(Optional.empty());

        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> intake.register(RegistrationValidatorTest.valid(), "cc1"));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal.getProperties()).doesNotContainKey("requestNumber");
    }

    @Test
    void otherIntegrityFailuresAreNotDisguisedAsConflicts() {
        DataIntegrityViolationException failure = new DataIntegrityViolationException(
                "violates foreign key constraint \"service_request_body_code_fkey\"");
        when(repository.saveAndFlush(any())).thenThrow(failure);

        assertThatThrownBy(() -> intake.register(RegistrationValidatorTest.valid(), "cc1")).isSameAs(failure);
        verifyNoInteractions(openRequests);
    }

    @Test
    void aProcessThatCannotStartFailsTheRegistrationInItsTransaction() {
        List<Boolean> startedInside = startFails(new ProcessEngineException("no deployed process"));

        assertThatThrownBy(() -> intake.register(RegistrationValidatorTest.valid(), "cc1"))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(startedInside).containsExactly(true);
        assertThat(saved).hasSize(1);
    }

    @Test
    void aProcessSuspendedAfterTheCheckIsARefusalInsideTheTransaction() {
        List<Boolean> refusedInside = startFails(
                new SuspendedEntityInteractionException("Process Definition with id 'birth:7' is suspended."));

        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> intake.register(RegistrationValidatorTest.valid(), "cc1"));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(refusal.getMessage()).contains("certificateType 'birth-certificate' stopped taking new requests");
        assertThat(refusedInside).as("thrown in the transaction, which rolls the request back").containsExactly(true);
    }

    /** The process start throws {@code failure}; the list says, for each start, whether it was in a transaction. */
    private List<Boolean> startFails(RuntimeException failure) {
        List<Boolean> inside = new ArrayList<>();
        when(runtime.startProcessInstanceByKey(anyString(), anyString(), anyMap())).thenAnswer(call -> {
            inside.add(transaction.inside);
            throw failure;
        });
        return inside;
    }

    @Test
    void theRequestNumberIsTakenBeforeTheTransactionThatStartsTheProcess() {
        List<Boolean> numberedInside = new ArrayList<>();
        when(numbers.nextCommitted("request:RPR:2027")).thenAnswer(call -> {
            numberedInside.add(transaction.inside);
            return 5L;
        });

        assertThat(intake.register(RegistrationValidatorTest.valid(), "cc1").request().getRequestNumber())
                .isEqualTo("RPR-2027-000005");
        assertThat(numberedInside).containsExactly(false);
        verify(numbers, never()).next(anyString());
    }

    @Test
    void theApiPathSendsNoSmsItselfTheProcessDoes() {
        intake.register(RegistrationValidatorTest.valid(), "cc1");

        verifyNoInteractions(sms);
    }

    @Test
    void aStartFormRegistrationBelongsToItsProcessAndTellsTheCitizen() {
        ServiceRequest request = intake.registerStarted(RegistrationValidatorTest.valid(), "pi-9", "cc2");

        assertThat(request.getRequestNumber()).isEqualTo("RPR-2027-000042");
        assertThat(request.getProcessInstanceId()).isEqualTo("pi-9");
        assertThat(saved).containsExactly(request);
        verify(lifecycle).record(eq(request), eq("REGISTERED"), eq("cc2"), anyString());
        verify(sms).toCitizen(request, SmsTemplates.REQUEST_REGISTERED, Map.of());
        verifyNoInteractions(runtime);
    }

    @Test
    void anInvalidStartFormChangesNothing() {
        assertThatThrownBy(() -> intake.registerStarted(
                new RegistrationForm("birth-certificate", null, "1", "Asha", "9876543210", "Road", "MORNING", null),
                "pi-9", "cc2")).isInstanceOf(Refusal.class);
        assertNothingChanged();
        verifyNoInteractions(sms);
    }

    @Test
    void attachingLinksTheRequestToItsInstanceAndTellsTheCitizenOnce() {
        ServiceRequest request = Fixtures.request(1, "RPR-2026-000001");
        when(repository.findByRequestNumber("RPR-2026-000001")).thenReturn(Optional.of(request));

        intake.attachProcess("RPR-2026-000001", "birth-certificate", "pi-1");
        intake.attachProcess("RPR-2026-000001", "birth-certificate", "pi-1");

        assertThat(request.getProcessInstanceId()).isEqualTo("pi-1");
        verify(repository).save(request);
        verify(sms).toCitizen(request, SmsTemplates.REQUEST_REGISTERED, Map.of());
    }

    @Test
    void aRequestOfAnotherInstanceOrTypeIsNotTaken() {
        ServiceRequest other = Fixtures.request(1, "RPR-2026-000001");
        other.setProcessInstanceId("pi-other");
        when(repository.findByRequestNumber("RPR-2026-000001")).thenReturn(Optional.of(other));

        assertThatThrownBy(() -> intake.attachProcess("RPR-2026-000001", "birth-certificate", "pi-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pi-other");
        assertThatThrownBy(() -> intake.attachProcess("RPR-2026-000001", "death-certificate", "pi-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("death-certificate");
        assertThatThrownBy(() -> intake.attachProcess("RPR-2026-999999", "birth-certificate", "pi-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RPR-2026-999999");
        assertThat(other.getProcessInstanceId()).isEqualTo("pi-other");
        verifyNoInteractions(sms);
    }

    private void assertNothingChanged() {
        assertThat(saved).isEmpty();
        verify(repository, never()).save(any());
        verifyNoInteractions(numbers, runtime);
        verify(lifecycle, never()).record(any(), anyString(), anyString(), anyString());
    }

}
