package org.mitan.document;

import org.mitan.failure.Unavailable;

/**
 * The object store could not be reached or refused a call. A technical failure: in a delegate it propagates
 * (retry, then an incident); in the API the document store is unavailable (503).
 */
public class ObjectStoreException extends Unavailable {

    public ObjectStoreException(String message, Throwable cause) {
        super("document store", message, cause);
    }
}
