package org.mitan.config;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A start form was sent with a value no field of it gives. A form validation error for the engine, which the REST
 * API's {@code submit-form} answers with 400 and the message, as it does a field's own validation.
 */
class StartFormRefused extends FormFieldValidationException {

    StartFormRefused(String message) {
        super(null, message);
    }
}
