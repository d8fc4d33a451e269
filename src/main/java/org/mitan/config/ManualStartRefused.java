package org.mitan.config;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A shared step was started by hand. An authorization failure for the engine: the REST API answers 403 with the
 * message both to {@code /start} and to {@code /submit-form} (it passes no other engine exception on a start as
 * a client error), and nothing is started.
 */
class ManualStartRefused extends AuthorizationException {

    ManualStartRefused(String message) {
        super(message);
    }
}
