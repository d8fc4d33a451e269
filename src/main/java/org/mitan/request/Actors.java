package org.mitan.request;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who did a step recorded as a milestone: the Camunda user working in Tasklist, or the system (timers, jobs). */
public final class Actors {

    public static final String SYSTEM = "system";

    private Actors() {
    }

    public static String current(IdentityService identity) {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : SYSTEM;
    }
}
