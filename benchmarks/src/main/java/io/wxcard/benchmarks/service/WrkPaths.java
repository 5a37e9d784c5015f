package io.wxcard.benchmarks.service;

import io.wxcard.benchmarks.Args;
import io.wxcard.benchmarks.Machine;
import io.wxcard.benchmarks.store.CpuMeter;
import io.wxcard.benchmarks.store.PgBench;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Issue 16, a fair driver: the write, read and push paths of {@link WritePath}, {@link ReadPath} and {@link PushPath}
 * driven by Debian's {@code wrk} ({@link Wrk}, {@code -t2 -c16} by default) instead of the Java client, which spends
 * about 1.2 ms of CPU per request on the same two cores as the service. The same {@link ServiceWorld} (and with
 * {@code --before-jar} the earlier build's world too) and the same references (pgbench simple-update for writes, the
 * {@link BareServer} for reads and pushes), in whole phases alternating A B B A ({@link WrkRounds}). Writes: each with
 * a new Idempotency-Key, a random member; after each service phase the outbox drains before the next phase. Pushes:
 * made beforehand in Java ({@link PushPath.Pushes}: encrypted, signed, each unique) into a file per phase that the
 * Lua script shares out between wrk's threads, none sent twice. The data checks at the end: {@link Reconcile} after
 * the writes (every acknowledged change in the ledger once, WeChat's totals equal to the ledger's), and after the
 * pushes every push answered success has left exactly one ledger entry; then {@code LOST OR DOUBLED: n}.
 */
public final class WrkPaths {

