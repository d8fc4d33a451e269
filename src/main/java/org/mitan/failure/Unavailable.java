package org.mitan.failure;

/**
 * A system the application relies on (the document store) cannot be reached or refused a call: a technical failure,
 * not the caller's. In an engine step it propagates (retry, then an incident an operator sees in Cockpit); the web
 * layer answers that the system is unavailable and that the person may try again in a few minutes. The message is
 * for the log and names the system's address; the person is told only {@link #getSystem()}.
 */
public class Unavailable extends RuntimeException {

    private final String system;

    public Unavailable(String system, String message, Throwable cause) {
        super(message, cause);
        this.system = system;
    }

    /** What is unavailable, in lower-case words for a sentence: "document store". */
    public String getSystem() {
        return system;
    }
}
