package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StoreReconciliationTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private final InMemoryDocumentStore store = new InMemoryDocumentStore();
    private final Set<String> scans = new HashSet<>();
    private final Set<String> certificates = new HashSet<>();
    private final List<Integer> lookups = new ArrayList<>();

    private StoreReconciliation reconciliation() {
        return new StoreReconciliation(store, List.of(references(scans), references(certificates)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private ObjectReferences references(Set<String> kept) {
        return (Collection<String> keys) -> {
            lookups.add(keys.size());
            return keys.stream().filter(kept::contains).collect(java.util.stream.Collectors.toSet());
        };
    }

    private void stored(String key, Duration ago) {
        store.objects.put(key, new byte[] {1, 2, 3});
        store.written.put(key, NOW.minus(ago));
    }

    @Test
    void reportsTheObjectsNoKindOfRecordPointsToOnceTheyAreOldEnough() {
        stored("documents/RPR-2026-000001/aa", Duration.ofDays(2));
        scans.add("documents/RPR-2026-000001/aa");
        stored("certificates/bb.pdf", Duration.ofDays(2));
        certificates.add("certificates/bb.pdf");
        stored("certificates/orphan.pdf", Duration.ofHours(3));
        stored("documents/RPR-2026-000002/on-its-way", Duration.ofMinutes(5));

        List<StoredObject> orphans = reconciliation().orphans(Duration.ofHours(1));

        assertThat(orphans).extracting(StoredObject::key).containsExactly("certificates/orphan.pdf");
        assertThat(orphans.get(0).sizeBytes()).isEqualTo(3);
        assertThat(reconciliation().orphans(Duration.ZERO)).extracting(StoredObject::key)
                .containsExactly("certificates/orphan.pdf", "documents/RPR-2026-000002/on-its-way");
    }

    @Test
    void asksTheRecordsInBatchesNotObjectByObject() {
        for (int i = 0; i < 1_201; i++) {
            stored("documents/RPR-2026-%06d/x".formatted(i), Duration.ofDays(1));
            scans.add("documents/RPR-2026-%06d/x".formatted(i));
        }

        assertThat(reconciliation().orphans(Duration.ofHours(1))).isEmpty();
        assertThat(lookups).as("keys per lookup, two kinds of record").containsExactly(500, 500, 500, 500, 201, 201);
    }

    @Test
    void anEmptyStoreHasNoOrphansAndAsksNothing() {
        assertThat(reconciliation().orphans(Duration.ZERO)).isEmpty();
        assertThat(lookups).isEmpty();
    }
}
