package org.mitan.singlewindow;

/**
 * The single-window system could not be reached or gave no usable answer (5xx, timeout, refused connection,
 * unreadable body). A technical failure: the engine retries the job and then raises an incident.
 */
public class SingleWindowUnavailableException extends RuntimeException {

    public SingleWindowUnavailableException(String message) {
        super(message);
    }

    public SingleWindowUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
