package org.mitan.certificate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessVariables;
import org.mitan.request.Actors;
import org.mitan.request.ProcessRequest;

/**
 * {@code linkCorrectedCertificate} (create + complete) on a correction type's task "Name the certificate to
 * correct". On create it prefills {@code certificateToCorrect} with the certificate already named (a second visit).
 * On complete it links the request to that certificate ({@link Corrections#link}); the type it must be is the
 * task's input parameter {@code correctsType}, written in the model. A number that is not in the register, of another
 * type or body, or superseded, is refused on the field and the task stays open; with {@code paperCertificate} ticked
 * the number is an older paper certificate's, and {@code certificateOnPaper} tells the model that the clerk enters
 * its entry from the scan.
 */
@ProcessBean("linkCorrectedCertificate")
class LinkCorrectedCertificateListener implements TaskListener {

    private final Corrections corrections;
    private final IdentityService identity;

    LinkCorrectedCertificateListener(Corrections corrections, IdentityService identity) {
        this.corrections = corrections;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String requestNumber = ProcessRequest.numberOf(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            corrections.linkedNumber(requestNumber)
                    .ifPresent(number -> task.setVariableLocal(ProcessVariables.CERTIFICATE_TO_CORRECT, number));
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        DelegateExecution execution = task.getExecution();
        Object type = execution.getVariableLocal(ProcessVariables.CORRECTS_TYPE);
        if (!(type instanceof String correctsType) || correctsType.isBlank()) {
            throw new IllegalStateException("The task " + task.getTaskDefinitionKey() + " needs the input parameter '"
                    + ProcessVariables.CORRECTS_TYPE + "' naming the certificate type it corrects.");
        }
        String name = ProcessVariables.CERTIFICATE_TO_CORRECT;
        Object typed = submitted(task, name);
        boolean onPaper = Boolean.TRUE.equals(submitted(task, ProcessVariables.PAPER_CERTIFICATE));
        try {
            Corrections.Named named = corrections.link(requestNumber, typed == null ? null : typed.toString(),
                    correctsType, onPaper, Actors.current(identity));
            DelegateExecution instance = execution.getProcessInstance();
            instance.setVariable(name, named.number());
            instance.setVariable(ProcessVariables.CERTIFICATE_ON_PAPER, named.toEnterFromPaper());
        } catch (CorrectionRefused refusal) {
            throw new FormFieldValidationException(refusal.field(), refusal.getMessage());
        }
    }

    /** A field's value: the one just submitted (process scope) before the prefilled task-local copy. */
    private static Object submitted(DelegateTask task, String name) {
        DelegateExecution execution = task.getExecution();
        return execution.hasVariable(name) ? execution.getVariable(name) : task.getVariableLocal(name);
    }
}
