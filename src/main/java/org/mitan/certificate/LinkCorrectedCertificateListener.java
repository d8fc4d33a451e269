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
 * type or body, or superseded, is refused on the field and the task stays open.
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
        Object typed = execution.hasVariable(name) ? execution.getVariable(name) : task.getVariableLocal(name);
        try {
            Certificate certificate = corrections.link(requestNumber, typed == null ? null : typed.toString(),
                    correctsType, Actors.current(identity));
            execution.getProcessInstance().setVariable(name, certificate.getCertificateNumber());
        } catch (CorrectionRefused refusal) {
            throw new FormFieldValidationException(refusal.field(), refusal.getMessage());
        }
    }
}
