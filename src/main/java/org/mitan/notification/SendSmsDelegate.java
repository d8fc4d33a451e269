package org.mitan.notification;

import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mitan.notification.ProcessNotifications.Recipient;
import org.mitan.process.OverdueSteps;
import org.mitan.process.ProcessBean;
import org.mitan.request.ProcessRequest;

/**
 * {@code sendSms}: queues an SMS for the request of the process (its business key). Input parameters:
 * {@code template} (a name from {@code SmsTemplates}, required), {@code recipient} ({@code citizen} by default, or
 * {@code supervisor}). Template and recipient are read from the task's own input parameters only, so that a process
 * variable of the same name cannot redirect a message.
 * <p>
 * A reminder ({@code TASK_OVERDUE}) names the step that is overdue without being told: the task its path's
 * "overdue" boundary timer is attached to (named by the type's steps table, in the language of the SMS), or the
 * whole service when the path starts at the legal time limit's event sub-process. Renaming a task in the model
 * therefore renames it in the reminders too.
 */
@ProcessBean("sendSms")
class SendSmsDelegate implements JavaDelegate {

    static final String TEMPLATE = "template";
    static final String RECIPIENT = "recipient";

    private final ProcessNotifications notifications;

    SendSmsDelegate(ProcessNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object template = execution.getVariableLocal(TEMPLATE);
        if (template == null || template.toString().isBlank()) {
            throw new IllegalArgumentException("sendSms at " + execution.getCurrentActivityId()
                    + " needs the input parameter '" + TEMPLATE + "'");
        }
        Object recipient = execution.getVariableLocal(RECIPIENT);
        Recipient to = Recipient.of(recipient == null ? null : recipient.toString());
        String overdue = OverdueSteps.of(execution);
        Function<String, Object> variables = name -> SmsParameters.TASK_STEP.equals(name) ? overdue
                : execution.getVariable(name);
        notifications.send(ProcessRequest.numberOf(execution), template.toString(), to, variables);
    }
}
