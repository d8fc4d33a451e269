package org.mitan.delivery;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.mitan.AssignedMitan;

class HomeDeliveryDelegateTest {

    private final Deliveries deliveries = mock(Deliveries.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final AssignedMitan assignedMitan = mock(AssignedMitan.class);
    private final HomeDeliveryDelegate homeDelivery = new HomeDeliveryDelegate(deliveries, assignedMitan, identity);
    private final DelegateTask task = mock(DelegateTask.class);
    private final DelegateExecution taskExecution = mock(DelegateExecution.class);

    @BeforeEach
    void aCompletedDeliveryTask() {
        when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_COMPLETE);
        when(task.getVariable("requestNumber")).thenReturn("RPR-2026-000777");
        when(task.getAssignee()).thenReturn("mitan-sunita");
        when(task.getExecution()).thenReturn(taskExecution);
        when(taskExecution.getProcessBusinessKey()).thenReturn("RPR-2026-000042");
    }

    @Test
    void asDelegateArrangesTheDeliveryOfTheBusinessKeyWithTheMitanOfTheRequestRow() throws Exception {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000042");
        when(execution.getVariable("requestNumber")).thenReturn("RPR-2026-000777");
        when(execution.getVariable("mitanUserId")).thenReturn("mitan-intruder");
        when(assignedMitan.userId(execution)).thenReturn("mitan-sunita");

        homeDelivery.execute(execution);

        verify(deliveries).arrange("RPR-2026-000042", "mitan-sunita");
    }

    @Test
    void onCompletionChecksTheOtpRecordsTheAssigneeAndRemovesTheOtp() {
        when(task.getVariable("deliveryOtp")).thenReturn("042917");

        homeDelivery.notify(task);

        verify(deliveries).confirm("RPR-2026-000042", "042917", "mitan-sunita");
        verify(task).removeVariableLocal("deliveryOtp");
        verify(taskExecution).removeVariable("deliveryOtp");
    }

    @Test
    void aNumberFieldsLostLeadingZerosAreRestored() {
        when(task.getVariable("deliveryOtp")).thenReturn(42917L);

        homeDelivery.notify(task);

        verify(deliveries).confirm("RPR-2026-000042", "042917", "mitan-sunita");
    }

    @Test
    void withoutAssigneeTheCompletingUserDelivered() {
        when(task.getAssignee()).thenReturn(null);
        when(task.getVariable("deliveryOtp")).thenReturn("042917");
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("supervisor1", null));

        homeDelivery.notify(task);

        verify(deliveries).confirm("RPR-2026-000042", "042917", "supervisor1");
    }

    @Test
    void aWrongOtpRefusesTheCompletion() {
        when(task.getVariable("deliveryOtp")).thenReturn("111111");
        when(deliveries.confirm(any(), any(), any()))
                .thenThrow(new WrongOtpException("The OTP does not match. 2 attempt(s) left."));

        assertThatThrownBy(() -> homeDelivery.notify(task))
                .isInstanceOf(WrongOtpException.class)
                .hasMessage("The OTP does not match. 2 attempt(s) left.");
        verify(taskExecution, never()).removeVariable(any());
    }

    @Test
    void otherTaskEventsAreIgnored() {
        when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_CREATE);

        homeDelivery.notify(task);

        verifyNoInteractions(deliveries);
    }
}
