package org.mitan.process;

/** BPMN error codes thrown by the shared delegates; each model catches them by these codes. */
public final class ProcessErrors {

    /** No active Mitan serves the request's body: a supervisor assigns one by hand. */
    public static final String NO_MITAN_AVAILABLE = "NoMitanAvailable";
    /** The single-window system refused the application on its merits (a 4xx answer). */
    public static final String SINGLE_WINDOW_REJECTED = "SingleWindowRejected";

    private ProcessErrors() {
    }
}
