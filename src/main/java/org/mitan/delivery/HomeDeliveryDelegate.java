package org.mitan.delivery;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.mitan.mitan.AssignedMitan;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessVariables;
import org.mitan.request.ProcessRequest;

/**
 * {@code homeDelivery}. As the delegate of the arrange step: creates the delivery, with the Mitan assigned in the
 * request row as the deliverer (the same Mitan the delivery task goes to), and sends the OTP to the citizen. As the
 * complete-listener of the Mitan's delivery task: checks the {@code deliveryOtp} the Mitan typed (a wrong one
 * refuses the completion), records the hand-over, and removes {@code deliveryOtp} from the process. The request is
 * the process instance's business key.
 */
@ProcessBean("homeDelivery")
class HomeDeliveryDelegate implements JavaDelegate, TaskListener {

    private final Deliveries deliveries;
    private final AssignedMitan assignedMitan;
    private final IdentityService identity;

    HomeDeliveryDelegate(Deliveries deliveries, AssignedMitan assignedMitan, IdentityService identity) {
        this.deliveries = deliveries;
        this.assignedMitan = assignedMitan;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deliveries.arrange(ProcessRequest.numberOf(execution), assignedMitan.userId(execution));
    }

    @Override
    public void notify(DelegateTask task) {
        if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        deliveries.confirm(ProcessRequest.numberOf(task), typedOtp(task.getVariable(ProcessVariables.DELIVERY_OTP)),
                deliveredBy(task));
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
}
