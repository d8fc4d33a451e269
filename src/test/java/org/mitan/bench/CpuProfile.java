package org.mitan.bench;

import java.nio.file.Path;

import com.sun.tools.attach.VirtualMachine;

/**
 * A CPU profile of the application while the benchmark measures its lifecycles ({@code BENCH_PROFILE=1 bash
 * bench/run}): async-profiler's agent, loaded into the running application through the JVM's attach API after the
 * warm-up, so that the profile shows the steady state rather than the start and the JIT's first minutes. It samples
 * on-CPU stacks of every thread (Java, JIT, GC) once a millisecond of CPU time and writes them in the collapsed
 * format (one stack and its count per line), which flame-graph tools read.
 * <p>
 * Not part of a normal run: the agent is a native library taken from Maven Central by {@code bench/run} only when a
 * profile is asked for. Loading it later instead of with {@code -agentpath} also keeps the start-up figure clean.
 */
final class CpuProfile {

    private final String applicationPid;
    private final Path agent;

    private CpuProfile(String applicationPid, Path agent) {
        this.applicationPid = applicationPid;
        this.agent = agent;
    }

    /** The profile asked for by {@code bench/run} (system properties {@code bench.profiler} and {@code bench.pid}). */
    static CpuProfile fromSystemProperties() {
        String agent = System.getProperty("bench.profiler");
        String pid = System.getProperty("bench.pid");
        return agent == null || agent.isBlank() || pid == null ? null : new CpuProfile(pid, Path.of(agent));
    }

    void start() throws Exception {
        command("start,event=cpu,interval=1ms");
    }

    void stopInto(Path collapsed) throws Exception {
        command("stop,collapsed,file=" + collapsed.toAbsolutePath());
    }

    private void command(String arguments) throws Exception {
        VirtualMachine application = VirtualMachine.attach(applicationPid);
        try {
            application.loadAgentPath(agent.toAbsolutePath().toString(), arguments);
        } finally {
            application.detach();
        }
    }
}
