package org.mitan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One answered registration of a phase at a fixed rate: when it was planned to be sent (milliseconds from the phase's
 * start) and how long its answer took from then. A p99 over 30 seconds is the slowest 1 %, a few dozen calls: one
 * stall of the machine (a pause of the collector, the database's autovacuum or checkpoint) can make it on its own.
 * {@link #tail} tells such a burst from a queue that is slow all along.
 */
record Registration(double plannedMillis, double latencyMillis) {

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * The slowest registrations above the percentile: how many seconds of the phase they were planned in, and the
     * seconds that held the most of them.
     */
    static String tail(List<Registration> answered, double percentile) {
        List<Registration> sorted = copyOf(answered);
        if (sorted.isEmpty()) {
            return "no registration answered";
        }
        sorted.sort(Comparator.comparingDouble(Registration::latencyMillis).reversed());
        int slowest = Math.max(1, (int) Math.floor(sorted.size() * (100 - percentile) / 100));
        Map<Long, Long> bySecond = sorted.subList(0, slowest).stream().collect(Collectors.groupingBy(
                registration -> (long) (registration.plannedMillis() / 1000), TreeMap::new, Collectors.counting()));
        String busiest = bySecond.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(second -> second.getValue() + " in second " + second.getKey())
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "  the slowest %d (over p%.0f, %.0f to %.0f ms) were planned in %d of the"
                        + " phase's seconds: %s; p%.0f of each 10 s: %s ms", slowest, percentile,
                sorted.get(slowest - 1).latencyMillis(), sorted.get(0).latencyMillis(), bySecond.size(), busiest,
                percentile, byTenSeconds(sorted, percentile));
    }

    /** The percentile of the registrations planned in each ten seconds of the phase, in order. */
    private static String byTenSeconds(List<Registration> answered, double percentile) {
        Map<Long, Figures> windows = new TreeMap<>();
        answered.forEach(registration -> windows.computeIfAbsent((long) (registration.plannedMillis() / 10_000),
                window -> new Figures()).add(registration.latencyMillis()));
        return windows.values().stream()
                .map(window -> String.format(Locale.ROOT, "%.0f", window.percentile(percentile)))
                .collect(Collectors.joining(", "));
    }

    /**
     * Every registration, in the order planned, as CSV: when it was planned (ms from the phase's start, which was
     * {@code started}, and as UTC time of day, to be set beside the logs), its latency (ms).
     */
    static void write(List<Registration> answered, Instant started, Path file) throws IOException {
        List<Registration> sorted = copyOf(answered);
        sorted.sort(Comparator.comparingDouble(Registration::plannedMillis));
        List<String> lines = new ArrayList<>();
        lines.add("planned_ms,planned_utc,latency_ms");
        sorted.forEach(registration -> lines.add(String.format(Locale.ROOT, "%.1f,%s,%.1f",
                registration.plannedMillis(), TIME_OF_DAY.format(started.plusNanos(
                        (long) (registration.plannedMillis() * 1_000_000))), registration.latencyMillis())));
        Files.write(file, lines);
    }

    /** A copy to sort, taken while the list's lock is held: answers may still be added to a synchronized list. */
    private static List<Registration> copyOf(List<Registration> answered) {
        synchronized (answered) {
            return new ArrayList<>(answered);
        }
    }
}
