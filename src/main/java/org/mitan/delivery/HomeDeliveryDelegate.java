package org.mitan.delivery;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.mitan.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * {@code homeDelivery}. As the delegate of the arrange step: creates the delivery and sends the OTP to the
 * citizen. As the complete-listener of the Mitan's delivery task: checks the {@code deliveryOtp} the Mitan typed
 * (a wrong one refuses the completion), records the hand-over, and removes {@code deliveryOtp} from the process.
 */
@Component("homeDelivery")
class HomeDeliveryDelegate implements JavaDelegate, TaskListener {

    private final Deliveries deliveries;
    private final IdentityService identity;

    HomeDeliveryDelegate(Deliveries deliveries, IdentityService identity) {
        this.deliveries = deliveries;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deliveries.arrange(requestNumber(execution.getVariable(ProcessVariables.REQUEST_NUMBER)),
                (String) execution.getVariable(ProcessVariables.MITAN_USER_ID));
    }

    @Override
    public void notify(DelegateTask task) {
        if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        deliveries.confirm(requestNumber(task.getVariable(ProcessVariables.REQUEST_NUMBER)),
                typedOtp(task.getVariable(ProcessVariables.DELIVERY_OTP)), deliveredBy(task));
        task.removeVariableLocal(ProcessVariables.DELIVERY_OTP);
        task.getExecution().removeVariable(ProcessVariables.DELIVERY_OTP);
    }

    /** The task's assignee; else whoever completes it. */
    private String deliveredBy(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /** A form's number field loses leading zeros: 012345 arrives as 12345. */
    private static String typedOtp(Object value) {
        if (value instanceof Number number) {
            return String.format("%06d", number.longValue());
        }
        return value == null ? null : value.toString();
    }

    private static String requestNumber(Object value) {
        if (value == null) {
            throw new IllegalStateException("homeDelivery needs the process variable '"
                    + ProcessVariables.REQUEST_NUMBER + "'");
        }
        return value.toString();
    }
}
