package org.mitan.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Stands in for the {@code sendSms} delegate: records the inputs each SMS task passes. */
class RecordingSms implements JavaDelegate {

    /**
     * One SMS task run: the template and, where the model sets it, the recipient; for a reminder, the step it is
     * about as the real delegate works it out from the model ({@link OverdueSteps}).
     */
    record Sent(String template, String recipient, String overdueStep, String activityId) {
    }

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
        sent.add(new Sent((String) execution.getVariableLocal("template"),
                (String) execution.getVariableLocal("recipient"),
                OverdueSteps.of(execution),
                execution.getCurrentActivityId()));
    }

    List<Sent> sent() {
        return sent;
    }

    List<String> templates() {
        return sent.stream().map(Sent::template).toList();
    }
}
