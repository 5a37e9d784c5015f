package io.wxcard.benchmarks.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started as a process (the service's jar, one of its commands, or a server of this module), its output in a
 * file. What the drivers need of it: wait until a URL answers 200, its CPU time and RSS from /proc, SIGTERM, kill -9.
 */
public final class Proc implements AutoCloseable {

    /** The java of this JVM. */
    public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** This module's jar, for the servers it starts as processes (sandbox, bare server). */
    public static final String BENCHMARKS_JAR = Path.of(Proc.class.getProtectionDomain().getCodeSource().getLocation()
            .getPath()).toString();

    private final String name;
    private final Process process;
    private final Path output;
    private final long startedNanos;

    private Proc(String name, Process process, Path output, long startedNanos) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts {@code java <jvmOptions> <arguments>} with the environment given (variables starting with CARD_ are not
     * inherited, so only what the caller sets applies).
     */
    public static Proc start(String name, List<String> jvmOptions, List<String> arguments, Map<String, String> environment) {
        try {
            Path output = Files.createTempFile("wxcard-bench-" + name.replaceAll("[^A-Za-z0-9]", "-") + "-", ".log");
            List<String> command = new ArrayList<>();
            command.add(JAVA);
            command.addAll(jvmOptions);
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(variable -> variable.startsWith("CARD_"));
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            return new Proc(name, builder.start(), output, started);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** System.nanoTime() just before the process was started. */
    public long startedNanos() {
        return startedNanos;
    }

    public Path outputFile() {
        return output;
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "(output unreadable: " + unreadable + ")";
        }
    }

    /** The last lines of the output, for error messages. */
    public String tail(int lines) {
        String[] all = output().split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    /**
     * Polls {@code url} every {@code pollMillis} until it answers 200; answers the nanoTime of that answer. Fails with
     * the process's output when it ends or the time runs out.
     */
    public long awaitOk(String url, Duration timeout, long pollMillis) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with " + process.exitValue() + "; it printed:\n" + tail(60));
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            sleep(pollMillis);
        }
        throw new IllegalStateException(name + " did not answer 200 on " + url + " within " + timeout + "; it printed:\n"
                + tail(60));
    }

    /** Waits for the process to end by itself; answers its exit status. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not end within " + timeout + "; it printed:\n" + tail(60));
            }
            return process.exitValue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** SIGTERM, then waits (kill -9 after the timeout); answers the exit status. */
    public int stop(Duration timeout) {
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            return process.exitValue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** kill -9, and wait until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** CPU seconds (user + system) the process has used so far, from /proc; 0 without /proc. */
    public double cpuSeconds() {
        return cpuSeconds(process.pid());
    }

    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / Ticks.PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** VmRSS of the process in KiB, from /proc/PID/status; -1 without it. */
    public long rssKib() {
        return statusKib(process.pid(), "VmRSS:");
    }

    /** VmHWM (peak RSS) in KiB; -1 without it. */
    public long peakRssKib() {
        return statusKib(process.pid(), "VmHWM:");
    }

    private static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            // not Linux, or gone
        }
        return -1;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public static void sleep(long millis) {
        sleep(millis, 0);
    }

    public static void sleep(long millis, int nanos) {
        try {
            Thread.sleep(millis, nanos);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** Clock ticks per second of /proc's CPU times. */
    static final class Ticks {
        static final double PER_SECOND = ticks();

        private static double ticks() {
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

    /** Copies a jar into {@code folder} (others may rebuild the original during a run); answers the copy. */
    public static String copyOf(Path jar, Path folder) throws IOException {
        if (!Files.isReadable(jar)) {
            throw new IllegalArgumentException("no jar at " + jar.toAbsolutePath() + ": build it first (mvn -q -B -pl "
                    + "bootstrap -am package -DskipTests)");
        }
        Path copy = folder.resolve(jar.getFileName());
        Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        return copy.toString();
    }
}
