package org.mitan.process;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads from the engine on behalf of the application rather than of the logged-in user. With Camunda
 * authorizations enabled, a query made while a user is authenticated only sees what that user may read; the
 * catalogue of certificate types, the documents a type asks for and the current steps of a request must not
 * depend on that (the API checks access itself). And the other way round: what a user asks to see of their own work
 * is read as that user ({@link #asUser}), so the engine's authorizations decide, as in Tasklist.
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

    /**
     * The call's answer, asked as the user with these groups: the engine's authorizations apply as they do in
     * Tasklist. Whoever was authenticated before is given back afterwards.
     */
    public static <T> T asUser(IdentityService identity, String userId, List<String> groups, Supplier<T> call) {
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(userId, groups);
        try {
            return call.get();
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(before);
            }
        }
    }
}
