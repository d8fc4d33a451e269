package org.mitan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Requests driven to the door by several drivers at once, as many phones and offices work at the same time: the
 * steps done are counted, and a request whose driver a failure cut off (its node killed) is set aside to be finished.
 */
final class Drivers {

    private final ExecutorService threads;
    private final List<Future<?>> driving = new ArrayList<>();
    private final AtomicInteger steps = new AtomicInteger();
    private final Queue<String> cutOff = new ConcurrentLinkedQueue<>();

    private Drivers(int threads) {
        this.threads = Executors.newFixedThreadPool(threads);
    }

    /** Starts driving every request, the i-th with {@code driverOf.apply(i)}. */
    static Drivers start(List<String> numbers, IntFunction<RequestDriver> driverOf, int threads) {
        Drivers drivers = new Drivers(threads);
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            RequestDriver driver = driverOf.apply(i);
            drivers.driving.add(drivers.threads.submit(() -> {
                try {
                    driver.drive(number, drivers.steps);
                } catch (Exception cut) {
                    drivers.cutOff.add(number);
                }
            }));
        }
        return drivers;
    }

    /** Drives the requests to the door, each to its end; fails if one cannot be delivered. */
    static void finish(Iterable<String> numbers, RequestDriver driver, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> finishing = new ArrayList<>();
        for (String number : numbers) {
            finishing.add(pool.submit(() -> {
                driver.drive(number, new AtomicInteger());
                return null;
            }));
        }
        try {
            for (Future<?> each : finishing) {
                each.get(8, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until that many steps are done (the work well under way), three minutes at most. */
    void awaitSteps(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (steps.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Waits for every driver to deliver its request or be cut off. */
    void awaitEnd() throws Exception {
        try {
            for (Future<?> each : driving) {
                each.get(8, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    int steps() {
        return steps.get();
    }

    /** The requests whose driver a failure cut off. */
    List<String> cutOff() {
        return List.copyOf(cutOff);
    }
}
