package io.wxcard.benchmarks.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.wxcard.benchmarks.Args;
import io.wxcard.benchmarks.Machine;
import io.wxcard.benchmarks.Stats;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 15 item 4: a ledger batch (a CRM's nightly sync) against the same changes posted one by one, side by side in
 * one run on the service's jar on PostgreSQL, WeChat played by the sandbox in its own process. Each round, in turn:
 * <ol>
 *   <li><b>batch</b>: {@code --lines} CSV lines (points deltas spread over the card's members, each under its own
 *   idempotency key) in one {@code POST /v1/cards/{id}/ledger-batches}; lines/s = lines / the request's time;</li>
 *   <li><b>resent</b>: the same upload again, which must apply nothing (every line replayed);</li>
 *   <li><b>one by one</b>: {@code --single-lines} changes through {@code POST .../memberships/{code}/points} by
 *   {@code --clients} concurrent clients (the write path's way), lines/s = changes / wall time.</li>
 * </ol>
 * Reported: medians over the rounds of each, the ratio batch ÷ one by one, and the load average before each round
 * (the machine is shared). At the end the outbox is drained and {@link Reconcile} checks that every acknowledged line
 * is in the ledger once with its delta, the totals equal their entries, and WeChat's points equal the ledger's.
 */
public final class LedgerBatchRun {

    private static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.service.LedgerBatchRun [options]
              --lines 100000           lines of each batch                              default 100000
              --single-lines 3000      changes posted one by one each round             default 3000
              --clients 16             concurrent clients posting one by one            default 16
              --rounds 3               rounds (batch, resent, one by one)               default 3
            """ + WorldOptions.USAGE;

    private LedgerBatchRun() {}

    record Round(double loadBefore, double batchPerSecond, double resentPerSecond, double singlePerSecond) {}

    public static void main(String[] argv) throws Exception {
        List<String> names = new ArrayList<>(List.of("lines", "single-lines", "clients", "rounds"));
        names.addAll(List.of(WorldOptions.NAMES));
        Args args = Args.parse(argv, USAGE, names.toArray(String[]::new));
        int lines = args.integer("lines", 100_000);
        int singles = args.integer("single-lines", 3000);
        int clients = args.integer("clients", 16);
        int rounds = args.integer("rounds", 3);
        System.out.println("ledger batch vs the same changes one by one, through card-service.jar on PostgreSQL");
        System.out.println(Machine.describe());
        WorldOptions options = WorldOptions.defaults().with(args);
        List<Round> measured = new ArrayList<>();
        List<PointsLoad.Sent> acknowledged = new ArrayList<>();
        try (ServiceWorld world = ServiceWorld.start(options)) {
            System.out.printf("service %s, pid %d; sandbox pid %d; %d members; batches of %,d lines, %,d one by one "
                            + "by %d clients, %d rounds%n", world.jarDescription(), world.service().pid(),
                    world.sandboxProcess().pid(), world.members().size(), lines, singles, clients, rounds);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int round = 1; round <= rounds; round++) {
                double load = loadAverage();
                List<PointsLoad.Sent> batch = changes(world, "b" + round, lines);
                byte[] csv = csv(batch);
                double batchSeconds = postBatch(http, world, csv, lines, 0);
                acknowledged.addAll(batch);
                double resentSeconds = postBatch(http, world, csv, 0, lines);
                List<PointsLoad.Sent> one = changes(world, "s" + round, singles);
                double singleSeconds = oneByOne(world, one, clients, acknowledged);
                Round r = new Round(load, lines / batchSeconds, lines / resentSeconds, singles / singleSeconds);
                measured.add(r);
                System.out.printf("round %d (load average %.2f before): batch %,.0f lines/s (%.1f s), resent %,.0f "
                                + "lines/s (%.1f s, nothing applied), one by one %,.0f lines/s (%.1f s); ratio %.1f%n",
                        round, load, r.batchPerSecond(), batchSeconds, r.resentPerSecond(), resentSeconds,
                        r.singlePerSecond(), singleSeconds, r.batchPerSecond() / r.singlePerSecond());
            }
            double drained = world.tables().awaitOutboxDrained(Duration.ofMinutes(10));
            System.out.printf("outbox drained in %.1f s after the last round%n", drained);
            Reconcile.Verdict verdict = Reconcile.check(world, acknowledged);
            System.out.println("check: " + verdict.describe());
            double batch = Stats.median(measured.stream().map(Round::batchPerSecond).toList());
            double resent = Stats.median(measured.stream().map(Round::resentPerSecond).toList());
            double single = Stats.median(measured.stream().map(Round::singlePerSecond).toList());
            double ratio = Stats.median(measured.stream().map(r -> r.batchPerSecond() / r.singlePerSecond()).toList());
            System.out.println();
            System.out.println("| path | lines/s (median of " + rounds + ") | ÷ one by one |");
            System.out.println("|---|---|---|");
            System.out.printf("| ledger batch, %,d lines a POST | %,.0f | **%.1f** (median of the rounds' ratios) |%n",
                    lines, batch, ratio);
            System.out.printf("| the same batch resent (all replayed) | %,.0f | %.1f |%n", resent, resent / single);
            System.out.printf("| one by one, %d clients | %,.0f | 1 |%n", clients, single);
            System.out.printf("load average before the rounds: %s%n", measured.stream()
                    .map(r -> String.format("%.2f", r.loadBefore())).toList());
            System.out.printf("nothing lost or doubled: %s (%d)%n", verdict.lost() == 0 ? "MET" : "NOT MET",
                    verdict.lost());
        }
    }

    /** Points deltas of 1 to 10, spread over the members in turn, each under a key unique to the run. */
    private static List<PointsLoad.Sent> changes(ServiceWorld world, String prefix, int count) {
        List<ServiceWorld.Member> members = world.members();
        List<PointsLoad.Sent> changes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            changes.add(new PointsLoad.Sent(members.get(i % members.size()).code(), prefix + "-" + i, 1 + i % 10));
        }
        return changes;
    }

    private static byte[] csv(List<PointsLoad.Sent> changes) {
        StringBuilder csv = new StringBuilder(changes.size() * 40).append("code,points,reason,idempotency_key\n");
        changes.forEach(change -> csv.append(change.code()).append(',').append(change.delta()).append(",bench ")
                .append(change.key()).append(',').append(change.key()).append('\n'));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Posts the batch and checks its report: how many lines it applied and replayed. Answers the seconds it took. */
    private static double postBatch(HttpClient http, ServiceWorld world, byte[] csv, long applied, long replayed)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(world.serviceUrl() + "/v1/cards/" + world.cardId()
                        + "/ledger-batches"))
                .timeout(Duration.ofMinutes(20))
                .header("Authorization", "Bearer " + world.apiKey())
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build();
        String before = BatchProgress.newest(world);
        HttpResponse<String> answer;
        double seconds;
        String slices;
        try (BatchProgress progress = new BatchProgress(world, before)) {
            long start = progress.elapsed();
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            long end = progress.elapsed();
            seconds = (end - start) / 1e9;
            slices = progress.slices(applied + replayed, end);
        }
        System.out.println("  " + (applied > 0 ? "batch" : "resent") + ": " + slices);
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("the batch was refused: HTTP " + answer.statusCode() + " " + answer.body());
        }
        JsonNode report = Api.JSON.readTree(answer.body());
        if (report.path("applied").asLong() != applied || report.path("replayed").asLong() != replayed
                || report.path("failed").asLong() != 0 || !report.path("status").asText().equals("COMPLETED")) {
            throw new IllegalStateException("expected " + applied + " applied and " + replayed + " replayed, got "
                    + report);
        }
        return seconds;
    }

    /** The changes by {@code clients} threads, each answered 201; answers the wall time. */
    private static double oneByOne(ServiceWorld world, List<PointsLoad.Sent> changes, int clients,
                                   List<PointsLoad.Sent> acknowledged) throws InterruptedException {
        PointsLoad load = new PointsLoad(world, clients, false);
        ConcurrentLinkedQueue<PointsLoad.Sent> queue = new ConcurrentLinkedQueue<>(changes);
        AtomicLong refused = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                long[] count = new long[4];
                for (PointsLoad.Sent change = queue.poll(); change != null; change = queue.poll()) {
                    if (load.send(change, count) != 201) {
                        refused.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " changes posted one by one were not answered 201");
        }
        acknowledged.addAll(changes);
        return seconds;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception unreadable) {
            return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }
}
