package org.mitan.certificate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mitan.singlewindow.SingleWindowUnavailableException;

class IssueCertificateDelegateTest {

    private final CertificateService certificates = mock(CertificateService.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);
    private final IssueCertificateDelegate delegate = new IssueCertificateDelegate(certificates);

    @Test
    void issuesForTheProcessInstanceAndSetsTheCertificateNumber() {
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000042");
        when(execution.getProcessInstanceId()).thenReturn("process-1");
        when(certificates.issue("RPR-2026-000042", "process-1")).thenReturn(new Certificate("RPR/BIRTH/2026/000001",
                42L, "RPR", "birth-certificate", "Asha Sahu", Instant.now(), "certificates/a.pdf", "a", "CODE"));

        delegate.execute(execution);

        verify(execution).setVariable("certificateNumber", "RPR/BIRTH/2026/000001");
    }

    @Test
    void theRequestIsTheBusinessKeyNotTheVariable() {
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000042");
        when(execution.getVariable("requestNumber")).thenReturn("RPR-2026-000777");
        when(execution.getProcessInstanceId()).thenReturn("process-1");
        when(certificates.issue("RPR-2026-000042", "process-1")).thenReturn(new Certificate("RPR/BIRTH/2026/000001",
                42L, "RPR", "birth-certificate", "Asha Sahu", Instant.now(), "certificates/a.pdf", "a", "CODE"));

        delegate.execute(execution);

        verify(certificates, never()).issue(eq("RPR-2026-000777"), anyString());
    }

    @Test
    void failuresPropagateForRetryAndIncident() {
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000042");
        when(execution.getProcessInstanceId()).thenReturn("process-1");
        when(certificates.issue("RPR-2026-000042", "process-1"))
                .thenThrow(new SingleWindowUnavailableException("timeout"));

        assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(SingleWindowUnavailableException.class);
        verify(execution, never()).setVariable(eq("certificateNumber"), anyString());
    }
}
