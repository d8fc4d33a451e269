package org.mitan.config;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.springframework.stereotype.Component;

/**
 * Whether the engine's grants hold any revoke (a "deny" an administrator made in Admin) at all, as this node last
 * found it, for at most {@link #RECHECK}.
 * <p>
 * With Camunda's default ({@code authorizationCheckRevokes = auto}) the engine asks the database before every command
 * that checks grants whether a revoke exists for the user or one of the user's groups, and leaves the revokes out of
 * its check when none does: 20 queries a birth certificate's lifecycle, about 2 % of the application's CPU (issue
 * 11). The application itself makes no revokes. While none exists anywhere, that question has the answer "no" for
 * every user, so the engine is told so without asking ({@link AuthorizationGroups}); once one exists, each command
 * asks as before. A revoke saved through this node counts from its commit ({@link #forget}); one saved through
 * another node sharing the database, within {@link #RECHECK}.
 */
@Component
class RevokeGrants {

    static final Duration RECHECK = Duration.ofSeconds(2);

    private final long recheckNanos;
    private final LongSupplier nanoTime;

    /** Advanced by {@link #forget}: what a read began to look up before it is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Found found;

    RevokeGrants() {
        this(RECHECK, System::nanoTime);
    }

    RevokeGrants(Duration recheck, LongSupplier nanoTime) {
        this.recheckNanos = recheck.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether any revoke exists, as found within {@link #RECHECK}, else as {@code anyInTable} answers now. */
    boolean anyExist(BooleanSupplier anyInTable) {
        Found earlier = found;
        if (earlier != null && earlier.generation() == generation.get()
                && nanoTime.getAsLong() - earlier.at() < recheckNanos) {
            return earlier.any();
        }
        long now = nanoTime.getAsLong();
        long current = generation.get();
        boolean any = anyInTable.getAsBoolean();
        if (generation.get() == current) {
            found = new Found(any, now, current);
        }
        return any;
    }

    /** A revoke was saved or changed through this node: what was found before is not answered again. */
    void forget() {
        generation.incrementAndGet();
        found = null;
    }

    private record Found(boolean any, long at, long generation) {
    }
}
