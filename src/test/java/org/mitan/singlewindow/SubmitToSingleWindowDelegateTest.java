package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class SubmitToSingleWindowDelegateTest {

    private final SingleWindowSubmissions submissions = mock(SingleWindowSubmissions.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);
    private final SubmitToSingleWindowDelegate delegate = new SubmitToSingleWindowDelegate(submissions);

    @Test
    void setsTheSubmissionReference() {
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000042");
        when(submissions.submit("RPR-2026-000042")).thenReturn(new SingleWindowSubmissions.Submitted("SWS-1"));

        delegate.execute(execution);

        verify(execution).setVariable("submissionReference", "SWS-1");
        verify(execution, never()).setVariable(eq("submissionRejection"), anyString());
    }

    @Test
    void refusalSetsTheReasonAndThrowsTheBpmnError() {
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000042");
        when(submissions.submit("RPR-2026-000042"))
                .thenReturn(new SingleWindowSubmissions.Rejected("Birth already registered"));

        assertThatThrownBy(() -> delegate.execute(execution))
                .isInstanceOfSatisfying(BpmnError.class, error -> {
                    assertThat(error.getErrorCode()).isEqualTo("SingleWindowRejected");
                    assertThat(error.getMessage()).isEqualTo("Birth already registered");
                });
        verify(execution).setVariable("submissionRejection", "Birth already registered");
        verify(execution, never()).setVariable(eq("submissionReference"), anyString());
    }

    @Test
    void technicalFailurePropagatesUnchanged() {
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000042");
        when(submissions.submit("RPR-2026-000042")).thenThrow(new SingleWindowUnavailableException("HTTP 503"));

        assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(SingleWindowUnavailableException.class);
    }

    @Test
    void aRequestNumberVariableDoesNotChooseTheRequest() {
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000042");
        when(execution.getVariable("requestNumber")).thenReturn("RPR-2026-000777");
        when(submissions.submit("RPR-2026-000042")).thenReturn(new SingleWindowSubmissions.Submitted("SWS-1"));

        delegate.execute(execution);

        verify(submissions, never()).submit("RPR-2026-000777");
        verify(execution).setVariable("submissionReference", "SWS-1");
    }

    @Test
    void missingBusinessKeyIsATechnicalFailure() {
        when(execution.getVariable("requestNumber")).thenReturn("RPR-2026-000042");

        assertThatThrownBy(() -> delegate.execute(execution))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("business key");
        verifyNoInteractions(submissions);
    }
}
