package org.mitan.certificate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessVariables;
import org.mitan.request.Actors;
import org.mitan.request.ProcessRequest;

/**
 * {@code enterPaperEntry} (complete, after {@code captureParticulars}) on a correction type's clerk task "Enter the
 * paper certificate's entry": the particulars the clerk read from the scan become a register entry marked as entered
 * from paper, with the scan, who and when ({@link Corrections#enterFromPaper}); the request corrects that entry. The
 * number is the one the Mitan named ({@code certificateToCorrect}), the type the task's input {@code correctsType}.
 * When another request's clerk entered the same paper certificate first, the request corrects that entry, or the
 * certificate that has superseded it since (then {@code certificateToCorrect} becomes that certificate's number).
 */
@ProcessBean("enterPaperEntry")
class EnterPaperEntryListener implements TaskListener {

    private final Corrections corrections;
    private final IdentityService identity;

    EnterPaperEntryListener(Corrections corrections, IdentityService identity) {
        this.corrections = corrections;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        Object type = task.getExecution().getVariableLocal(ProcessVariables.CORRECTS_TYPE);
        Object number = task.getExecution().getProcessInstance().getVariable(ProcessVariables.CERTIFICATE_TO_CORRECT);
        if (!(type instanceof String correctsType) || !(number instanceof String certificateNumber)) {
            throw new IllegalStateException("The task " + task.getTaskDefinitionKey() + " needs the input parameter '"
                    + ProcessVariables.CORRECTS_TYPE + "' and a certificate named before it.");
        }
        try {
            String corrected = corrections.enterFromPaper(ProcessRequest.numberOf(task), certificateNumber,
                    correctsType, Actors.current(identity));
            if (!corrected.equals(certificateNumber)) {
                task.getExecution().getProcessInstance().setVariable(ProcessVariables.CERTIFICATE_TO_CORRECT,
                        corrected);
            }
        } catch (CorrectionRefused refusal) {
            throw new FormFieldValidationException(refusal.field(), refusal.getMessage());
        }
    }
}
