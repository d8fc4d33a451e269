package org.mitan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.document.DocumentReturns;
import org.mitan.failure.Refusal;
import org.mitan.municipality.BodyKind;
import org.mitan.municipality.UrbanBody;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.notification.ProcessNotifications.Recipient;
import org.mitan.process.SmsTemplates;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;
import org.mitan.sms.SmsMessage;
import org.mitan.sms.SmsProperties;
import org.mitan.sms.SmsService;

class ProcessNotificationsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T04:30:00Z");

    private final Requests requests = mock(Requests.class);
    private final UrbanBodyRepository bodies = mock(UrbanBodyRepository.class);
    private final SmsParameters parameters = mock(SmsParameters.class);
    private final SmsService sms = mock(SmsService.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final DocumentReturns returns = mock(DocumentReturns.class);
    private final ProcessNotifications notifications = new ProcessNotifications(requests, bodies, parameters, sms,
            new SmsProperties(SmsProperties.Mode.LOG, null, null, "MITAN", 5, 20, Duration.ofSeconds(1),
                    Duration.ofSeconds(1), "hi",
                    Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24)), identity, returns);
    private final Map<String, Object> variables = new HashMap<>();
    private final Function<String, Object> lookup = variables::get;
    private final UrbanBody raipur = new UrbanBody("RPR", "Raipur", "रायपुर", "Raipur",
            BodyKind.MUNICIPAL_CORPORATION, 70);
    private final Map<String, Object> params = Map.of("requestNumber", "RPR-2026-000042");
    private ServiceRequest request;

    @BeforeEach
    void setUp() {
        request = new ServiceRequest("RPR-2026-000042", "birth-certificate", "RPR", 12, "Ramesh Verma", "9876543210",
                "Ward 12, Raipur", VisitWindow.MORNING, "en", "fb1", NOW);
        when(requests.require("RPR-2026-000042")).thenReturn(request);
        when(bodies.findById("RPR")).thenReturn(Optional.of(raipur));
    }

    @Test
    void sendsToTheCitizenInTheRequestsLanguage() {
        SmsMessage queued = mock(SmsMessage.class);
        when(parameters.gather(request, SmsTemplates.MITAN_ASSIGNED, "en", lookup)).thenReturn(params);
        when(sms.toCitizen(request, SmsTemplates.MITAN_ASSIGNED, params)).thenReturn(queued);

        assertThat(notifications.send("RPR-2026-000042", SmsTemplates.MITAN_ASSIGNED, Recipient.CITIZEN, lookup))
                .contains(queued);
        verify(requests, never()).record(any(), anyString(), any(), any());
    }

    @Test
    void sendsToTheSupervisorOfTheBodyInTheStaffLanguageAndRecordsTheOverdueTask() {
        raipur.setSupervisorPhone("7000012345");
        variables.put("taskName", "Scrutinise documents");
        when(parameters.gather(request, SmsTemplates.TASK_OVERDUE, "hi", lookup)).thenReturn(params);
        when(sms.toPhone(request, "7000012345", "hi", SmsTemplates.TASK_OVERDUE, params))
                .thenReturn(mock(SmsMessage.class));

        assertThat(notifications.send("RPR-2026-000042", SmsTemplates.TASK_OVERDUE, Recipient.SUPERVISOR, lookup))
                .isPresent();
        verify(requests).record(request, ProcessNotifications.TASK_OVERDUE_MILESTONE, null, "Scrutinise documents");
        verify(sms, never()).toCitizen(any(), any(), any());
    }

    /**
     * The clerk's return reaches the citizen by SMS and the request's record as a milestone: who returned it and what
     * must be fixed, so the call centre and the auditors read why the request went back to the Mitan.
     */
    @Test
    void documentsReturnedByTheClerkAreRecordedWithWhatMustBeFixed() {
        variables.put("scrutinyRemarks", "The parent's ID card is cut off; scan the whole card");
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("clerk.raipur", List.of("clerk-RPR")));
        when(parameters.gather(request, SmsTemplates.DOCUMENTS_RETURNED, "en", lookup)).thenReturn(params);
        when(sms.toCitizen(request, SmsTemplates.DOCUMENTS_RETURNED, params)).thenReturn(mock(SmsMessage.class));

        assertThat(notifications.send("RPR-2026-000042", SmsTemplates.DOCUMENTS_RETURNED, Recipient.CITIZEN,
                lookup)).isPresent();
        verify(requests).record(request, ProcessNotifications.DOCUMENTS_RETURNED_MILESTONE, "clerk.raipur",
                "The parent's ID card is cut off; scan the whole card");
    }

    /** The documents the clerk ticked are kept as a return, and named in the milestone before the remarks. */
    @Test
    void theDocumentsReturnedAreKeptAndNamedInTheMilestone() {
        List<String> ticked = List.of("parent-id");
        variables.put("scrutinyRemarks", "The card is cut off");
        variables.put("returnedDocuments", ticked);
        actingAs("clerk.raipur", SmsTemplates.DOCUMENTS_RETURNED);
        when(returns.record("RPR-2026-000042", ticked, "clerk.raipur"))
                .thenReturn(List.of("Parent's ID proof / माता-पिता का पहचान पत्र"));

        notifications.send("RPR-2026-000042", SmsTemplates.DOCUMENTS_RETURNED, Recipient.CITIZEN, lookup);

        verify(requests).record(request, ProcessNotifications.DOCUMENTS_RETURNED_MILESTONE, "clerk.raipur",
                "To take again: Parent's ID proof / माता-पिता का पहचान पत्र. The card is cut off");
    }

    /** A refused list leaves the clerk's task open (a form's refusal, 400), with no milestone and no SMS. */
    @Test
    void aReturnOfDocumentsTheRequestDoesNotHaveIsRefusedOnTheField() {
        variables.put("returnedDocuments", List.of("passport"));
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("clerk.raipur", List.of("clerk-RPR")));
        when(returns.record("RPR-2026-000042", List.of("passport"), "clerk.raipur")).thenThrow(Refusal.invalid(
                Map.of("returnedDocuments", "may name only documents request RPR-2026-000042 has scans of")));

        assertThatThrownBy(() -> notifications.send("RPR-2026-000042", SmsTemplates.DOCUMENTS_RETURNED,
                Recipient.CITIZEN, lookup)).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("returnedDocuments may name only documents")
                .extracting(refusal -> ((FormFieldValidationException) refusal).<Object>getDetail())
                .isEqualTo("returnedDocuments");
        verify(requests, never()).record(any(), anyString(), any(), any());
        verify(sms, never()).toCitizen(any(), any(), any());
    }

    /** A visit that found documents missing is a milestone of its own: the Mitan who reported it and their words. */
    @Test
    void aVisitThatFoundDocumentsMissingIsRecordedWithTheMitansRemarks() {
        variables.put("visitRemarks", " The card is with the father at work; back tomorrow. ");
        actingAs("mitan.raipur", SmsTemplates.DOCUMENTS_MISSING);

        notifications.send("RPR-2026-000042", SmsTemplates.DOCUMENTS_MISSING, Recipient.CITIZEN, lookup);

        verify(requests).record(request, ProcessNotifications.DOCUMENTS_MISSING_MILESTONE, "mitan.raipur",
                "The card is with the father at work; back tomorrow.");
    }

    /** The user completing the task, whose completion sends the citizen the template's SMS. */
    private void actingAs(String userId, String template) {
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication(userId, List.of()));
        when(parameters.gather(request, template, "en", lookup)).thenReturn(params);
        when(sms.toCitizen(request, template, params)).thenReturn(mock(SmsMessage.class));
    }

    @Test
    void aBodyWithoutSupervisorPhoneGetsNoSmsButAMilestone() {
        variables.put("taskName", "Visit the citizen");

        assertThat(notifications.send("RPR-2026-000042", SmsTemplates.TASK_OVERDUE, Recipient.SUPERVISOR, lookup))
                .isEmpty();
        verify(requests).record(request, ProcessNotifications.TASK_OVERDUE_MILESTONE, null, "Visit the citizen");
        verify(requests).record(eq(request), eq(ProcessNotifications.SUPERVISOR_SMS_SKIPPED), isNull(),
                org.mockito.ArgumentMatchers.contains("TASK_OVERDUE"));
        verify(sms, never()).toPhone(any(), any(), any(), any(), any());
    }

    @Test
    void anUnknownRequestIsNotIgnored() {
        when(requests.require("RPR-2026-999999")).thenThrow(new IllegalStateException("no such request"));

        assertThatThrownBy(() -> notifications.send("RPR-2026-999999", SmsTemplates.SUBMITTED, Recipient.CITIZEN,
                lookup)).hasMessageContaining("no such request");
    }

    @Test
    void recipientsAreReadFromTheModelsInput() {
        assertThat(Recipient.of(null)).isEqualTo(Recipient.CITIZEN);
        assertThat(Recipient.of("citizen")).isEqualTo(Recipient.CITIZEN);
        assertThat(Recipient.of(" Supervisor ")).isEqualTo(Recipient.SUPERVISOR);
        assertThatThrownBy(() -> Recipient.of("mayor")).hasMessageContaining("mayor")
                .hasMessageContaining("supervisor");
    }
}
