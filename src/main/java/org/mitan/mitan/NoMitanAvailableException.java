package org.mitan.mitan;

/** Automatic assignment found nobody, or the supervisor's choice cannot take the request; the message says why. */
class NoMitanAvailableException extends RuntimeException {

    NoMitanAvailableException(String problem) {
        super(problem);
    }
}
