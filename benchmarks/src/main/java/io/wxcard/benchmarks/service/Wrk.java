package io.wxcard.benchmarks.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code wrk} (a C load generator on epoll, scripted in Lua) as a process: the lean client of the service-level
 * figures, so that on a 2-core machine the client's own CPU does not decide the ratio. A script is written out at run
 * time from this module's resources ({@code wrk/*.lua}): the settings the driver knows (the card, the API key, the
 * members), then {@code common.lua} (thread numbering and the counts {@code done()} prints), then the path's script.
 * What a run gave is read from wrk's own report ({@code Requests/sec}, {@code --latency}'s 50 % and 99 %, socket
 * errors) and from the line {@code common.lua} adds to it.
 */
final class Wrk {

    /** One wrk run; latencies in microseconds; {@code failed} includes socket errors. */
    record Result(double requestsPerSecond, long requests, double p50, double p99, long sent, long ok, long failed,
                  long retried, long exhausted, double cpuSeconds, String output) {
        double failedShare() {
            return (double) failed / Math.max(1, ok + failed);
        }
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern COUNTS =
            Pattern.compile("wxcard: sent (\\d+) ok (\\d+) failed (\\d+) retried (\\d+) exhausted (\\d+)");

    private final int threads;
    private final int connections;

    Wrk(int threads, int connections) {
        this.threads = threads;
        this.connections = connections;
    }

    int threads() {
        return threads;
    }

    int connections() {
        return connections;
    }

    /** Stops the run unless wrk is on the PATH (the run-*.sh scripts install it with apt-get when missing). */
    static String version() throws IOException, InterruptedException {
        Process wrk;
        try {
            wrk = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
        } catch (IOException missing) {
            throw new IllegalStateException("wrk is not installed: apt-get install -y wrk (run-wrk.sh does it)");
        }
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        return out.lines().findFirst().orElse("wrk").replaceAll(" Copyright.*", "");
    }

    /**
     * Writes the script {@code name} into {@code folder}: {@code settings} as Lua globals (strings quoted, lists as
     * tables), {@code common.lua}, then {@code wrk/<name>.lua}.
     */
    static Path script(Path folder, String name, Map<String, ?> settings) throws IOException {
        StringBuilder lua = new StringBuilder("-- written by the wxcard driver for this run\n");
        settings.forEach((setting, value) -> lua.append(setting).append(" = ").append(lua(value)).append('\n'));
        lua.append(resource("common")).append('\n').append(resource(name));
        Path file = Files.createTempFile(folder, name + "-", ".lua");
        Files.writeString(file, lua, StandardCharsets.UTF_8);
        return file;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Wrk.class.getResourceAsStream("/wrk/" + name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("no resource wrk/" + name + ".lua in the benchmarks jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String lua(Object value) {
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(lua(item)));
            return "{" + String.join(", ", items) + "}";
        }
        if (value instanceof String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }
        return String.valueOf(value); // numbers, booleans
    }

    /** Runs {@code wrk -t -c -d --latency -s script url} and reads its report; fails when wrk fails. */
    Result run(String url, Path script, int seconds) throws IOException, InterruptedException {
        List<String> command = command(url, script, seconds);
        long cpuBefore = childrenTicks();
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = wrk.waitFor();
        double cpu = (childrenTicks() - cpuBefore) / Proc.Ticks.PER_SECOND;
        Matcher rate = RATE.matcher(output);
        Matcher counts = COUNTS.matcher(output);
        Matcher requests = REQUESTS.matcher(output);
        if (status != 0 || !rate.find() || !counts.find() || !requests.find()) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + status + "):\n" + output);
        }
        long socketErrors = 0;
        Matcher errors = SOCKET_ERRORS.matcher(output);
        if (errors.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(errors.group(group));
            }
        }
        return new Result(Double.parseDouble(rate.group(1)), Long.parseLong(requests.group(1)),
                percentile(output, "50%"), percentile(output, "99%"), Long.parseLong(counts.group(1)),
                Long.parseLong(counts.group(2)), Long.parseLong(counts.group(3)) + socketErrors,
                Long.parseLong(counts.group(4)), Long.parseLong(counts.group(5)), cpu, output);
    }

    /** The command of a run, as the report shows it. */
    List<String> command(String url, Path script, int seconds) {
        return List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency", "-s",
                script.toString(), url);
    }

    /** A line of {@code --latency}'s distribution ("    99%   12.34ms") in microseconds. */
    private static double percentile(String output, String which) {
        Matcher line = Pattern.compile("^\\s*" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s|m)\\s*$",
                Pattern.MULTILINE).matcher(output);
        if (!line.find()) {
            throw new IllegalStateException("wrk printed no " + which + " latency (run with --latency):\n" + output);
        }
        double value = Double.parseDouble(line.group(1));
        return switch (line.group(2)) {
            case "us" -> value;
            case "ms" -> value * 1e3;
            case "s" -> value * 1e6;
            default -> value * 60e6;
        };
    }

    /** cutime + cstime of this JVM, in clock ticks: the CPU of the child processes it waited for (wrk). */
    private static long childrenTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException notLinux) {
            return 0;
        }
    }
}
