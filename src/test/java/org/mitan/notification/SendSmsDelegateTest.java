package org.mitan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mitan.notification.ProcessNotifications.Recipient;
import org.mitan.process.SmsTemplates;
import org.mockito.ArgumentCaptor;

class SendSmsDelegateTest {

    private final ProcessNotifications notifications = mock(ProcessNotifications.class);
    private final SendSmsDelegate delegate = new SendSmsDelegate(notifications);
    private final DelegateExecution execution = mock(DelegateExecution.class);

    @Test
    void sendsTheTemplateToTheCitizenByDefault() throws Exception {
        when(execution.getVariableLocal("template")).thenReturn(SmsTemplates.MITAN_ASSIGNED);
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000042");

        delegate.execute(execution);

        verify(notifications).send(eq("RPR-2026-000042"), eq(SmsTemplates.MITAN_ASSIGNED), eq(Recipient.CITIZEN),
                any());
    }

    @SuppressWarnings("unchecked")
    @Test
    void sendsToTheSupervisorWithTheProcessVariablesAtHand() throws Exception {
        when(execution.getVariableLocal("template")).thenReturn(SmsTemplates.TASK_OVERDUE);
        when(execution.getVariableLocal("recipient")).thenReturn("supervisor");
        when(execution.getVariable("taskName")).thenReturn("Decide the application");
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000042");

        delegate.execute(execution);

        ArgumentCaptor<Function<String, Object>> variables = ArgumentCaptor.forClass(Function.class);
        verify(notifications).send(eq("RPR-2026-000042"), eq(SmsTemplates.TASK_OVERDUE), eq(Recipient.SUPERVISOR),
                variables.capture());
        assertThat(variables.getValue().apply("taskName")).isEqualTo("Decide the application");
    }

    @Test
    void processVariablesNamedLikeTheInputsOrTheRequestRedirectNothing() throws Exception {
        when(execution.getVariableLocal("template")).thenReturn(SmsTemplates.MITAN_ASSIGNED);
        when(execution.getVariable("recipient")).thenReturn("supervisor");
        when(execution.getVariable("requestNumber")).thenReturn("RPR-2026-000777");
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000042");

        delegate.execute(execution);

        verify(notifications).send(eq("RPR-2026-000042"), eq(SmsTemplates.MITAN_ASSIGNED), eq(Recipient.CITIZEN),
                any());
    }

    @Test
    void aModelWithoutTemplateInputFailsNamingIt() {
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000042");
        when(execution.getCurrentActivityId()).thenReturn("Task_NotifyMitanAssigned");

        assertThatThrownBy(() -> delegate.execute(execution))
                .hasMessageContaining("'template'").hasMessageContaining("Task_NotifyMitanAssigned");
        verifyNoInteractions(notifications);
    }

    @Test
    void anUnknownRecipientFails() {
        when(execution.getVariableLocal("template")).thenReturn(SmsTemplates.SUBMITTED);
        when(execution.getVariableLocal("recipient")).thenReturn("registrar");
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000042");

        assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(IllegalArgumentException.class);
        verifyNoInteractions(notifications);
    }
}
