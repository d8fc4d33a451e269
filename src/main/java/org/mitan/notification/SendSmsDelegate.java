package org.mitan.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mitan.notification.ProcessNotifications.Recipient;
import org.mitan.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * {@code sendSms}: queues an SMS for the request of the process. Input parameters: {@code template} (a name from
 * {@code SmsTemplates}, required), {@code recipient} ({@code citizen} by default, or {@code supervisor}) and, for
 * {@code TASK_OVERDUE}, {@code taskName}.
 */
@Component("sendSms")
class SendSmsDelegate implements JavaDelegate {

    static final String TEMPLATE = "template";
    static final String RECIPIENT = "recipient";

    private final ProcessNotifications notifications;

    SendSmsDelegate(ProcessNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String template = requiredString(execution, TEMPLATE);
        Recipient recipient = Recipient.of((String) execution.getVariable(RECIPIENT));
        String requestNumber = requiredString(execution, ProcessVariables.REQUEST_NUMBER);
        notifications.send(requestNumber, template, recipient, execution::getVariable);
    }

    private static String requiredString(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("sendSms at " + execution.getCurrentActivityId()
                    + " needs the variable or input parameter '" + name + "'");
        }
        return value.toString();
    }
}
