package org.mitan.config;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task may not be completed by this user. A form validation error for the engine, so that the unwrapping of
 * {@code org.mitan.delivery.TaskRefusals} lets it out unwrapped: the REST API answers
 * "400 Cannot complete task ...: &lt;message&gt;", Tasklist shows the message and the task stays open.
 */
class TaskCompletionRefused extends FormFieldValidationException {

    TaskCompletionRefused(String message) {
        super(null, message);
    }
}
