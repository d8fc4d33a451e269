package org.mitan.document;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A document store in a map, for unit tests that need stored bytes to re-read (and to spoil). */
class InMemoryDocumentStore implements DocumentStore {

    final Map<String, byte[]> objects = new HashMap<>();
    /** When each object was written; an object put in {@link #objects} directly counts as written long ago. */
    final Map<String, Instant> written = new HashMap<>();

    @Override
    public void put(String key, byte[] content, String contentType) {
        objects.put(key, content.clone());
        written.put(key, Instant.now());
    }

    @Override
    public Optional<InputStream> open(String key) {
        return Optional.ofNullable(objects.get(key)).map(ByteArrayInputStream::new);
    }

    @Override
    public Optional<Long> size(String key) {
        return Optional.ofNullable(objects.get(key)).map(bytes -> (long) bytes.length);
    }

    @Override
    public void forEachObject(Consumer<StoredObject> action) {
        new TreeMap<>(objects).forEach((key, bytes) -> action.accept(new StoredObject(key, bytes.length,
                written.getOrDefault(key, Instant.EPOCH))));
    }
}
