package org.mitan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.catalogue.ParticularsRules;
import org.mitan.request.RequestMilestone;
import org.mitan.request.RequestMilestoneRepository;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mockito.ArgumentCaptor;

class CaptureParticularsListenerTest {

    private final ServiceRequestRepository repository = mock(ServiceRequestRepository.class);
    private final RequestMilestoneRepository milestones = mock(RequestMilestoneRepository.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final Requests requests = new Requests(repository, milestones, Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
    private final ParticularsRules rules = mock(ParticularsRules.class);
    private final CaptureParticularsListener listener = new CaptureParticularsListener(
            new Particulars(requests, repository, RegistrationValidatorTest.PRINTABLE, rules,
                    Clock.fixed(Fixtures.NOW, ZoneOffset.UTC)), identity);
    private final ServiceRequest request = Fixtures.request(3, "RPR-2026-000003");
    private final Map<String, Object> processScope = new HashMap<>();
    private final Map<String, Object> taskScope = new HashMap<>();
    private DelegateExecution execution;

    @BeforeEach
    void setUp() {
        when(repository.findByRequestNumber("RPR-2026-000003")).thenReturn(Optional.of(request));
        processScope.put("requestNumber", "RPR-2026-000003");
        processScope.put("mitanUserId", "mitan1");
        execution = Scopes.execution("RPR-2026-000003", processScope);
    }

    @Test
    void onCreateTheStoredParticularsPrefillTheForm() {
        request.setParticulars(Map.of("childName", "Riya", "sex", "female"));

        listener.notify(Scopes.task(TaskListener.EVENTNAME_CREATE, taskScope, execution));

        assertThat(taskScope).containsOnly(Map.entry("particular_childName", "Riya"),
                Map.entry("particular_sex", "female"));
        assertThat(processScope).doesNotContainKeys("particular_childName", "particular_sex");
    }

    @Test
    void onCompleteSubmittedFormValuesMoveIntoTheRequestAndLeaveTheEngine() {
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("mitan1", List.of("mitan")));
        request.setParticulars(Map.of("childName", "Riya", "placeOfBirth", "District Hospital"));
        // The form was prefilled and submitted: the task-local copies hold what the Mitan entered.
        taskScope.put("particular_childName", "Riya Verma");
        taskScope.put("particular_dateOfBirth", "2026-04-20");
        taskScope.put("particular_placeOfBirth", " ");

        listener.notify(Scopes.task(TaskListener.EVENTNAME_COMPLETE, taskScope, execution));

        assertThat(request.getParticulars()).containsOnly(Map.entry("childName", "Riya Verma"),
                Map.entry("dateOfBirth", "2026-04-20"));
        verify(repository).save(request);
        assertThat(taskScope).isEmpty();
        assertThat(processScope).containsOnlyKeys("requestNumber", "mitanUserId");
        ArgumentCaptor<RequestMilestone> milestone = ArgumentCaptor.forClass(RequestMilestone.class);
        verify(milestones).save(milestone.capture());
        assertThat(milestone.getValue().getMilestone()).isEqualTo("PARTICULARS_RECORDED");
        assertThat(milestone.getValue().getActor()).isEqualTo("mitan1");
    }

    @Test
    void onCompleteAValueJustEnteredInTheProcessScopeWinsOverTheStalePrefill() {
        // Completed through the task API: new values land in the process scope, the prefill stays task-local.
        taskScope.put("particular_childName", "Riya");
        processScope.put("particular_childName", "Riya Verma");
        processScope.put("particular_dateOfBirth", Date.from(Instant.parse("2026-04-20T00:00:00Z")));
        processScope.put("particular_liveBirth", Boolean.TRUE);

        listener.notify(Scopes.task(TaskListener.EVENTNAME_COMPLETE, taskScope, execution));

        assertThat(request.getParticulars()).containsOnly(Map.entry("childName", "Riya Verma"),
                Map.entry("dateOfBirth", "2026-04-20T00:00:00Z"), Map.entry("liveBirth", true));
        assertThat(taskScope).isEmpty();
        assertThat(processScope).containsOnlyKeys("requestNumber", "mitanUserId");
    }

    @Test
    void theParticularsGoToTheRequestOfTheBusinessKeyWhateverTheFormSays() {
        ServiceRequest other = Fixtures.request(4, "RPR-2026-000004");
        when(repository.findByRequestNumber("RPR-2026-000004")).thenReturn(Optional.of(other));
        taskScope.put("requestNumber", "RPR-2026-000004");
        taskScope.put("particular_childName", "Riya Verma");

        listener.notify(Scopes.task(TaskListener.EVENTNAME_COMPLETE, taskScope, execution));

        assertThat(request.getParticulars()).containsOnly(Map.entry("childName", "Riya Verma"));
        assertThat(other.getParticulars()).isEmpty();
        verify(repository, never()).save(other);
    }

    @Test
    void aParticularWithAControlCharacterIsRefusedAndNothingIsStored() {
        request.setParticulars(Map.of("childName", "Riya"));
        taskScope.put("particular_childName", "Riya\u0000Verma");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> listener.notify(
                        Scopes.task(TaskListener.EVENTNAME_COMPLETE, taskScope, execution)))
                .isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
                .hasMessageContaining("particular_childName contains a control character (U+0000 NULL)");
        assertThat(request.getParticulars()).containsOnly(Map.entry("childName", "Riya"));
        verify(repository, never()).save(any());
    }