    private static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.service.WrkPaths [options]
              --paths write,read,push  which paths (always run in this order)         default write,read,push
              --seconds 30             length of each measured phase                  default 30
              --warmup 10              seconds of a warm-up phase per side (not pgbench) default 10
              --rounds 2               rounds of phases, the order reversed each round default 2
              --threads 2              wrk -t                                         default 2
              --connections 16         wrk -c (and pgbench -c)                        default 16
              --pgbench-db NAME        pgbench's own database                         default pgbench_wxcard
              --pgbench-scale 16       pgbench -s, when it initialises                default 16
              --pgbench-jobs 2         pgbench -j                                     default 2
              --push-rate 4000         pushes a second each service phase's file is made for (it fails if they run out)
            """ + WorldOptions.USAGE;

    private WrkPaths() {}

    public static void main(String[] argv) throws Exception {
        List<String> names = new ArrayList<>(List.of("paths", "seconds", "warmup", "rounds", "threads", "connections",
                "pgbench-db", "pgbench-scale", "pgbench-jobs", "push-rate"));
        names.addAll(List.of(WorldOptions.NAMES));
        Args args = Args.parse(argv, USAGE, names.toArray(String[]::new));
        List<String> paths = List.of(args.text("paths", "write,read,push").split(","));
        if (!List.of("write", "read", "push").containsAll(paths)) {
            throw new IllegalArgumentException("--paths takes write, read and push separated by commas, got " + paths);
        }
        Wrk wrk = new Wrk(args.integer("threads", 2), args.integer("connections", 16));
        int seconds = args.integer("seconds", 30);
        int rounds = args.integer("rounds", 2);
        int warmup = args.integer("warmup", 10);
        WorldOptions options = WorldOptions.defaults().with(args);
        System.out.println(Machine.describe());
        System.out.println("write, read and push paths driven by " + Wrk.version() + " (-t" + wrk.threads() + " -c"
                + wrk.connections() + " --latency, Lua scripts): card-service.jar on PostgreSQL vs pgbench simple-update "
                + "and a bare Javalin server; paths " + paths + ", " + rounds + " round(s) of " + seconds + " s phases");
        long lostOrDoubled = 0;
        try (ServiceWorld world = ServiceWorld.start(options);
             ServiceWorld before = ServiceWorld.startBefore(options, args)) {
            Path folder = Files.createDirectories(world.work().resolve("wrk"));
            System.out.printf("service: %s %s, pid %d, schema %s; %d members%s%n", String.join(" ",
                            options.serviceJvm()), world.jarDescription(), world.service().pid(), world.schema(),
                    world.members().size(), before == null ? "" : "; before: " + before.jarDescription() + ", pid "
                            + before.service().pid());
            if (paths.contains("write")) {
                PgBench pgbench = new PgBench(options.pgHost(), options.pgPort(), options.pgUser(),
                        args.text("pgbench-db", "pgbench_wxcard"));
                pgbench.prepare(args.integer("pgbench-scale", 16), false, world.server());
                int jobs = args.integer("pgbench-jobs", 2);
                List<PointsLoad.Sent> acked = new ArrayList<>();
                List<PointsLoad.Sent> beforeAcked = new ArrayList<>();
                List<WrkRounds.Side> sides = new ArrayList<>(List.of(writes("service", "service: POST points over "
                        + "HTTP (new Idempotency-Key each)", world, wrk, folder, acked)));
                if (before != null) {
                    sides.add(writes("before", "before (--before-jar): the same", before, wrk, folder, beforeAcked));
                }
                sides.add(new WrkRounds.Side("pgbench", pgbench.command(wrk.connections(), jobs, seconds), false,
                        length -> pgbenchPhase(pgbench, wrk.connections(), jobs, length, folder)));
                var phases = WrkRounds.alternate("write", sides, rounds, seconds, warmup);
                lostOrDoubled += reconcile("write", world, acked);
                if (before != null) {
                    lostOrDoubled += reconcile("write (before)", before, beforeAcked);
                }
                goal(WrkRounds.report("write path, " + wrk.connections() + " connections: points changes answered "
                        + "201 per second", sides, phases, "pgbench"), 0.5, "write path", "pgbench");
            }
            if (paths.contains("read") || paths.contains("push")) {
                int barePort = Proc.freePort();
                String bareUrl = "http://127.0.0.1:" + barePort;
                try (Proc bare = startBare(world, options, barePort)) {
                    if (paths.contains("read")) {
                        readPath(world, before, bare, bareUrl, wrk, folder, seconds, rounds, warmup);
                    }
                    if (paths.contains("push")) {
                        lostOrDoubled += WrkPushes.run(world, before, bare, bareUrl, wrk, folder, seconds, rounds,
                                warmup, args.integer("push-rate", 4000));
                    }
                }
            }
        }
        System.out.println("LOST OR DOUBLED: " + lostOrDoubled);
        if (lostOrDoubled > 0) {
            System.exit(1);
        }
    }

    /** A side of points changes by wrk on one world; the keys it was answered 201 for go to {@code acked}. */
    private static WrkRounds.Side writes(String name, String what, ServiceWorld world, Wrk wrk, Path folder,
                                         List<PointsLoad.Sent> acked) {
        String run = WechatCrypto.randomHex(4);
        List<String> codes = world.members().stream().map(ServiceWorld.Member::code).toList();
        AtomicInteger phase = new AtomicInteger();
        return new WrkRounds.Side(name, what, true, seconds -> {
            Path keys = folder.resolve(name + "-acknowledged-" + phase.incrementAndGet() + ".txt");
            Path script = Wrk.script(folder, "points", Map.of("PREFIX", "w" + run + "p" + phase.get(), "CARD",
                    world.cardId(), "API_KEY", world.apiKey(), "MEMBERS", codes, "ACKED_FILE", keys.toString()));
            WrkRounds.Phase measured = measure(wrk, world.serviceUrl(), script, seconds, world.service(),
                    world.options().database());
            for (String key : Files.readAllLines(keys, StandardCharsets.UTF_8)) {
                acked.add(sent(key, codes));
            }
            System.out.printf("  %s: outbox drained in %.1f s after the phase%n", name,
                    world.tables().awaitOutboxDrained(Duration.ofMinutes(10)));
            return measured;
        });
    }

    /** The change a key names: {@code <prefix>-<thread>-<n>-<member, from 1>}, its delta 1 + n % 10 (points.lua). */
    private static PointsLoad.Sent sent(String key, List<String> codes) {
        String[] parts = key.split("-");
        long n = Long.parseLong(parts[parts.length - 2]);
        return new PointsLoad.Sent(codes.get(Integer.parseInt(parts[parts.length - 1]) - 1), key, 1 + n % 10);
    }

    /** One wrk run against a server process, with the CPU it, wrk and PostgreSQL spent. */
    static WrkRounds.Phase measure(Wrk wrk, String url, Path script, int seconds, Proc server, String database)
            throws Exception {
        double serverBefore = server.cpuSeconds();
        CpuMeter meter = new CpuMeter(database);
        Wrk.Result result = wrk.run(url, script, seconds);
        CpuMeter.Spent spent = meter.stop();
        if (result.exhausted() > 0) {
            throw new IllegalStateException(result.exhausted() + " wrk thread(s) ran out of pushes: raise --push-rate");
        }
        // wrk's Requests/sec counts every answer; the figure is the answers that did what was asked (2xx).
        double perSecond = result.requestsPerSecond() * result.ok() / Math.max(1, result.requests());
        return new WrkRounds.Phase(perSecond, result.p50(), result.p99(), result.sent(), result.ok(),
                result.failed(), result.retried(), result.cpuSeconds(), server.cpuSeconds() - serverBefore, spent.server());
    }

    private static WrkRounds.Phase pgbenchPhase(PgBench pgbench, int clients, int jobs, int seconds, Path folder)
            throws Exception {
        CpuMeter meter = new CpuMeter(pgbench.database());
        PgBench.Result result = pgbench.simpleUpdate(clients, jobs, seconds, folder);
        CpuMeter.Spent spent = meter.stop();
        Histogram latency = result.latencyMicros();
        return new WrkRounds.Phase(result.tps(), latency.getValueAtPercentile(50), latency.getValueAtPercentile(99),
                latency.getTotalCount(), latency.getTotalCount(), 0, 0, spent.childProcesses(), 0, spent.server());
    }

    private static long reconcile(String what, ServiceWorld world, List<PointsLoad.Sent> acked) throws Exception {
        Reconcile.Verdict verdict = Reconcile.check(world, acked);
        System.out.println("check " + what + ": " + verdict.describe());
        return verdict.lost();
    }

    /** The bare server, answering the bytes of a membership the service answered (ReadPath's reference). */
    private static Proc startBare(ServiceWorld world, WorldOptions options, int port) throws Exception {
        Api.Answer sample = world.api().get(membershipsPath(world) + world.members().get(0).code());
        sample.expect(200, "reading a membership");
        Path body = world.work().resolve("membership.json");
        Files.write(body, sample.body());
        Proc bare = Proc.start("bare", options.serviceJvm(), List.of("-cp", Proc.BENCHMARKS_JAR,
                BareServer.class.getName(), "--port", Integer.toString(port), "--body", body.toString(),
                "--content-type", sample.headers().firstValue("Content-Type").orElse("application/json")), Map.of());
        bare.awaitOk("http://127.0.0.1:" + port + "/health/ready", Duration.ofSeconds(60), 50);
        return bare;
    }

    static String membershipsPath(ServiceWorld world) {
        return "/v1/cards/" + world.cardId() + "/memberships/";
    }

    private static void readPath(ServiceWorld world, ServiceWorld before, Proc bare, String bareUrl, Wrk wrk,
                                 Path folder, int seconds, int rounds, int warmup) throws Exception {
        List<WrkRounds.Side> sides = new ArrayList<>(List.of(reads("service", "service: GET membership (API key, "
                + "PostgreSQL read, JSON)", world, world.serviceUrl(), world.service(), wrk, folder)));
        if (before != null) {
            sides.add(reads("before", "before (--before-jar): the same", before, before.serviceUrl(),
                    before.service(), wrk, folder));
        }
        sides.add(reads("bare", "bare Javalin handler, the same bytes", world, bareUrl, bare, wrk, folder));
        var phases = WrkRounds.alternate("read", sides, rounds, seconds, warmup);
        goal(WrkRounds.report("read path, " + wrk.connections() + " connections: GETs answered 200 per second", sides,
                phases, "bare"), 0.4, "read path", "bare");
    }

    /** GETs of a random member of {@code world} on the server at {@code url}. */
    private static WrkRounds.Side reads(String name, String what, ServiceWorld world, String url, Proc server, Wrk wrk,
                                        Path folder) throws Exception {
        Path script = Wrk.script(folder, "read", Map.of("PREFIX", membershipsPath(world), "API_KEY", world.apiKey(),
                "MEMBERS", world.members().stream().map(ServiceWorld.Member::code).toList()));
        return new WrkRounds.Side(name, what, true, seconds -> measure(wrk, url, script, seconds, server,
                world.options().database()));
    }

    static void goal(double ratio, double goal, String what, String reference) {
        System.out.printf("goal (%s >= %s of %s, with wrk): %s (%.3f)%n", what, goal, reference,
                ratio >= goal ? "MET" : "NOT MET", ratio);
    }

    /** Writes {@code lines} to {@code file}, one a line. */
    static void writeLines(Path file, int count, java.util.function.IntFunction<String> line) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                out.write(line.apply(i));
                out.write('\n');
            }
        }
    }
}
