package org.mitan.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mitan.intake.ProcessRequest;
import org.mitan.notification.ProcessNotifications.Recipient;
import org.mitan.process.ProcessBean;

/**
 * {@code sendSms}: queues an SMS for the request of the process (its business key). Input parameters:
 * {@code template} (a name from {@code SmsTemplates}, required), {@code recipient} ({@code citizen} by default, or
 * {@code supervisor}) and, for {@code TASK_OVERDUE}, {@code taskName}. Template and recipient are read from the
 * task's own input parameters only, so that a process variable of the same name cannot redirect a message.
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
        notifications.send(ProcessRequest.numberOf(execution), template.toString(), to, execution::getVariable);
    }
}
