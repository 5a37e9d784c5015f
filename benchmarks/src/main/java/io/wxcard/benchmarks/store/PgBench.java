package io.wxcard.benchmarks.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * PostgreSQL's own {@code pgbench}, the reference the store is compared with: {@code -b simple-update} (per
 * transaction: UPDATE an account, SELECT its balance, INSERT a history row) in a database of its own. Latencies come
 * from pgbench's per-transaction log ({@code -l}), so they are measured the same way as the store's: per transaction,
 * in microseconds.
 */
public final class PgBench {

    /** What one run gave. */
    public record Result(double tps, Histogram latencyMicros) {}

    private final String host;
    private final int port;
    private final String user;
    private final String database;

    public PgBench(String host, int port, String user, String database) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.database = database;
    }

    /** Creates the database and initialises pgbench's tables at this scale, unless they are there already. */
    public void prepare(int scale, boolean forceInit, Sql postgres) throws IOException, InterruptedException {
        boolean exists = postgres.exists("SELECT 1 FROM pg_database WHERE datname = ?", database);
        if (!exists) {
            run(List.of("createdb", "-h", host, "-p", Integer.toString(port), "-U", user, database), false);
        }
        int current = exists ? postgres.onDatabase(database).scaleOfPgbench() : -1;
        if (forceInit || current != scale) {
            System.out.printf("initialising pgbench in %s at scale %d (%d accounts)...%n", database, scale,
                    scale * 100_000L);
            run(List.of("pgbench", "-i", "-q", "-s", Integer.toString(scale), "-h", host, "-p",
                    Integer.toString(port), "-U", user, database), false);
        }
    }

    public String database() {
        return database;
    }

    /** The command as it runs, less where its log goes. */
    public String command(int clients, int jobs, int seconds) {
        return String.join(" ", arguments(clients, jobs, seconds));
    }

    private List<String> arguments(int clients, int jobs, int seconds) {
        return List.of("pgbench", "-b", "simple-update", "-c", Integer.toString(clients), "-j",
                Integer.toString(jobs), "-T", Integer.toString(seconds), "-h", host, "-p", Integer.toString(port), "-U",
                user, "-l", database);
    }

    public Result simpleUpdate(int clients, int jobs, int seconds, Path workDir) throws IOException, InterruptedException {
        Path logDir = Files.createTempDirectory(workDir, "pgbench-log");
        List<String> command = new ArrayList<>(arguments(clients, jobs, seconds));
        command.add(command.size() - 1, "--log-prefix=" + logDir.resolve("tx"));
        String output = run(command, true);
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + output);
        }
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        try (Stream<Path> logs = Files.list(logDir)) {
            for (Path log : logs.toList()) {
                // client_id transaction_no time script_no time_epoch time_us: "time" is the latency in microseconds
                for (String line : Files.readAllLines(log, StandardCharsets.US_ASCII)) {
                    String[] fields = line.split(" ");
                    if (fields.length >= 3 && !fields[2].equals("skipped") && !fields[2].equals("failed")) {
                        latency.recordValue(Math.min(Long.parseLong(fields[2]), latency.getHighestTrackableValue()));
                    }
                }
                Files.delete(log);
            }
        }
        Files.delete(logDir);
        return new Result(Double.parseDouble(tps.group(1)), latency);
    }

    private static String run(List<String> command, boolean capture) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return capture ? output : "";
    }
}