    @Test
    void particularsThatBreakARuleOfTheTypeAreRefusedWithItsMessageAndNothingIsStored() {
        request.setParticulars(Map.of("groomName", "Ravi"));
        taskScope.put("particular_groomDateOfBirth", "2006-01-10");
        taskScope.put("particular_dateOfMarriage", "2026-04-20");
        when(rules.broken(request.getCertificateType(), Map.of("groomName", "Ravi",
                "groomDateOfBirth", "2006-01-10", "dateOfMarriage", "2026-04-20"))).thenReturn(List.of(
                new ParticularsRules.Broken("groomDateOfBirth", "The groom must be at least 21.", "वर 21 वर्ष")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> listener.notify(
                        Scopes.task(TaskListener.EVENTNAME_COMPLETE, taskScope, execution)))
                .isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
                .hasMessage("particular_groomDateOfBirth: The groom must be at least 21. / वर 21 वर्ष");
        assertThat(request.getParticulars()).containsOnly(Map.entry("groomName", "Ravi"));
        verify(repository, never()).save(any());
    }

    @Test
    void aFormWithoutParticularsChangesNothing() {
        taskScope.put("visitOutcome", "collected");
        DelegateTask task = Scopes.task(TaskListener.EVENTNAME_COMPLETE, taskScope, execution);

        listener.notify(task);

        verify(repository, never()).save(any());
        verify(milestones, never()).save(any());
        assertThat(taskScope).containsOnlyKeys("visitOutcome");
    }

    @Test
    void devanagariParticularsAreKeptAsTyped() {
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("mitan1", List.of("mitan")));
        taskScope.put("particular_childName", "रीना प्रिया");
        taskScope.put("particular_placeOfBirth", "ज़िला अस्पताल, बड़ा बाज़ार");

        listener.notify(Scopes.task(TaskListener.EVENTNAME_COMPLETE, taskScope, execution));

        assertThat(request.getParticulars()).containsEntry("childName", "रीना प्रिया")
                .containsEntry("placeOfBirth", "ज़िला अस्पताल, बड़ा बाज़ार");
    }

