package org.mitan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.failure.Refusal;
import org.mitan.request.ServiceRequestRepository;
import org.mockito.ArgumentCaptor;

class RegisterRequestDelegateTest {

    private final IntakeService intake = mock(IntakeService.class);
    private final ServiceRequestRepository requests = mock(ServiceRequestRepository.class);
    private final RepositoryService repository = mock(RepositoryService.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final RegisterRequestDelegate delegate = new RegisterRequestDelegate(intake, requests, repository,
            identity);
    private final Map<String, Object> variables = new HashMap<>();
    private DelegateExecution execution;

    @BeforeEach
    void setUp() {
        ProcessDefinition definition = mock(ProcessDefinition.class);
        when(definition.getKey()).thenReturn("birth-certificate");
        when(repository.getProcessDefinition("birth-certificate:1:x")).thenReturn(definition);
        execution = Scopes.execution(variables);
        when(execution.getProcessDefinitionId()).thenReturn("birth-certificate:1:x");
        when(execution.getProcessInstanceId()).thenReturn("pi-1");
    }

    @Test
    void startedByTheApiTheRequestOfTheBusinessKeyIsLinkedToTheInstance() {
        variables.put("requestNumber", "RPR-2026-000001");
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000001");
        when(requests.findByRequestNumber("RPR-2026-000001"))
                .thenReturn(Optional.of(Fixtures.request(1, "RPR-2026-000001")));
        when(intake.attachProcess("RPR-2026-000001", "birth-certificate", "pi-1"))
                .thenReturn(Fixtures.request(1, "RPR-2026-000001"));

        delegate.execute(execution);

        assertThat(variables).containsOnly(Map.entry("requestNumber", "RPR-2026-000001"),
                Map.entry("certificateType", "birth-certificate"), Map.entry("bodyCode", "RPR"));
        verify(execution, never()).setProcessBusinessKey(anyString());
        verify(intake, never()).registerStarted(any(), anyString(), anyString());
    }

    @Test
    void startedFromTheStartFormTheRequestIsCreatedAndThePersonalDetailsLeaveTheProcess() {
        startForm(12L);
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("cc2", List.of("call-centre")));
        when(intake.registerStarted(any(), anyString(), anyString()))
                .thenReturn(Fixtures.request(3, "RPR-2026-000003"));

        delegate.execute(execution);

        ArgumentCaptor<RegistrationForm> form = ArgumentCaptor.forClass(RegistrationForm.class);
        verify(intake).registerStarted(form.capture(), eq("pi-1"),
                eq("cc2"));
        assertThat(form.getValue()).isEqualTo(new RegistrationForm("birth-certificate", "RPR", "12", "Asha Verma",
                "98765 43210", "12 Station Road", "MORNING", "hi"));
        verify(execution).setProcessBusinessKey("RPR-2026-000003");
        assertThat(variables).containsEntry("requestNumber", "RPR-2026-000003")
                .containsEntry("certificateType", "birth-certificate")
                .containsEntry("bodyCode", "RPR")
                .doesNotContainKeys("citizenName", "citizenPhone", "address");
        verify(intake, never()).attachProcess(anyString(), anyString(), anyString());
    }

    @Test
    void aRequestNumberAmongTheStartVariablesNamesNoRequest() {
        startForm(12L);
        variables.put("requestNumber", "RPR-2026-000001");
        when(intake.registerStarted(any(), anyString(), anyString()))
                .thenReturn(Fixtures.request(3, "RPR-2026-000003"));

        delegate.execute(execution);

        verify(intake, never()).attachProcess(anyString(), anyString(), anyString());
        verify(execution).setProcessBusinessKey("RPR-2026-000003");
        assertThat(variables).containsEntry("requestNumber", "RPR-2026-000003");
    }

    @Test
    void aBusinessKeyThatIsNoRequestIsReplacedByTheNewRequestsNumber() {
        startForm(12L);
        when(execution.getProcessBusinessKey()).thenReturn("typed in the start dialog");
        when(requests.findByRequestNumber("typed in the start dialog")).thenReturn(Optional.empty());
        when(intake.registerStarted(any(), anyString(), anyString()))
                .thenReturn(Fixtures.request(3, "RPR-2026-000003"));

        delegate.execute(execution);

        verify(execution).setProcessBusinessKey("RPR-2026-000003");
        verify(intake, never()).attachProcess(anyString(), anyString(), anyString());
    }

    @Test
    void aWardFromANumberFieldMayArriveAsADouble() {
        startForm(12.0d);
        when(intake.registerStarted(any(), anyString(), anyString()))
                .thenReturn(Fixtures.request(3, "RPR-2026-000003"));

        delegate.execute(execution);

        ArgumentCaptor<RegistrationForm> form = ArgumentCaptor.forClass(RegistrationForm.class);
        verify(intake).registerStarted(form.capture(), anyString(), eq("system"));
        assertThat(form.getValue().ward()).isEqualTo("12");
        assertThat(RegisterRequestDelegate.text(12.5d)).isEqualTo("12.5");
    }

    @Test
    void anInvalidStartFormIsRefusedWithEachBadFieldAndStartsNothing() {
        startForm(99L);
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("ward", "must be a ward number from 1 to 70 of Raipur");
        errors.put("citizenPhone", "is not an Indian mobile number");
        when(intake.registerStarted(any(), anyString(), anyString())).thenThrow(Refusal.invalid(errors));
        Map<String, Object> before = new HashMap<>(variables);

        ProcessEngineException refusal = catchThrowableOfType(ProcessEngineException.class,
                () -> delegate.execute(execution));

        assertThat(refusal).isInstanceOf(FormFieldValidationException.class);
        assertThat(((FormFieldValidationException) refusal).<String>getDetail()).as("the first field to correct").isEqualTo("ward");
        assertThat(refusal.getMessage()).contains("not registered", "ward must be a ward number from 1 to 70",
                "citizenPhone is not an Indian mobile number");
        assertThat(variables).isEqualTo(before);
        verify(execution, never()).setProcessBusinessKey(anyString());
    }

    private void startForm(Object ward) {
        variables.put("bodyCode", "RPR");
        variables.put("ward", ward);
        variables.put("citizenName", "Asha Verma");
        variables.put("citizenPhone", "98765 43210");
        variables.put("address", "12 Station Road");
        variables.put("preferredVisitWindow", "MORNING");
        variables.put("language", "hi");
    }
}
