package org.mitan.certificate;

/** A correction asked in a way the register cannot take, with the form field to fix and what to do. */
class CorrectionRefused extends RuntimeException {

    private final String field;

    CorrectionRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
