package org.mitan.document;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A document store in a map, for unit tests that need stored bytes to re-read (and to spoil). */
class InMemoryDocumentStore implements DocumentStore {

    final Map<String, byte[]> objects = new HashMap<>();

    @Override
    public void put(String key, byte[] content, String contentType) {
        objects.put(key, content.clone());
    }

    @Override
    public Optional<InputStream> open(String key) {
        return Optional.ofNullable(objects.get(key)).map(ByteArrayInputStream::new);
    }

    @Override
    public Optional<Long> size(String key) {
        return Optional.ofNullable(objects.get(key)).map(bytes -> (long) bytes.length);
    }
}
