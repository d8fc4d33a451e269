package org.mitan.intake;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A Tasklist start form the registration rules refused. Thrown from the first service task, it rolls the start
 * back, and Tasklist shows its message, which names each field to correct.
 */
class RegistrationRefused extends ProcessEngineException {

    RegistrationRefused(String reason) {
        super("The request was not registered. " + reason);
    }
}
