package org.mitan.document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds the objects in the store that no record points to. Objects are written before their record (never a record
 * without its object), so a crash or a failed transaction between the two can leave an object behind: a scan whose
 * upload was never saved, a certificate PDF whose issuing job ran again and made a new one. Such an object is only
 * counted once it is older than the wait asked for, so that an upload still on its way to its record is not taken
 * for one. Nothing is deleted: the report goes to the log every night and to administrators and auditors on asking
 * ({@code GET /api/storage/orphans}).
 */
@Component
public class StoreReconciliation {

    private static final Logger log = LoggerFactory.getLogger(StoreReconciliation.class);
    private static final int BATCH = 500;
    /** The nightly report's wait: a day, far longer than any upload or job takes to save its record. */
    private static final Duration NIGHTLY_WAIT = Duration.ofDays(1);

    private final DocumentStore store;
    private final List<ObjectReferences> references;
    private final Clock clock;

    StoreReconciliation(DocumentStore store, List<ObjectReferences> references, Clock clock) {
        this.store = store;
        this.references = references;
        this.clock = clock;
    }

    /** The objects no record points to that were written more than {@code olderThan} ago, in the store's order. */
    public List<StoredObject> orphans(Duration olderThan) {
        Instant cutoff = Instant.now(clock).minus(olderThan);
        List<StoredObject> orphans = new ArrayList<>();
        List<StoredObject> batch = new ArrayList<>();
        store.forEachObject(object -> {
            if (!object.lastModified().isAfter(cutoff)) {
                batch.add(object);
                if (batch.size() == BATCH) {
                    orphans.addAll(unreferenced(batch));
                    batch.clear();
                }
            }
        });
        orphans.addAll(unreferenced(batch));
        return orphans;
    }

    private List<StoredObject> unreferenced(List<StoredObject> objects) {
        if (objects.isEmpty()) {
            return List.of();
        }
        List<String> keys = objects.stream().map(StoredObject::key).toList();
        Set<String> referenced = new HashSet<>();
        references.forEach(kind -> referenced.addAll(kind.referencedAmong(keys)));
        return objects.stream().filter(object -> !referenced.contains(object.key())).toList();
    }

    /** Every night: the objects no record has pointed to for a day, to the log for the operators. */
    @Scheduled(cron = "${mitan.storage.reconcile-cron:0 30 2 * * *}", zone = "Asia/Kolkata")
    void reportNightly() {
        List<StoredObject> orphans = orphans(NIGHTLY_WAIT);
        if (orphans.isEmpty()) {
            log.info("Store reconciliation: every object in the store has its record");
            return;
        }
        log.warn("Store reconciliation: {} objects ({} bytes) in the store have no record; none deleted. First: {}",
                orphans.size(), orphans.stream().mapToLong(StoredObject::sizeBytes).sum(),
                orphans.stream().limit(20).map(StoredObject::key).toList());
    }
}
