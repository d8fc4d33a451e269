package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.dmn.DecisionEvaluationBuilder;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The step "Work out the registration delay" on the real tables of the death certificate (its
 * {@code death-certificate-registration-delay} decision, evaluated as the engine evaluates it): the delay comes from the
 * particular the model names and the day the request was registered, in the state's calendar; nobody types it.
 */
class RegistrationDelayDelegateTest {

    static final String NUMBER = "RPR-2026-000042";
    static final String TYPE = "death-certificate";
    /** Registered on 1 May 2026 at 10:00 in Raipur. */
    static final Instant REGISTERED = Instant.parse("2026-05-01T04:30:00Z");
    static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    final Requests requests = mock(Requests.class);
    final ServiceRequestRepository repository = mock(ServiceRequestRepository.class);
    final DocumentRepository documents = mock(DocumentRepository.class);
    final RequiredDocuments requiredDocuments = mock(RequiredDocuments.class);
    final DecisionService decisions = mock(DecisionService.class);
    final DecisionEvaluationBuilder evaluation = mock(DecisionEvaluationBuilder.class);
    final DelegateExecution execution = mock(DelegateExecution.class);
    final List<Document> uploaded = new ArrayList<>();
    ServiceRequest request;
    String decisionKey;
    Map<String, Object> decisionVariables;

    @BeforeEach
    void setUp() throws IOException {
        request = new ServiceRequest(NUMBER, TYPE, "RPR", 12, "Mohan Sahu", "9123456780", "Ward 12, Raipur",
                VisitWindow.MORNING, "hi", "feedback-code-42", REGISTERED);
        ReflectionTestUtils.setField(request, "id", 42L);
        when(requests.require(NUMBER)).thenReturn(request);
        when(documents.findByRequestIdOrderByUploadedAtAsc(42L)).thenReturn(uploaded);
        when(execution.getProcessBusinessKey()).thenReturn(NUMBER);
        when(execution.getVariableLocal("eventParticular")).thenReturn("dateOfDeath");
        List<RequiredDocument> rows;
        try (InputStream tables = Files.newInputStream(Path.of("processes", TYPE + ".dmn"))) {
            rows = RequiredDocuments.fromResult(DMN.evaluateDecisionTable(TYPE + "-documents", tables,
                    Map.of("certificateType", TYPE)).getResultList());
        }
        when(requiredDocuments.forType(TYPE)).thenReturn(rows);
        when(decisions.evaluateDecisionTableByKey(anyString())).thenAnswer(call -> {
            decisionKey = call.getArgument(0);
            return evaluation;
        });
        when(evaluation.variables(anyMap())).thenAnswer(call -> {
            decisionVariables = call.getArgument(0);
            return evaluation;
        });
        when(evaluation.evaluate()).thenAnswer(call -> {
            try (InputStream tables = Files.newInputStream(Path.of("processes", TYPE + ".dmn"))) {
                return DMN.evaluateDecisionTable(decisionKey, tables, decisionVariables);
            }
        });
    }

    RegistrationDelayDelegate delegate() {
        return new RegistrationDelayDelegate(requests, repository, documents, requiredDocuments, decisions,
                mock(IdentityService.class), Clock.fixed(REGISTERED.plusSeconds(3600), ZoneOffset.UTC));
    }

