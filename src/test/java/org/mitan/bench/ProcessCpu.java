package org.mitan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * The CPU time the benchmark's processes have used so far, from Linux's {@code /proc}: what a lifecycle costs each
 * of them (the application's JVM, PostgreSQL, the S3 server, the load client), since on two cores they share what
 * the throughput is made of. PostgreSQL is its postmaster and every process it started, the ones that have ended
 * included (a connection's backend ends with the connection; the postmaster has reaped it, so its time is in the
 * postmaster's "children" figures).
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc}'s times (Linux's {@code USER_HZ}). */
    private static final double TICKS = ticksPerSecond();

    private ProcessCpu() {
    }

    /** One line of {@code /proc/<pid>/stat}: the parent and the CPU seconds, its own and its reaped children's. */
    record Stat(long parent, double own, double reapedChildren) {

        /** The fields after the command name, which is in brackets and may hold spaces and brackets itself. */
        static Stat parse(String line, double ticksPerSecond) {
            String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
            // fields[0] is field 3 of proc(5): state; then ppid (4), ..., utime (14), stime (15), cutime, cstime
            return new Stat(Long.parseLong(fields[1]),
                    (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / ticksPerSecond,
                    (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / ticksPerSecond);
        }
    }

    /** CPU seconds of one process (its threads, not its children); 0 when it is gone or unknown. */
    static double of(long pid) {
        Stat stat = stat(pid);
        return stat == null ? 0 : stat.own();
    }

    /**
     * CPU seconds of one JVM's JIT compiler threads ({@code C1 CompilerThread0}, {@code C2 CompilerThread1}, ...;
     * Linux keeps the first 15 characters of a thread's name); 0 when the process is gone or unknown. A compiler
     * thread that the JVM stops takes its time with it: on two cores the JVM runs one C1 and one C2 thread and keeps
     * both, but on a larger machine the figure can come out low.
     */
    static double compilers(long pid) {
        double seconds = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                String line = read(thread.resolve("stat"));
                if (line != null && isCompiler(line)) {
                    seconds += Stat.parse(line, TICKS).own();
                }
            }
        } catch (IOException | RuntimeException goneOrUnreadable) {
            return seconds;
        }
        return seconds;
    }

    /** Whether a line of {@code /proc/<pid>/task/<tid>/stat} is one of the JIT's compiler threads. */
    static boolean isCompiler(String statLine) {
        String name = statLine.substring(statLine.indexOf('(') + 1, statLine.lastIndexOf(')'));
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException gone) {
            return null;
        }
    }

    /** CPU seconds of the PostgreSQL whose data directory this is: the postmaster, its children, living and ended. */
    static double postgres(Path dataDirectory) {
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException notRunning) {
            return 0;
        }
        Stat own = stat(postmaster);
        if (own == null) {
            return 0;
        }
        double seconds = own.own() + own.reapedChildren();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                Stat child = stat(Long.parseLong(process.getFileName().toString()));
                if (child != null && child.parent() == postmaster) {
                    seconds += child.own();
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return seconds;
    }

    private static Stat stat(long pid) {
        try {
            return Stat.parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), TICKS);
        } catch (IOException | RuntimeException goneOrUnreadable) {
            return null;
        }
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor(10, TimeUnit.SECONDS) && answer.matches("\\d+") ? Double.parseDouble(answer) : 100;
        } catch (IOException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** Named meters read together: before and after a phase, the difference is what the phase cost each. */
    static final class Meters {

        private final Map<String, DoubleSupplier> meters = new LinkedHashMap<>();

        Meters add(String name, DoubleSupplier seconds) {
            meters.put(name, seconds);
            return this;
        }

        Map<String, Double> read() {
            Map<String, Double> reading = new LinkedHashMap<>();
            meters.forEach((name, meter) -> reading.put(name, meter.getAsDouble()));
            return reading;
        }

        /** Milliseconds of CPU per piece of work, by meter, between two readings. */
        static Map<String, Double> perWork(Map<String, Double> before, Map<String, Double> after, int work) {
            Map<String, Double> each = new LinkedHashMap<>();
            after.forEach((name, seconds) -> each.put(name,
                    1000 * (seconds - before.getOrDefault(name, 0.0)) / Math.max(1, work)));
            return each;
        }
    }
}
