package org.mitan.document;

import java.time.Instant;

/** An object in the store as its listing shows it. */
public record StoredObject(String key, long sizeBytes, Instant lastModified) {
}
