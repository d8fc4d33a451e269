package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/** The two thin process hooks: which request they work on, and which variables they write. */
class DocumentDelegatesTest {

    final DocumentVerification verification = mock(DocumentVerification.class);
    final DocumentChecklistWriter checklist = mock(DocumentChecklistWriter.class);
    final DelegateExecution execution = mock(DelegateExecution.class);
    final DelegateTask task = mock(DelegateTask.class);

    @Test
    void verificationInOrderSetsVerifiedAndNoProblems() {
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000001");
        when(verification.verify("RPR-2026-000001")).thenReturn(List.of());

        new VerifyDocumentsDelegate(verification).execute(execution);

        verify(execution).setVariable("documentsVerified", true);
        verify(execution).setVariable("documentProblems", "");
    }

    @Test
    void verificationProblemsGoBackOneALine() {
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000001");
        when(verification.verify("RPR-2026-000001")).thenReturn(List.of(
                "Parent's ID proof is missing: scan and upload it.",
                "Birth report: the stored file is missing; upload it again."));

        new VerifyDocumentsDelegate(verification).execute(execution);

        verify(execution).setVariable("documentsVerified", false);
        verify(execution).setVariable("documentProblems", "Parent's ID proof is missing: scan and upload it.\n"
                + "Birth report: the stored file is missing; upload it again.");
    }

    @Test
    void verificationChecksTheRequestOfTheBusinessKeyNotOfAVariable() {
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000001");
        when(execution.getVariable("requestNumber")).thenReturn("RPR-2026-000777");
        when(verification.verify("RPR-2026-000001")).thenReturn(List.of());

        new VerifyDocumentsDelegate(verification).execute(execution);

        verify(verification).verify("RPR-2026-000001");
        verifyNoMoreInteractions(verification);
    }

    @Test
    void verificationWithoutABusinessKeyFailsLoudly() {
        when(execution.getCurrentActivityId()).thenReturn("Task_VerifyDocuments");
        when(execution.getVariable("requestNumber")).thenReturn("RPR-2026-000001");

        assertThatThrownBy(() -> new VerifyDocumentsDelegate(verification).execute(execution))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Task_VerifyDocuments")
                .hasMessageContaining("business key");
        verifyNoInteractions(verification);
    }

    @Test
    void checklistIsATaskLocalVariableBuiltForTheRequestOfTheBusinessKeyWithTheProblems() {
        when(task.getExecution()).thenReturn(execution);
        when(execution.getProcessBusinessKey()).thenReturn("RPR-2026-000001");
        when(task.getVariable("requestNumber")).thenReturn("RPR-2026-000777");
        when(task.getVariable("certificateType")).thenReturn("a-type-with-fewer-documents");
        when(task.getVariable("documentProblems")).thenReturn("Birth report is missing: scan and upload it.");
        when(checklist.forRequest("RPR-2026-000001", "Birth report is missing: scan and upload it."))
                .thenReturn("**Documents to collect**");

        new DocumentChecklistListener(checklist).notify(task);

        verify(task).setVariableLocal("documentChecklist", "**Documents to collect**");
    }

    @Test
    void checklistWithoutABusinessKeyFailsLoudly() {
        when(task.getExecution()).thenReturn(execution);
        when(execution.getCurrentActivityId()).thenReturn("Task_VisitCitizen");
        when(task.getVariable("requestNumber")).thenReturn("RPR-2026-000001");

        assertThatThrownBy(() -> new DocumentChecklistListener(checklist).notify(task))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Task_VisitCitizen");
        verifyNoInteractions(checklist);
    }
}
