package org.mitan.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessVariables;
import org.mitan.request.Actors;
import org.mitan.request.ProcessRequest;
import org.mitan.text.TypedText;

/**
 * {@code captureParticulars} (create + complete): the form fields named {@code particular_<name>} are the
 * request's particulars. On create they are prefilled from the request row as task-local variables; on complete
 * they move into the row and leave the engine, so personal data is not kept as process variables. The request is
 * the process instance's business key. Text with control or invisible characters is refused (see {@link TypedText}):
 * the task stays open and Tasklist shows the reason.
 */
@ProcessBean("captureParticulars")
class CaptureParticularsListener implements TaskListener {

    private final Particulars particulars;
    private final IdentityService identity;

    CaptureParticularsListener(Particulars particulars, IdentityService identity) {
        this.particulars = particulars;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String requestNumber = ProcessRequest.numberOf(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            particulars.of(requestNumber).forEach(
                    (name, value) -> task.setVariableLocal(ProcessVariables.PARTICULAR_PREFIX + name, value));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            capture(task, requestNumber);
        }
    }

    private void capture(DelegateTask task, String requestNumber) {
        Set<String> names = new TreeSet<>();
        for (String name : task.getVariableNames()) {
            if (name.startsWith(ProcessVariables.PARTICULAR_PREFIX)
                    && name.length() > ProcessVariables.PARTICULAR_PREFIX.length()) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return;
        }
        // Completing through the task API writes to the process scope and leaves the prefilled task-local copy
        // as it was; submitting the form writes to the task-local copy. A value in the process scope is
        // therefore always the one just entered.
        DelegateExecution execution = task.getExecution();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : names) {
            Object value = execution.hasVariable(name) ? execution.getVariable(name) : task.getVariableLocal(name);
            if (value instanceof String text) {
                TypedText.refusal(text, false).ifPresent(refusal -> {
                    throw new FormFieldValidationException(name, name + " " + refusal + ".");
                });
            }
            values.put(name.substring(ProcessVariables.PARTICULAR_PREFIX.length()), value);
        }
        particulars.merge(requestNumber, values, Actors.current(identity));
        task.removeVariablesLocal(names);
        execution.removeVariables(names);
    }
}
