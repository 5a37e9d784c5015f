package io.wxcard.benchmarks.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.wxcard.benchmarks.Args;
import io.wxcard.benchmarks.Machine;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 9: a member import through the service, as an operator runs it: a generated CSV of new openids uploaded with
 * the service's own CLI ({@code java -jar card-service.jar import FILE --card ID}, which stages it through the REST
 * route and follows it to the end) into the service's jar on PostgreSQL, WeChat Pay played by the sandbox in its own
 * process. Twice, each with a service started for it: with {@code CARD_IMPORT_RATE} far above what the machine can do
 * (so the figure is the machine's capacity), and with a rate below that capacity (the figure: achieved / limit).
 * <p>
 * Reported per run: rows/s achieved while sending (settled rows / (finished_at - started_at) from the import's own
 * report) and staging time; the service's heap (it runs with {@code -Xmx256m} and a GC log: the most heap in use
 * before any collection, and the most still in use after one) and its peak RSS; rows sent twice: WeChat Pay import
 * calls the sandbox received minus the members it created (with the sandbox's rate limit off and no faults, any extra
 * call is a row sent again), and the rows the service settled as skipped (WeChat said the openid already held the
 * card: only a row sent twice can be, the openids being new).
 */
public final class ImportRun {

    private static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.service.ImportRun [options]
              --rows 1000000           rows of the run above capacity                    default 1000000
              --above-rate 100000      CARD_IMPORT_RATE of that run (rows/s)             default 100000
              --below-rate 10          CARD_IMPORT_RATE of the run below capacity        default 10
              --below-seconds 120      rows of that run = rate x seconds                 default 120
              --only above|below       one of the two runs                               default both
              --max-sending-seconds 180  stop the run above capacity after sending this long (0: to the end);
                                       its rate is then the rows settled by that moment     default 180
              --pay-limit 0            the sandbox's WeChat Pay calls/s per merchant     default 0 (unlimited)
              --concurrency N          CARD_IMPORT_CONCURRENCY                           default: the service's (8)
            """ + WorldOptions.USAGE;

    private static final String IMPORT_PATH = "/v3/marketing/membercard-open/cards/{card_id}/users/import";
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern IMPORT_ID = Pattern.compile("import (imp_[A-Za-z0-9_-]+): ");

    private ImportRun() {}

    record Outcome(String label, double limit, long rows, double stagingSeconds, double sendingSeconds,
                   double rowsPerSecond, long imported, long skipped, long failed, long payCalls, long sandboxImports,
                   long heapPeakMiB, long heapAfterGcPeakMiB, long heapCommittedMiB, long peakRssMiB, int gcPauses) {
        long sentTwice() {
            return Math.max(0, payCalls - sandboxImports) + skipped;
        }
    }

    public static void main(String[] argv) throws Exception {
        List<String> names = new ArrayList<>(List.of("rows", "above-rate", "below-rate", "below-seconds", "only",
                "pay-limit", "concurrency", "max-sending-seconds"));
        names.addAll(List.of(WorldOptions.NAMES));
        Args args = Args.parse(argv, USAGE, names.toArray(String[]::new));
        String only = args.text("only", "both");
        System.out.println("member import through card-service.jar (CLI import -> REST -> WeChat Pay v3 on the sandbox), "
                + "PostgreSQL");
        System.out.println(Machine.describe());
        List<Outcome> outcomes = new ArrayList<>();
        if (!only.equals("below")) {
            outcomes.add(run(args, "above capacity", args.integer("above-rate", 100_000), args.integer("rows", 1_000_000),
                    args.integer("max-sending-seconds", 180)));
        }
        if (!only.equals("above")) {
            int rate = args.integer("below-rate", 10);
            outcomes.add(run(args, "below capacity", rate, (long) rate * args.integer("below-seconds", 120), 0));
        }
        System.out.println();
        System.out.println("| run | CARD_IMPORT_RATE | rows | staging | sending | rows/s achieved | achieved / limit "
                + "| imported / skipped / failed | heap peak (before GC) | heap peak after GC | peak RSS | rows sent twice |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Outcome o : outcomes) {
            System.out.printf("| %s | %.0f | %,d | %.1f s | %.1f s | **%.1f** | %s | %d / %d / %d | %d MiB | %d MiB "
                            + "(of -Xmx256m, committed at most %d MiB) | %d MiB | %d (Pay calls %d, members created %d) |%n",
                    o.label(), o.limit(), o.rows(), o.stagingSeconds(), o.sendingSeconds(), o.rowsPerSecond(),
                    String.format(o.label().startsWith("below") ? "**%.3f**" : "%.3f", o.rowsPerSecond() / o.limit()),
                    o.imported(), o.skipped(), o.failed(), o.heapPeakMiB(), o.heapAfterGcPeakMiB(), o.heapCommittedMiB(),
                    o.peakRssMiB(), o.sentTwice(), o.payCalls(), o.sandboxImports());
        }
        for (Outcome o : outcomes) {
            if (o.label().startsWith("below")) {
                System.out.printf("goal (>= 95%% of a limit below capacity): %s (%.1f%%)%n",
                        o.rowsPerSecond() >= 0.95 * o.limit() ? "MET" : "NOT MET", 100 * o.rowsPerSecond() / o.limit());
            }
            System.out.printf("goal (heap under 256 MB), %s: %s (peak %d MiB)%n", o.label(),
                    o.heapPeakMiB() < 256 ? "MET" : "NOT MET", o.heapPeakMiB());
            System.out.printf("goal (no row sent twice), %s: %s (%d)%n", o.label(), o.sentTwice() == 0 ? "MET" : "NOT MET",
                    o.sentTwice());
        }
    }

    private static Outcome run(Args args, String label, double rate, long rows, int maxSendingSeconds)
            throws Exception {
        Path logs = Files.createTempDirectory("wxcard-import");
        Path gcLog = logs.resolve("gc.log");
        Map<String, String> environment = new java.util.HashMap<>(Map.of("CARD_IMPORT_RATE", Double.toString(rate)));
        if (args.text("concurrency", null) != null) {
            environment.put("CARD_IMPORT_CONCURRENCY", args.text("concurrency", "8"));
        }
        WorldOptions options = WorldOptions.defaults().with(args).withMemberships(0)
                .withSandboxPayRateLimit(args.integer("pay-limit", 0))
                .withServiceEnvironment(environment);
        List<String> jvm = new ArrayList<>(options.serviceJvm());
        jvm.add("-Xlog:gc:file=" + gcLog);
        options = options.withServiceJvm(jvm);
        System.out.printf("%n== %s: CARD_IMPORT_RATE %.0f, %,d rows%n", label, rate, rows);
        try (ServiceWorld world = ServiceWorld.start(options)) {
            Path csv = logs.resolve("members.csv");
            try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write("openid\n");
                for (long i = 0; i < rows; i++) {
                    out.write(world.openId(i));
                    out.write('\n');
                }
            }
            System.out.printf("service %s, pid %d, -Xmx256m, GC log %s; sandbox pid %d (WeChat Pay limit %s); %,d bytes "
                            + "of CSV%n", world.jarDescription(), world.service().pid(), gcLog, world.sandboxProcess().pid(),
                    options.sandboxPayRateLimit() == 0 ? "off" : options.sandboxPayRateLimit() + "/s", Files.size(csv));
            Proc cli = Proc.start("import-cli", List.of("-Xmx256m"), List.of("-jar", world.serviceJar(), "import",
                    csv.toString(), "--card", world.cardId(), "--url", world.serviceUrl(), "--api-key", world.apiKey()),
                    Map.of());
            String importId = null;
            long expectedSeconds = (long) (rows / Math.min(rate, 200)) + 600;
            long deadline = System.nanoTime() + Duration.ofSeconds(expectedSeconds * 3).toNanos();
            long lastPrint = 0;
            long sendingSince = 0;
            boolean cut = false;
            while (cli.alive() && System.nanoTime() < deadline) {
                Proc.sleep(1000);
                if (importId == null) {
                    Matcher id = IMPORT_ID.matcher(cli.output());
                    if (id.find()) {
                        importId = id.group(1);
                    }
                }
                if (importId != null && sendingSince == 0 && cli.output().contains("sending to WeChat")) {
                    sendingSince = System.nanoTime();
                }
                if (maxSendingSeconds > 0 && sendingSince > 0
                        && System.nanoTime() - sendingSince > maxSendingSeconds * 1_000_000_000L) {
                    cut = true;
                    break;
                }
                if (importId != null && System.nanoTime() - lastPrint > 30_000_000_000L) {
                    lastPrint = System.nanoTime();
                    JsonNode progress = world.api().get("/v1/imports/" + importId).json();
                    System.out.printf("  %s: %s, settled %d of %d, %.1f rows/s, service RSS %d MiB%n", Instant.now(),
                            progress.path("status").asText(), settled(progress), progress.path("counts")
                                    .path("staged").asLong(), progress.path("rate_per_second").asDouble(),
                            world.service().rssKib() / 1024);
                }
            }
            if (importId == null) {
                throw new IllegalStateException("the import command printed no import id:\n" + cli.tail(20));
            }
            if (cut) {
                cli.stop(Duration.ofSeconds(10));
                System.out.printf("stopped following after %d s of sending (the import command was stopped, the service "
                        + "stopped gracefully, so the counts below are final for this run)%n", maxSendingSeconds);
            } else {
                int status = cli.waitFor(Duration.ofSeconds(30));
                String[] printed = cli.output().split("[\r\n]");
                System.out.println("import command ended with " + status + ": " + printed[printed.length - 1].trim());
            }
            long peakRss = world.service().peakRssKib() / 1024;
            world.service().stop(Duration.ofSeconds(60));
            String id = importId;
            Object[] job = world.tables().query("SELECT created_at, started_at, rows_imported, rows_skipped, rows_failed, "
                    + "rows_staged, status, (SELECT max(settled_at) FROM import_rows WHERE job_id = j.id) "
                    + "FROM import_jobs j WHERE id = '" + id + "'", r -> new Object[] {r.getTimestamp(1).toInstant(),
                    r.getTimestamp(2).toInstant(), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6),
                    r.getString(7), r.getTimestamp(8).toInstant()}).get(0);
            Instant created = (Instant) job[0];
            Instant started = (Instant) job[1];
            Instant lastSettled = (Instant) job[7];
            long imported = (Long) job[2];
            long skipped = (Long) job[3];
            long failed = (Long) job[4];
            double sending = Duration.between(started, lastSettled).toMillis() / 1000.0;
            JsonNode stats = world.sandboxStats();
            long[] heap = gcPeaks(gcLog);
            System.out.printf("import %s: %s, %d staged, %d imported, %d skipped, %d failed; sending from %s to the last "
                    + "settled row at %s%n", id, job[6], job[5], imported, skipped, failed, started, lastSettled);
            System.out.println("sandbox: " + stats);
            return new Outcome(label + (cut ? " (first " + maxSendingSeconds + " s of sending)" : ""), rate, (Long) job[5],
                    Duration.between(created, started).toMillis() / 1000.0, sending,
                    (imported + skipped + failed) / sending, imported, skipped, failed,
                    stats.path("calls_per_path").path(IMPORT_PATH).asLong(), stats.path("imports").asLong(), heap[0],
                    heap[1], heap[2], peakRss, (int) heap[3]);
        } finally {
            try (var files = Files.walk(logs)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static long settled(JsonNode progress) {
        JsonNode counts = progress.path("counts");
        return counts.path("imported").asLong() + counts.path("skipped").asLong() + counts.path("failed").asLong();
    }

    /** From a -Xlog:gc log: {most MiB in use before a collection, most after one, most committed, pauses}. */
    static long[] gcPeaks(Path gcLog) throws java.io.IOException {
        long before = 0;
        long after = 0;
        long committed = 0;
        int pauses = 0;
        for (Iterator<String> lines = Files.readAllLines(gcLog).iterator(); lines.hasNext(); ) {
            Matcher pause = GC_PAUSE.matcher(lines.next());
            if (pause.find()) {
                pauses++;
                before = Math.max(before, Long.parseLong(pause.group(1)));
                after = Math.max(after, Long.parseLong(pause.group(2)));
                committed = Math.max(committed, Long.parseLong(pause.group(3)));
            }
        }
        return new long[] {before, after, committed, pauses};
    }
}
