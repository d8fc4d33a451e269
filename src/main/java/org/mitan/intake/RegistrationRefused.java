package org.mitan.intake;

import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.mitan.failure.Refusal;

/**
 * A Tasklist start form the registration rules refused. Thrown from the first service task, it rolls the start
 * back. It is a form-field refusal, so the engine's REST API answers 400 (not 500); its detail is the first field to
 * correct. Its message names each field to correct, and Tasklist shows it beside that field
 * (tasklist/scripts/form-checks.js).
 */
class RegistrationRefused extends FormFieldValidationException {

    RegistrationRefused(Refusal refusal) {
        super(firstField(refusal), "The request was not registered. " + refusal.getMessage());
    }

    private static String firstField(Refusal refusal) {
        if (refusal.getProperties().get("fieldErrors") instanceof Map<?, ?> fields && !fields.isEmpty()) {
            return String.valueOf(fields.keySet().iterator().next());
        }
        return null;
    }
}
