package org.mitan.bench;

import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The full run's warm-up, the application's and the bare engine's alike: lifecycles by two users, not counted, in
 * rounds of 30 s until the JVM's JIT compilers took less than 5 % of its CPU in the last round, at least two minutes
 * and at most ten. The application meets each of its many code paths once a lifecycle: after a fixed two minutes
 * C2 still took 15 to 25 % of its CPU, and 6 % only after six (session 16), so the measured phases were those of a
 * JVM still compiling rather than of a server that has been up for days.
 */
final class WarmUp {

    static final int MIN_SECONDS = 120;
    static final int MAX_SECONDS = 600;
    static final int ROUND_SECONDS = 30;
    /** The JIT's share of the JVM's CPU in a round below which the JVM counts as warm. */
    static final double SETTLED = 0.05;

    /** One round of the warm-up's work, for so many seconds. */
    interface Round {
        void run(int seconds) throws Exception;
    }

    /** How long the warm-up took and the JIT's share of the JVM's CPU in its last round. */
    record Done(int seconds, double lastJitShare) {

        String describe() {
            return String.format(java.util.Locale.ROOT, "warm-up %d s, the JIT compilers %.1f %% of the JVM's CPU in "
                    + "its last %d s", seconds, 100 * lastJitShare, ROUND_SECONDS);
        }
    }

    private WarmUp() {
    }

    /**
     * Warms the JVM of this process id up (its CPU and its compiler threads read from {@code /proc}) and records the
     * warm-up's length in the results ({@code warmup.seconds}).
     */
    static Done untilJitSettles(Round round, long pid, Map<String, String> results) throws Exception {
        Done done = untilJitSettles(round, () -> ProcessCpu.of(pid), () -> ProcessCpu.compilers(pid));
        results.put("warmup.seconds", Integer.toString(done.seconds()));
        return done;
    }

    /**
     * @param jvmSeconds the CPU seconds of the JVM so far
     * @param jitSeconds the CPU seconds of its compiler threads so far
     */
    static Done untilJitSettles(Round round, DoubleSupplier jvmSeconds, DoubleSupplier jitSeconds) throws Exception {
        int elapsed = 0;
        double share;
        do {
            double jvm = jvmSeconds.getAsDouble();
            double jit = jitSeconds.getAsDouble();
            round.run(ROUND_SECONDS);
            elapsed += ROUND_SECONDS;
            share = share(jvmSeconds.getAsDouble() - jvm, jitSeconds.getAsDouble() - jit);
        } while (!over(elapsed, share));
        return new Done(elapsed, share);
    }

    /** The JIT's share of a round's CPU; 0 when the JVM's CPU could not be read, so that the minimum applies. */
    static double share(double jvmSeconds, double jitSeconds) {
        return jvmSeconds <= 0 ? 0 : jitSeconds / jvmSeconds;
    }

    static boolean over(int elapsedSeconds, double jitShare) {
        return elapsedSeconds >= MAX_SECONDS || elapsedSeconds >= MIN_SECONDS && jitShare < SETTLED;
    }
}
