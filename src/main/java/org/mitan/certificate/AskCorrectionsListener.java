package org.mitan.certificate;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.Spin;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessVariables;
import org.mitan.request.Actors;
import org.mitan.request.ProcessRequest;

/**
 * {@code askCorrections} (create + complete) on a correction type's task "Ask for the changes". On create it gives the
 * form the entries it may change ({@code correctableFields}, the options of each slot's entry) and the changes asked
 * before (a second visit). On complete it takes the changes ({@link Corrections#ask}), refuses a bad one on its field
 * (the task stays open), and writes {@code correctionKind} ({@code clerical} or {@code substance}, from the type's
 * rules) and {@code correctionDocumentsComplete}; when a document the changes require is missing,
 * {@code scrutinyRemarks} names it for the Mitan's next visit. The slots leave the engine: the changes are kept in
 * the register's table.
 */
@ProcessBean("askCorrections")
class AskCorrectionsListener implements TaskListener {

    private final Corrections corrections;
    private final IdentityService identity;

    AskCorrectionsListener(Corrections corrections, IdentityService identity) {
        this.corrections = corrections;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String requestNumber = ProcessRequest.numberOf(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(ProcessVariables.CORRECTABLE_FIELDS,
                    Spin.JSON(corrections.correctableFields(requestNumber)));
            for (CorrectionChange change : corrections.asked(requestNumber)) {
                List<String> keys = ProcessVariables.CHANGE_SLOTS.get(change.getPosition() - 1);
                task.setVariableLocal(keys.get(0), change.getField());
                task.setVariableLocal(keys.get(1), change.getNewValue());
                task.setVariableLocal(keys.get(2), change.getReason());
            }
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        DelegateExecution execution = task.getExecution();
        List<Corrections.Asked> asked = new ArrayList<>();
        for (List<String> keys : ProcessVariables.CHANGE_SLOTS) {
            asked.add(new Corrections.Asked(text(task, keys.get(0)), text(task, keys.get(1)), text(task, keys.get(2))));
        }
        Corrections.Outcome outcome;
        try {
            outcome = corrections.ask(requestNumber, asked, Actors.current(identity));
        } catch (CorrectionRefused refusal) {
            throw new FormFieldValidationException(refusal.field(), refusal.getMessage());
        }
        for (List<String> keys : ProcessVariables.CHANGE_SLOTS) {
            task.removeVariablesLocal(keys);
            execution.removeVariables(keys);
        }
        task.removeVariableLocal(ProcessVariables.CORRECTABLE_FIELDS);
        DelegateExecution instance = execution.getProcessInstance();
        instance.setVariable(ProcessVariables.CORRECTION_KIND, outcome.kind());
        instance.setVariable(ProcessVariables.CORRECTION_DOCUMENTS_COMPLETE, outcome.missingDocuments().isEmpty());
        if (!outcome.missingDocuments().isEmpty()) {
            instance.setVariable(ProcessVariables.SCRUTINY_REMARKS, "The correction asked is of substance: bring "
                    + String.join("; ", outcome.missingDocuments()) + ". / सारभूत सुधार: शपथ पत्र लाएँ।");
        }
    }

    /** A slot's value: the one just submitted (process scope) before the prefilled task-local copy. */
    private static String text(DelegateTask task, String name) {
        DelegateExecution execution = task.getExecution();
        Object value = execution.hasVariable(name) ? execution.getVariable(name) : task.getVariableLocal(name);
        return value == null ? null : value.toString();
    }
}
