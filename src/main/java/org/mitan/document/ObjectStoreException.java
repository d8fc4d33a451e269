package org.mitan.document;

/**
 * The object store could not be reached or refused a call. A technical failure: in a delegate it propagates
 * (retry, then an incident); in the API it becomes a 503 problem.
 */
public class ObjectStoreException extends RuntimeException {

    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