    @Test
    void thirtyDaysLateNeedsThePermissionAndTheAffidavitWhichTheMitanIsSentBackFor() {
        request.setParticulars(Map.of("deceasedName", "Shanti Bai", "dateOfDeath", "2026-04-01"));

        delegate().execute(execution);

        assertThat(decisionKey).isEqualTo("death-certificate-registration-delay");
        assertThat(decisionVariables).containsEntry("delayDays", 30);
        assertThat(request.getRegistrationDelayDays()).isEqualTo(30);
        assertThat(request.getRegistrationPath()).isEqualTo("permission");
        assertThat(request.getPathDocuments()).containsExactly("late-registration-affidavit");
        assertThat(request.getLateFeeRupees()).isZero();
        verify(repository).save(request);
        verify(requests).record(eq(request), eq("REGISTRATION_DELAY"), eq("system"), anyString());
        verify(execution).setVariable("registrationDelayDays", 30);
        verify(execution).setVariable("registrationPath", "permission");
        verify(execution).setVariable("registrationDocumentsComplete", false);
        verify(execution).setVariable("scrutinyRemarks", "Registered 30 days after the event: bring "
                + "Affidavit for late registration (death more than 21 days before the call).");
    }

    @Test
    void theDateIsTheStatesCalendarDateAndTwentyOneDaysIsStillInTime() {
        // a date picked in the form arrives as midnight in Raipur: 18:30 UTC the day before
        request.setParticulars(Map.of("dateOfDeath", "2026-04-09T18:30:00Z"));

        delegate().execute(execution);

        assertThat(request.getRegistrationDelayDays()).isEqualTo(21);
        assertThat(request.getRegistrationPath()).isEqualTo("registrar");
        assertThat(request.getPathDocuments()).isEmpty();
        verify(execution).setVariable("registrationDocumentsComplete", true);
        verify(execution, never()).setVariable(eq("scrutinyRemarks"), anyString());
    }

    @Test
    void overAYearLateWithTheAffidavitAndTheOrderUploadedGoesOnToTheMagistratePath() {
        request.setParticulars(Map.of("dateOfDeath", "2025-03-01"));
        upload("late-registration-affidavit");
        upload("magistrate-order");

        delegate().execute(execution);

        assertThat(request.getRegistrationDelayDays()).isEqualTo(426);
        assertThat(request.getRegistrationPath()).isEqualTo("magistrate");
        assertThat(request.getPathDocuments()).containsExactly("late-registration-affidavit", "magistrate-order");
        verify(execution).setVariable("registrationDocumentsComplete", true);
        assertThat(RequiredDocuments.onPath(requiredDocuments.forType(TYPE), request))
                .filteredOn(RequiredDocument::mandatory).extracting(RequiredDocument::documentType)
                .containsExactly("medical-certificate-cause-of-death", "crematorium-record", "informant-id",
                        "late-registration-affidavit", "magistrate-order");
    }

    @Test
    void aDateAfterTheRegistrationIsRefusedAsTheFormsErrorAndNothingIsRecorded() {
        request.setParticulars(Map.of("dateOfDeath", "2026-05-02"));

        assertThatThrownBy(() -> delegate().execute(execution)).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("particular_dateOfDeath").hasMessageContaining("check the date");

        assertThat(request.getRegistrationPath()).isNull();
        verify(repository, never()).save(request);
    }

    @Test
    void aMissingOrUnreadableDateIsRefusedNamingTheField() {
        request.setParticulars(Map.of("deceasedName", "Shanti Bai"));
        assertThatThrownBy(() -> delegate().execute(execution)).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("particular_dateOfDeath is needed");

        request.setParticulars(Map.of("dateOfDeath", "last Tuesday"));
        assertThatThrownBy(() -> delegate().execute(execution)).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("must be a date");
        verify(repository, never()).save(request);
    }

    @Test
    void aStepWithoutTheEventParticularIsAModellingErrorNamingTheInput() {
        when(execution.getVariableLocal("eventParticular")).thenReturn(null);
        when(execution.getCurrentActivityId()).thenReturn("Task_WorkOutRegistrationDelay");

        assertThatThrownBy(() -> delegate().execute(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Task_WorkOutRegistrationDelay").hasMessageContaining("eventParticular");
    }

    private void upload(String type) {
        uploaded.add(new Document(UUID.randomUUID(), 42L, type, "requests/" + type, "00", 10, "application/pdf",
                "mitan.raipur", REGISTERED));
    }
}
