package org.mitan.config;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Shared steps ({@code doorstep-visit}, {@code home-delivery}: processes marked not startable in Tasklist) run
 * only as call activities of a certificate process. Started on their own, over the REST API by anyone who may
 * create instances, they would send OTPs or move Mitans for any request number. This start listener refuses a
 * start without a calling (super) process instance, whoever asks.
 */
class SharedStepStartGuard implements ExecutionListener {

    private final String processKey;

    SharedStepStartGuard(String processKey) {
        this.processKey = processKey;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getSuperExecution() == null) {
            throw new ManualStartRefused("\"" + processKey + "\" is a shared step that a certificate process"
                    + " starts by itself; it cannot be started on its own. Start the certificate's process (for"
                    + " example birth-certificate) instead.");
        }
    }
}
