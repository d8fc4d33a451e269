package org.mitan.process;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads from the engine on behalf of the application rather than of the logged-in user. With Camunda
 * authorizations enabled, a query made while a user is authenticated only sees what that user may read; the
 * catalogue of certificate types, the documents a type asks for and the current steps of a request must not
 * depend on that (the API checks access itself).
 */
public final class EngineCalls {

    private EngineCalls() {
    }

    /** The call's answer, asked with no authenticated user; the caller's authentication is given back afterwards. */
    public static <T> T withoutAuthentication(IdentityService identity, Supplier<T> call) {
        Authentication current = identity.getCurrentAuthentication();
        if (current == null) {
            return call.get();
        }
        identity.clearAuthentication();
        try {
            return call.get();
        } finally {
            identity.setAuthentication(current);
        }
    }
}