    @Test
    void particularsTheCertificateCouldNotTakeAreRefusedAndTheTaskStaysOpen() {
        request.setParticulars(Map.of("childName", "Riya"));
        taskScope.put("particular_childName", "அருண்");
        DelegateTask task = Scopes.task(TaskListener.EVENTNAME_COMPLETE, taskScope, execution);

        assertThatThrownBy(() -> listener.notify(task))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("particular_childName has a character the certificate cannot print")
                .hasMessageContaining("U+0B85");

        taskScope.put("particular_childName", "a".repeat(Particulars.MAX_TEXT_LENGTH + 1));
        assertThatThrownBy(() -> listener.notify(task))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("particular_childName must be at most 500 characters");
        assertThat(request.getParticulars()).containsOnly(Map.entry("childName", "Riya"));
        verify(repository, never()).save(any());
        assertThat(taskScope).containsKey("particular_childName");
    }

    @Test
    void aParticularDateAfterTodayInIndiaOrNotOnTheCalendarIsRefusedAndNothingIsStored() {
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("mitan1", List.of("mitan")));
        request.setParticulars(Map.of("childName", "Riya"));
        DelegateTask task = Scopes.task(TaskListener.EVENTNAME_COMPLETE, taskScope, execution);

        // Fixtures.NOW is 1 May 2026, 10:00 in India.
        taskScope.put("particular_dateOfBirth", "2026-05-02");
        assertThatThrownBy(() -> listener.notify(task))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("particular_dateOfBirth cannot be a date after today");
        taskScope.put("particular_dateOfBirth", "2026-02-30");
        assertThatThrownBy(() -> listener.notify(task))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("particular_dateOfBirth is not a real date: 2026-02-30");
        taskScope.put("particular_dateOfBirth", Date.from(Fixtures.NOW.plusSeconds(86_400)));
        assertThatThrownBy(() -> listener.notify(task))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("particular_dateOfBirth cannot be a date after today");
        assertThat(request.getParticulars()).containsOnly(Map.entry("childName", "Riya"));
        verify(repository, never()).save(any());

        taskScope.put("particular_dateOfBirth", "2026-05-01");
        listener.notify(task);
        assertThat(request.getParticulars()).containsEntry("dateOfBirth", "2026-05-01");
    }

    /**
     * A year no certificate holds (before 1800: 0000, -0001, a slip such as 0202), however the date is written (a
     * form's date, a signed or long year, a moment, a date picker's value), is refused naming the field, and nothing
     * is stored; 1 January 1800 is taken.
     */
    @Test
    void aParticularDateBefore1800IsRefusedHoweverItIsWrittenAndNothingIsStored() {
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("mitan1", List.of("mitan")));
        request.setParticulars(Map.of("childName", "Riya"));
        DelegateTask task = Scopes.task(TaskListener.EVENTNAME_COMPLETE, taskScope, execution);

        List.of("0000-01-01", "-0001-04-20", "0202-04-20", "1799-12-31", "0000-01-01T00:00:00Z",
                Date.from(java.time.Instant.parse("0001-06-01T00:00:00Z"))).forEach(date -> assertDateRefused(task,
                date, "particular_dateOfBirth cannot be a date before 1800", "1800 से पहले की तिथि नहीं हो सकती"));
        List.of("+10000-01-01", "2026-05-01T20:00:00Z").forEach(date -> assertDateRefused(task, date,
                "particular_dateOfBirth cannot be a date after today"));
        assertThat(request.getParticulars()).containsOnly(Map.entry("childName", "Riya"));
        verify(repository, never()).save(any());

        taskScope.put("particular_dateOfBirth", "1800-01-01");
        listener.notify(task);
        assertThat(request.getParticulars()).containsEntry("dateOfBirth", "1800-01-01");
    }

    private void assertDateRefused(DelegateTask task, Object date, String... words) {
        taskScope.put("particular_dateOfBirth", date);
        assertThatThrownBy(() -> listener.notify(task)).as(String.valueOf(date))
                .isInstanceOfSatisfying(FormFieldValidationException.class, refused -> assertThat(
                        refused.getMessage()).contains(words));
    }
}
