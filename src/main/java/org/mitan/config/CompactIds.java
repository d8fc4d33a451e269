package org.mitan.config;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The engine's ids: 18 characters that grow with time, instead of the starter's 36-character UUIDs. Every history
 * row carries six to nine ids (its own, the process instance's, the execution's, the activity instance's, ...), and
 * most of the history tables' indexes are on them: with UUIDs the ids were two thirds of a variable update's row
 * (issue 11). Ids that grow with time are also appended at the right edge of those indexes rather than spread over
 * them.
 * <p>
 * An id is a count in base 36, twelve characters, and then this node's mark, six characters. The count is the
 * milliseconds since 1970 times 46,656 (36³), plus one for each id already given in that millisecond; it never goes
 * back, even if the clock does, and more than 46,656 ids in a millisecond borrow from the next one. The mark is drawn
 * at random as the application starts, one of two billion, so that two nodes, or one node restarted, do not give the
 * same id. Ids in the lower case letters and digits sort in the order they were given, on one node.
 */
@Component
class CompactIds implements IdGenerator {

    static final int LENGTH = 18;

    private static final int RADIX = 36;
    private static final long PER_MILLISECOND = RADIX * RADIX * RADIX;
    private static final int COUNT_DIGITS = 12;
    private static final int MARK_DIGITS = 6;
    private static final long MARKS = (long) Math.pow(RADIX, MARK_DIGITS);

    private final LongSupplier clock;
    private final String mark;
    private final AtomicLong last = new AtomicLong();

    @Autowired
    CompactIds() {
        this(System::currentTimeMillis, new SecureRandom().nextLong(MARKS));
    }

    CompactIds(LongSupplier clock, long mark) {
        this.clock = clock;
        this.mark = padded(mark, MARK_DIGITS);
    }

    @Override
    public String getNextId() {
        long now = clock.getAsLong() * PER_MILLISECOND;
        long count = last.updateAndGet(previous -> Math.max(previous + 1, now));
        return padded(count, COUNT_DIGITS) + mark;
    }

    private static String padded(long value, int digits) {
        String text = Long.toString(value, RADIX);
        return "0".repeat(Math.max(0, digits - text.length())) + text;
    }
}
