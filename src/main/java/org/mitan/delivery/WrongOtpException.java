package org.mitan.delivery;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The delivery task cannot be completed with this OTP. A form validation error for the engine, so Tasklist and the
 * REST API answer "400 Cannot complete task ...: <message>" and the task stays open.
 */
public class WrongOtpException extends FormFieldValidationException {

    public WrongOtpException(String message) {
        super(null, message);
    }
}
