package io.wxcard.benchmarks.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * CPU time spent during a phase, on Linux: by this JVM (the store's clients), by the processes it ran and waited for
 * (pgbench), and by the PostgreSQL server working for the phase: the backends of one database plus the shared writers
 * (WAL writer, background writer, checkpointer, autovacuum). Backends are sampled every 200 ms, so one that ends
 * during the phase (pgbench's, when it disconnects) is counted up to its last sample; the sampling thread's own CPU is
 * not counted as the client's. On a 2-core machine shared by
 * client and server, these explain a throughput: transactions per second can not exceed cores / (client + server CPU
 * per transaction). Without /proc (not Linux) the server and child figures are 0.
 */
public final class CpuMeter implements AutoCloseable {

    private static final double TICK = ticksPerSecond();
    private static final List<String> SHARED = List.of("checkpointer", "background writer", "walwriter", "autovacuum");

    private final String database;
    private final Map<Long, long[]> seen = new HashMap<>(); // pid -> {baseline, latest}
    private final Map<Long, Boolean> counted = new HashMap<>(); // pid -> whether it works for the phase
    private final AtomicLong samplerCpu = new AtomicLong();
    private final Thread sampler;
    private final long jvmStart = jvmNanos();
    private final long childrenStart = childrenTicks();
    private volatile boolean running = true;

    /** What a phase cost, in seconds of CPU. */
    public record Spent(double clientJvm, double childProcesses, double server) {}

    public CpuMeter(String database) {
        this.database = database;
        sample(true);
        this.sampler = new Thread(() -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            while (running) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    break;
                }
                sample(false);
                samplerCpu.set(threads.getCurrentThreadCpuTime());
            }
        }, "cpu-meter");
        sampler.setDaemon(true);
        sampler.start();
    }

    public Spent stop() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample(false);
        double server;
        synchronized (seen) {
            server = seen.values().stream().mapToLong(v -> v[1] - v[0]).sum() / TICK;
        }
        return new Spent((jvmNanos() - jvmStart - samplerCpu.get()) / 1e9, (childrenTicks() - childrenStart) / TICK,
                server);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    private void sample(boolean baseline) {
        if (!Files.isDirectory(Path.of("/proc"))) {
            return;
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.toList()) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)
                        || !counted.computeIfAbsent(Long.parseLong(name), pid -> counts(process))) {
                    continue;
                }
                long ticks = ticks(process);
                if (ticks < 0) {
                    continue;
                }
                synchronized (seen) {
                    long[] values = seen.computeIfAbsent(Long.parseLong(name), pid -> new long[] {baseline ? ticks : 0, 0});
                    values[1] = Math.max(values[1], ticks);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // a process ended while we looked: the next sample sees the rest
        }
    }

    /** A backend of the database ("postgres: 15/main: USER DB HOST(PORT) STATE"), or a shared writer. */
    private boolean counts(Path process) {
        try {
            if (!Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                return false;
            }
            String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
            if (!command.startsWith("postgres:")) {
                return false; // the postmaster
            }
            return SHARED.stream().anyMatch(command::contains)
                    || Stream.of(command.split(" +")).anyMatch(database::equals);
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /** utime + stime of a process, in clock ticks; -1 if it is gone. */
    private static long ticks(Path process) {
        try {
            String[] fields = afterName(Files.readString(process.resolve("stat")));
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** cutime + cstime of this JVM: the CPU of the child processes it waited for. */
    private static long childrenTicks() {
        try {
            String[] fields = afterName(Files.readString(Path.of("/proc/self/stat")));
            return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException unavailable) {
            return 0;
        }
    }

    /** The fields of /proc/PID/stat after "(comm)", which may itself hold spaces: the state is [0]. */
    private static String[] afterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return getconf.waitFor() == 0 ? Double.parseDouble(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
