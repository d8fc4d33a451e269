package org.mitan.document;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The object store for scans and certificate PDFs (MinIO or any S3 API). Keys are content-addressed where the
 * bytes are immutable, so a retried write after a crash lands on the same object.
 */
public interface DocumentStore {

    /** Writes the object; overwriting an object with the same key and bytes is harmless. */
    void put(String key, byte[] content, String contentType);

    /** Opens the object for reading; the caller closes the stream. Empty when there is no such object. */
    Optional<InputStream> open(String key);

    /** Size in bytes of the stored object, or empty when there is no such object. */
    Optional<Long> size(String key);

    /** Every object in the store, in the store's order (by key), given one at a time to the action. */
    void forEachObject(Consumer<StoredObject> action);
}
