package org.mitan.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Stands in for the {@code homeDelivery} bean, which is both the delegate that arranges the delivery and the
 * complete-listener that checks the OTP: a wrong OTP makes completion fail, as the real one does.
 */
class FakeHomeDelivery implements JavaDelegate, TaskListener {

    static final String RIGHT_OTP = "493817";

    private int arranged;

    @Override
    public void execute(DelegateExecution execution) {
        arranged++;
    }

    @Override
    public void notify(DelegateTask task) {
        Object otp = task.getVariable("deliveryOtp");
        task.removeVariable("deliveryOtp");
        if (!RIGHT_OTP.equals(otp)) {
            throw new IllegalArgumentException("The OTP is wrong; 2 attempts left");
        }
    }

    int arranged() {
        return arranged;
    }
}
