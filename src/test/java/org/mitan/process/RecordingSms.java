package org.mitan.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Stands in for the {@code sendSms} delegate: records the inputs each SMS task passes. */
class RecordingSms implements JavaDelegate {

    /** One SMS task run: the template and, where the model sets them, recipient and task name. */
    record Sent(String template, String recipient, String taskName, String activityId) {
    }

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
        sent.add(new Sent((String) execution.getVariableLocal("template"),
                (String) execution.getVariableLocal("recipient"),
                (String) execution.getVariableLocal("taskName"),
                execution.getCurrentActivityId()));
    }

    List<Sent> sent() {
        return sent;
    }

    List<String> templates() {
        return sent.stream().map(Sent::template).toList();
    }
}
