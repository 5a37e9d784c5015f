package io.wxcard.benchmarks.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.wxcard.benchmarks.Args;
import io.wxcard.benchmarks.Machine;
import io.wxcard.benchmarks.Stats;
import io.wxcard.benchmarks.store.CpuMeter;
import io.wxcard.benchmarks.store.PgBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;

/**
 * Issue 10, write path (with issue 8's outbox figures): points changes per second over HTTP through the service's
 * packaged jar on PostgreSQL ({@link ServiceWorld}: its own process, the sandbox in another, a fresh schema), by 16
 * concurrent clients ({@link PointsLoad}) over 1,000 members, side by side with {@code pgbench -b simple-update -c 16}
 * on the same server. Phases alternate service, pgbench, pgbench, service. The outbox dispatcher runs in the service
 * as it always does; during each service phase the driver samples {@code wxcard_outbox_pending} and
 * {@code wxcard_outbox_oldest_seconds} from /metrics every second and counts the updateuser calls the sandbox received;
 * after it, it waits until the outbox is empty (the drain: the dispatcher alone, no load) before the next phase, so
 * pgbench never competes with a backlog. At the end, every member's points on the sandbox must equal the ledger's.
 */
public final class WritePath {

    private static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.service.WritePath [options]
              --clients 16             concurrent HTTP clients (and pgbench -c)          default 16
              --seconds 30             length of each measured phase                     default 30
              --warmup 30              seconds of load before measuring                  default 30
              --rounds 2               rounds of (service, pgbench), alternating order   default 2
              --pgbench-db NAME        pgbench's own database                            default pgbench_wxcard
              --pgbench-scale 16       pgbench -s, when it initialises                   default 16
              --pgbench-jobs 2         pgbench -j                                        default 2
              --pool N                 the service's CARD_DB_POOL_SIZE                   default: the service's (10)
              --sandbox-latency-ms N   the sandbox answers every WeChat call after N ms  default 0 (WeChat: tens)
            """ + WorldOptions.USAGE;

    private static final String UPDATEUSER = "/card/membercard/updateuser";

    /** One measured phase. */
    record Measured(double perSecond, long transactions, Histogram latency, double driverCpu, double serviceCpu,
                    double sandboxCpu, double serverCpu, Outbox outbox) {
        double perTx(double cpu) {
            return cpu * 1e6 / transactions;
        }
    }

    /** The outbox in a service phase: calls made under load, lag, backlog left, and the drain after. */
    record Outbox(double callsPerSecond, double lagMedian, double lagMax, long backlogAtEnd, double drainSeconds,
                  double drainCallsPerSecond, double lagP99, double backlogHalfway) {}

    private WritePath() {}

    public static void main(String[] argv) throws Exception {
        List<String> names = new ArrayList<>(List.of("clients", "seconds", "warmup", "rounds", "pgbench-db",
                "pgbench-scale", "pgbench-jobs", "pool", "sandbox-latency-ms"));
        names.addAll(List.of(WorldOptions.NAMES));
        Args args = Args.parse(argv, USAGE, names.toArray(String[]::new));
        int clients = args.integer("clients", 16);
        int seconds = args.integer("seconds", 30);
        int rounds = args.integer("rounds", 2);
        int jobs = args.integer("pgbench-jobs", 2);
        WorldOptions options = WorldOptions.defaults().with(args);
        if (args.text("pool", null) != null) {
            options = options.withServiceEnvironment(java.util.Map.of("CARD_DB_POOL_SIZE", args.text("pool", "10")));
        }

        System.out.println("points changes over HTTP (POST .../points with Idempotency-Key, card-service.jar on "
                + "PostgreSQL) vs pgbench simple-update; outbox under that load");
        System.out.println(Machine.describe());
        try (ServiceWorld world = ServiceWorld.start(options);
             ServiceWorld before = ServiceWorld.startBefore(options, args)) {
            System.out.println("server: PostgreSQL " + world.database().text("SHOW server_version") + ", shared_buffers "
                    + world.database().text("SHOW shared_buffers") + ", synchronous_commit "
                    + world.database().text("SHOW synchronous_commit"));
            PgBench pgbench = new PgBench(options.pgHost(), options.pgPort(), options.pgUser(),
                    args.text("pgbench-db", "pgbench_wxcard"));
            pgbench.prepare(args.integer("pgbench-scale", 16), false, world.server());
            System.out.printf("service: %s %s, pid %d, schema %s of %s; sandbox pid %d; %d members; %d clients%n",
                    String.join(" ", options.serviceJvm()), world.jarDescription(), world.service().pid(), world.schema(),
                    options.database(), world.sandboxProcess().pid(), world.members().size(), clients);

            int latencyMs = args.integer("sandbox-latency-ms", 0);
            if (latencyMs > 0) { // after the members' import, so that only the outbox's calls wait
                for (ServiceWorld each : before == null ? List.of(world) : List.of(world, before)) {
                    each.sandbox().post("/sandbox/latency", "{\"ms\":" + latencyMs + "}")
                            .expect(200, "setting the sandbox's latency");
                }
                System.out.printf("sandbox: every WeChat answer waits %d ms%n", latencyMs);
            }
            PointsLoad load = new PointsLoad(world, clients, false);
            PointsLoad.Result warm = load.run(Duration.ofSeconds(args.integer("warmup", 30)));
            System.out.printf("warm-up: %.0f changes/s, %d failed; outbox drained in %.1f s%n", warm.perSecond(),
                    warm.failed(), world.tables().awaitOutboxDrained(Duration.ofMinutes(5)));
            PointsLoad beforeLoad = before == null ? null : new PointsLoad(before, clients, false);
            long failed = warm.failed();
            if (before != null) {
                System.out.printf("before: %s, pid %d, schema %s%n", before.jarDescription(), before.service().pid(),
                        before.schema());
                PointsLoad.Result beforeWarm = beforeLoad.run(Duration.ofSeconds(args.integer("warmup", 30)));
                failed += beforeWarm.failed();
                System.out.printf("before warm-up: %.0f changes/s, %d failed; outbox drained in %.1f s%n",
                        beforeWarm.perSecond(), beforeWarm.failed(), before.tables().awaitOutboxDrained(Duration.ofMinutes(5)));
            }
            List<Measured> service = new ArrayList<>();
            List<Measured> earlier = new ArrayList<>();
            List<Measured> reference = new ArrayList<>();
            Path work = Files.createTempDirectory("wxcard-write-path");
            List<String> order = before == null ? List.of("service", "pgbench") : List.of("service", "before", "pgbench");
            List<String> reversed = new ArrayList<>(order);
            java.util.Collections.reverse(reversed);
            for (int round = 1; round <= rounds; round++) {
                for (String side : round % 2 == 1 ? order : reversed) {
                    Measured measured;
                    if (side.equals("service") || side.equals("before")) {
                        PointsLoad.Result[] result = new PointsLoad.Result[1];
                        boolean mine = side.equals("service");
                        measured = servicePhase(mine ? world : before, mine ? load : beforeLoad, seconds, result);
                        failed += result[0].failed();
                        (mine ? service : earlier).add(measured);
                    } else {
                        measured = pgbenchPhase(pgbench, clients, jobs, seconds, work);
                        reference.add(measured);
                    }
                    System.out.printf("round %d %-8s %7.0f tx/s, p50 %6.1f ms, p99 %6.1f ms; CPU per tx: driver %5.0f us, "
                                    + "service %5.0f us, sandbox %4.0f us, PostgreSQL %5.0f us%s%n", round, side + ":",
                            measured.perSecond(), measured.latency().getValueAtPercentile(50) / 1000.0,
                            measured.latency().getValueAtPercentile(99) / 1000.0, measured.perTx(measured.driverCpu()),
                            measured.perTx(measured.serviceCpu()), measured.perTx(measured.sandboxCpu()),
                            measured.perTx(measured.serverCpu()), measured.outbox() == null ? "" : String.format(
                                    "; outbox: %.0f updateuser/s under load (%.2f per change), lag median %.1f s p99 %.1f s max %.1f s, "
                                            + "backlog %.0f halfway, %d at the end, drained in %.1f s at %.0f calls/s",
                                    measured.outbox().callsPerSecond(),
                                    measured.outbox().callsPerSecond() / measured.perSecond(),
                                    measured.outbox().lagMedian(), measured.outbox().lagP99(), measured.outbox().lagMax(),
                                    measured.outbox().backlogHalfway(), measured.outbox().backlogAtEnd(), measured.outbox().drainSeconds(),
                                    measured.outbox().drainCallsPerSecond()));
                }
            }
            Files.deleteIfExists(work);
            Reconcile.Verdict verdict = Reconcile.check(world, List.of());
            System.out.println("check: " + verdict.describe());
            if (before != null) {
                Reconcile.Verdict beforeVerdict = Reconcile.check(before, List.of());
                System.out.println("check (before): " + beforeVerdict.describe());
                reportBefore(service, earlier, reference);
            }
            System.out.println("changes that failed (no 201) over the whole run: " + failed
                    + (load.someFailures().isEmpty() ? "" : "; e.g. " + load.someFailures()));
            report(service, reference, clients, jobs, seconds, rounds, pgbench, verdict);
        }
    }

    private static Measured servicePhase(ServiceWorld world, PointsLoad load, int seconds, PointsLoad.Result[] result)
            throws InterruptedException {
        AtomicBoolean sampling = new AtomicBoolean(true);
        List<Double> lags = new ArrayList<>();
        List<Double> pending = new ArrayList<>();
        Thread sampler = new Thread(() -> {
            Api metrics = new Api(world.serviceUrl(), null);
            while (sampling.get()) {
                try {
                    String text = metrics.get("/metrics").text();
                    double lag = Api.gauge(text, "wxcard_outbox_oldest_seconds");
                    double waiting = Api.gauge(text, "wxcard_outbox_pending");
                    synchronized (lags) {
                        lags.add(lag);
                        pending.add(waiting);
                    }
                } catch (RuntimeException ignored) {
                    // a missed sample
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }, "outbox-sampler");
        long callsBefore = updateuserCalls(world);
        double serviceBefore = world.service().cpuSeconds();
        double sandboxBefore = world.sandboxProcess().cpuSeconds();
        CpuMeter meter = new CpuMeter(world.options().database());
        sampler.start();
        result[0] = load.run(Duration.ofSeconds(seconds));
        CpuMeter.Spent spent = meter.stop();
        double serviceCpu = world.service().cpuSeconds() - serviceBefore;
        double sandboxCpu = world.sandboxProcess().cpuSeconds() - sandboxBefore;
        sampling.set(false);
        sampler.interrupt();
        sampler.join();
        long callsAtEnd = updateuserCalls(world);
        long backlog = world.tables().outbox()[0];
        long drainStart = System.nanoTime();
        double drain = world.tables().awaitOutboxDrained(Duration.ofMinutes(10));
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        long callsDrained = updateuserCalls(world) - callsAtEnd;
        double lagMax;
        double lagMedian;
        double lagP99;
        double backlogHalfway;
        synchronized (lags) {
            lagMax = lags.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            lagMedian = Stats.median(lags);
            List<Double> sorted = lags.stream().sorted().toList();
            lagP99 = sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1);
            backlogHalfway = pending.isEmpty() ? Double.NaN : pending.get(pending.size() / 2);
        }
        // The backlog halfway through the phase against its end: not rising means the outbox keeps up.
        Outbox outbox = new Outbox((callsAtEnd - callsBefore) / result[0].seconds(), lagMedian, lagMax, backlog, drain,
                drain > 0.5 ? callsDrained / drainSeconds : Double.NaN, lagP99, backlogHalfway);
        return new Measured(result[0].perSecond(), result[0].acknowledged(), result[0].latencyMicros(),
                spent.clientJvm(), serviceCpu, sandboxCpu, spent.server(), outbox);
    }

    private static Measured pgbenchPhase(PgBench pgbench, int clients, int jobs, int seconds, Path work)
            throws Exception {
        CpuMeter meter = new CpuMeter(pgbench.database());
        PgBench.Result result = pgbench.simpleUpdate(clients, jobs, seconds, work);
        CpuMeter.Spent spent = meter.stop();
        return new Measured(result.tps(), result.latencyMicros().getTotalCount(), result.latencyMicros(),
                spent.childProcesses(), 0, 0, spent.server(), null);
    }

    private static long updateuserCalls(ServiceWorld world) {
        JsonNode stats = world.sandboxStats();
        return stats.path("calls_per_path").path(UPDATEUSER).asLong();
    }

    private static void report(List<Measured> service, List<Measured> reference, int clients, int jobs, int seconds,
                               int rounds, PgBench pgbench, Reconcile.Verdict verdict) {
        System.out.println();
        System.out.println("reference: " + pgbench.command(clients, jobs, seconds));
        System.out.printf("%d clients, %d round(s) of %d s per side%n", clients, rounds, seconds);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(service.size(), reference.size()); i++) {
            ratios.add(service.get(i).perSecond() / reference.get(i).perSecond());
        }
        System.out.println("| what | tx/s (median of rounds) | ratio to pgbench (rounds) | p50 | p99 | CPU per tx: "
                + "driver (pgbench) | service | sandbox | PostgreSQL |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        row("points change over HTTP, " + clients + " clients", service, String.format("**%.3f** %s",
                Stats.median(ratios), ratios.stream().map(r -> String.format("%.3f", r)).toList()));
        row("pgbench -b simple-update -c " + clients + " -j " + jobs, reference, "1");
        System.out.println();
        System.out.println("| outbox (service phases) | updateuser calls/s under load | commits/s | lag median / max "
                + "(wxcard_outbox_oldest_seconds) | backlog at end of phase | drain time | calls/s draining (no load) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int i = 0; i < service.size(); i++) {
            Measured m = service.get(i);
            Outbox o = m.outbox();
            System.out.printf("| phase %d | %.0f | %.0f | %.1f / %.1f s | %d | %.1f s | %.0f |%n", i + 1,
                    o.callsPerSecond(), m.perSecond(), o.lagMedian(), o.lagMax(), o.backlogAtEnd(), o.drainSeconds(),
                    o.drainCallsPerSecond());
        }
        System.out.printf("goal (write path >= 0.5 of pgbench): %s (%.3f)%n", Stats.median(ratios) >= 0.5 ? "MET"
                : "NOT MET", Stats.median(ratios));
        System.out.println("data: " + (verdict.lost() == 0 ? "ok" : "MISMATCH") + " (" + verdict.memberships()
                + " members: WeChat's points = the ledger's; " + verdict.wechatChanges() + " updateuser changes applied)");
    }

    /** The earlier build's phases: its ratio to pgbench, and the service's to it, round by round. */
    private static void reportBefore(List<Measured> service, List<Measured> earlier, List<Measured> reference) {
        List<Double> toPgbench = new ArrayList<>();
        List<Double> serviceToBefore = new ArrayList<>();
        for (int i = 0; i < Math.min(earlier.size(), reference.size()); i++) {
            toPgbench.add(earlier.get(i).perSecond() / reference.get(i).perSecond());
            serviceToBefore.add(service.get(i).perSecond() / earlier.get(i).perSecond());
        }
        System.out.printf("before (--before-jar): %.0f tx/s (median of rounds), ratio to pgbench %.3f %s; "
                        + "service / before **%.3f** %s; before's CPU per change %.0f us%n",
                Stats.median(earlier.stream().map(Measured::perSecond).toList()), Stats.median(toPgbench),
                toPgbench.stream().map(r -> String.format("%.3f", r)).toList(), Stats.median(serviceToBefore),
                serviceToBefore.stream().map(r -> String.format("%.3f", r)).toList(),
                Stats.median(earlier.stream().map(p -> p.perTx(p.serviceCpu())).toList()));
    }

    private static void row(String what, List<Measured> phases, String ratio) {
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        phases.forEach(phase -> latency.add(phase.latency()));
        System.out.printf("| %s | %.0f | %s | %.1f ms | %.1f ms | %.0f us | %s | %s | %.0f us |%n", what,
                Stats.median(phases.stream().map(Measured::perSecond).toList()), ratio,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                Stats.median(phases.stream().map(p -> p.perTx(p.driverCpu())).toList()),
                phases.get(0).outbox() == null ? "-" : String.format("%.0f us",
                        Stats.median(phases.stream().map(p -> p.perTx(p.serviceCpu())).toList())),
                phases.get(0).outbox() == null ? "-" : String.format("%.0f us",
                        Stats.median(phases.stream().map(p -> p.perTx(p.sandboxCpu())).toList())),
                Stats.median(phases.stream().map(p -> p.perTx(p.serverCpu())).toList()));
    }
}
