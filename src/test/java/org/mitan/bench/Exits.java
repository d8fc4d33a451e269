package org.mitan.bench;

/**
 * Ends a benchmark program's JVM when the program returns (status 0) or fails (1, the failure printed). Without it a
 * failed program's JVM lived on, held by the threads of its HTTP client, its thread pools or its engine's job
 * executor, and {@code bench/run}, waiting for it, hung without its table or its clean-up.
 */
final class Exits {

    /** A benchmark program's work, given its arguments. */
    @FunctionalInterface
    interface Program {
        void run(String[] args) throws Exception;
    }

    private Exits() {
    }

    static void after(Program program, String[] args) {
        try {
            program.run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
