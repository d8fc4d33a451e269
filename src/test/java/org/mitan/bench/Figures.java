package org.mitan.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies in milliseconds, and their percentiles (nearest rank). */
final class Figures {

    private final List<Double> values = Collections.synchronizedList(new ArrayList<>());

    void add(double millis) {
        values.add(millis);
    }

    int count() {
        return values.size();
    }

    /** The nearest-rank percentile, {@code p} from 0 to 100; NaN when nothing was measured. */
    double percentile(double p) {
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
