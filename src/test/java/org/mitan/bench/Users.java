package org.mitan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Closed-loop users: each repeats a piece of work until the time is up. */
final class Users {

    /** One piece of work (a lifecycle) that may fail. */
    interface Work {
        void run() throws Exception;
    }

    private Users() {
    }

    /** {@code users} threads repeat the work for {@code seconds}; gives how often it succeeded (failures on stderr). */
    static int repeat(int users, int seconds, Work work) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        work.run();
                        done.incrementAndGet();
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 3) {
                            System.err.println("failed: " + e);
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failed.get() > 0) {
            System.err.println(failed.get() + " failed at " + users + " users");
        }
        return done.get();
    }
}
