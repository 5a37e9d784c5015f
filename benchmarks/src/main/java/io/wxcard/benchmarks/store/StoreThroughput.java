package io.wxcard.benchmarks.store;

import io.wxcard.benchmarks.Args;
import io.wxcard.benchmarks.Machine;
import io.wxcard.benchmarks.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Issue 6: points changes per second through the store on PostgreSQL, through the real use case
 * ({@code ChangeLedgerUseCase} over {@code Persistence}: load card, load membership, look up the idempotency key, save
 * the membership, append the entry, enqueue the outbox task, in one transaction), by N concurrent clients over M
 * memberships; side by side with {@code pgbench -b simple-update} with as many clients on the same server. The phases
 * alternate (store, pgbench, pgbench, store, ...) so that a drift of the machine's load hits both alike. The store's
 * data lives in a fresh schema of its own database, dropped at the end. With {@code --plain-jdbc}, a third side runs
 * the same statements over plain JDBC ({@link PlainJdbcLoad}), to tell the SQL's cost from the Java layers'.
 */
public final class StoreThroughput {

    private static final String STORE = "store";
    private static final String PLAIN = "plain JDBC";
    private static final String PGBENCH = "pgbench";

    private static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.store.StoreThroughput [options]
              --host 127.0.0.1         PostgreSQL host                                   default 127.0.0.1
              --port 5432              PostgreSQL port                                   default 5432
              --user postgres          user (trust or ~/.pgpass)                         default postgres
              --db wxcard_bench        database the store's fresh schema is made in      default wxcard_bench
                                       (created if missing; its own, so that the server CPU of its backends
                                       is the store's alone)
              --clients 16             concurrent clients (store threads, pgbench -c)    default 16
              --pool 16                store's connection pool size                      default = --clients
              --memberships 1000       memberships the changes are spread over           default 1000
              --seconds 30             length of each measured phase (pgbench -T)        default 30
              --warmup 30              seconds of store load before measuring (the JIT)   default 30
              --rounds 2               rounds of (store, pgbench), alternating order     default 2
              --pgbench-db pgbench_wxcard  pgbench's own database                        default pgbench_wxcard
              --pgbench-scale 16       pgbench -s, when it initialises                   default 16
              --pgbench-jobs 2         pgbench -j                                        default 2
              --pgbench-init           initialise pgbench's tables even if present       default off
              --keep-schema            do not drop the store's schema at the end         default off
              --url-options K=V&K=V    added to the store's JDBC URL, for experiments    default none
                                       (autosave=never: without the pool's per-statement savepoints)
              --plain-jdbc             a third side: the same statements over plain JDBC default off""";

    private StoreThroughput() {}

    /** One measured phase, of any side; CPU in seconds over the phase, WAL in bytes. */
    record Measured(double perSecond, long transactions, Histogram latencyMicros, double clientCpu,
                    double serverCpu, long walBytes) {
        double clientCpuMicrosPerTx() {
            return clientCpu * 1e6 / transactions;
        }

        double serverCpuMicrosPerTx() {
            return serverCpu * 1e6 / transactions;
        }

        double walBytesPerTx() {
            return (double) walBytes / transactions;
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, USAGE, "host", "port", "user", "db", "clients", "pool", "memberships", "seconds",
                "warmup", "rounds", "pgbench-db", "pgbench-scale", "pgbench-jobs", "pgbench-init", "keep-schema",
                "url-options", "plain-jdbc");
        String host = args.text("host", "127.0.0.1");
        int port = args.integer("port", 5432);
        String user = args.text("user", "postgres");
        int clients = args.integer("clients", 16);
        int seconds = args.integer("seconds", 30);
        int rounds = args.integer("rounds", 2);
        int jobs = args.integer("pgbench-jobs", 2);
        boolean plainJdbc = args.flag("plain-jdbc");
        String db = args.text("db", "wxcard_bench");
        Sql server = new Sql(host, port, user, "postgres");
        if (!server.exists("SELECT 1 FROM pg_database WHERE datname = ?", db)) {
            server.execute("CREATE DATABASE " + db);
        }
        Sql database = server.onDatabase(db);

        System.out.println("points changes through the store (ChangeLedgerUseCase over Persistence) vs pgbench "
                + "simple-update, PostgreSQL");
        System.out.println(Machine.describe());
        System.out.println("server: PostgreSQL " + database.text("SHOW server_version") + " at " + host + ":" + port
                + ", shared_buffers " + database.text("SHOW shared_buffers") + ", synchronous_commit "
                + database.text("SHOW synchronous_commit") + ", fsync " + database.text("SHOW fsync"));

        PgBench pgbench = new PgBench(host, port, user, args.text("pgbench-db", "pgbench_wxcard"));
        pgbench.prepare(args.integer("pgbench-scale", 16), args.flag("pgbench-init"), server);

        String schema = "wxcard_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        database.execute("CREATE SCHEMA " + schema);
        Path work = Files.createTempDirectory("wxcard-bench");
        Map<String, List<Measured>> sides = new LinkedHashMap<>();
        sides.put(STORE, new ArrayList<>());
        if (plainJdbc) {
            sides.put(PLAIN, new ArrayList<>());
        }
        sides.put(PGBENCH, new ArrayList<>());
        String urlOptions = args.text("url-options", "");
        String storeUrl = database.url(schema) + (urlOptions.isEmpty() ? "" : "&" + urlOptions);
        AtomicLong landed = new AtomicLong();
        try (LedgerWorld world = LedgerWorld.seed(storeUrl, args.integer("pool", clients),
                args.integer("memberships", 1000), clients);
             PlainJdbcLoad plain = plainJdbc ? new PlainJdbcLoad(world, database.url(schema), clients, landed) : null) {
            System.out.printf("seeded %d memberships in schema %s of %s; %d clients, pool of %d%s%n",
                    world.memberships.size(), schema, db, clients, args.integer("pool", clients),
                    urlOptions.isEmpty() ? "" : "; URL options " + urlOptions);
            Load store = new UseCaseLoad(world, clients, landed);
            System.out.printf("warm-up: %.0f changes/s%n",
                    store.run(Duration.ofSeconds(args.integer("warmup", 30))).changesPerSecond());
            if (plain != null) {
                System.out.printf("warm-up of plain JDBC: %.0f changes/s%n",
                        plain.run(Duration.ofSeconds(10)).changesPerSecond());
            }
            List<String> order = new ArrayList<>(sides.keySet());
            List<String> reversed = new ArrayList<>(order);
            Collections.reverse(reversed);
            for (int round = 1; round <= rounds; round++) {
                for (String side : round % 2 == 1 ? order : reversed) {
                    Measured measured = side.equals(PGBENCH)
                            ? pgbench(server, pgbench, clients, jobs, seconds, work)
                            : load(server, db, side.equals(STORE) ? store : plain, seconds, side, round);
                    sides.get(side).add(measured);
                    System.out.printf("round %d %-11s %7.0f tx/s, p50 %6d us, p99 %6d us, per tx: client CPU %5.0f "
                                    + "us, server CPU %5.0f us, WAL %5.0f B%n", round, side + ":",
                            measured.perSecond(), measured.latencyMicros().getValueAtPercentile(50),
                            measured.latencyMicros().getValueAtPercentile(99), measured.clientCpuMicrosPerTx(),
                            measured.serverCpuMicrosPerTx(), measured.walBytesPerTx());
                }
            }
            check(database, schema, landed.get());
        } finally {
            if (args.flag("keep-schema")) {
                System.out.println("kept schema " + schema + " in " + db);
            } else {
                database.execute("DROP SCHEMA " + schema + " CASCADE");
            }
            Files.deleteIfExists(work);
        }
        System.out.println();
        System.out.println("reference: " + pgbench.command(clients, jobs, seconds));
        report(sides, clients, seconds, rounds, jobs, urlOptions);
    }

    private static Measured load(Sql server, String db, Load load, int seconds, String side, int round)
            throws InterruptedException {
        String walBefore = server.text("SELECT pg_current_wal_lsn()");
        CpuMeter meter = new CpuMeter(db);
        Load.Phase phase = load.run(Duration.ofSeconds(seconds));
        CpuMeter.Spent spent = meter.stop();
        if (phase.conflicts() > 0) {
            System.out.printf("round %d %s: %d changes gave up after losing every retry to concurrent changes%n",
                    round, side, phase.conflicts());
        }
        return new Measured(phase.changesPerSecond(), phase.changes(), phase.latencyMicros(), spent.clientJvm(),
                spent.server(), walSince(server, walBefore));
    }

    private static Measured pgbench(Sql server, PgBench pgbench, int clients, int jobs, int seconds, Path work)
            throws Exception {
        String walBefore = server.text("SELECT pg_current_wal_lsn()");
        CpuMeter meter = new CpuMeter(pgbench.database());
        PgBench.Result result = pgbench.simpleUpdate(clients, jobs, seconds, work);
        CpuMeter.Spent spent = meter.stop();
        return new Measured(result.tps(), result.latencyMicros().getTotalCount(), result.latencyMicros(),
                spent.childProcesses(), spent.server(), walSince(server, walBefore));
    }

    /** WAL the server wrote since {@code before} (the whole server's: other databases' writes count too). */
    private static long walSince(Sql server, String before) {
        return server.number("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '" + before + "')::bigint");
    }

    private static void report(Map<String, List<Measured>> sides, int clients, int seconds, int rounds, int jobs,
                               String urlOptions) {
        List<Measured> reference = sides.get(PGBENCH);
        System.out.printf("%d clients, %d round(s) of %d s per side%s%n", clients, rounds, seconds,
                urlOptions.isEmpty() ? "" : "; store URL options " + urlOptions);
        System.out.println("| what | tx/s (median of rounds) | ratio to pgbench (median of rounds) | p50 | p99 "
                + "| client CPU per tx | server CPU per tx | WAL per tx |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, List<Measured>> side : sides.entrySet()) {
            List<Measured> phases = side.getValue();
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < phases.size(); i++) {
                ratios.add(phases.get(i).perSecond() / reference.get(i).perSecond());
            }
            Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
            phases.forEach(phase -> latency.add(phase.latencyMicros()));
            String what = switch (side.getKey()) {
                case STORE -> "store: points change through ChangeLedgerUseCase, " + clients + " clients";
                case PLAIN -> "same statements over plain JDBC, " + clients + " clients (diagnostic)";
                default -> "pgbench -b simple-update -c " + clients + " -j " + jobs;
            };
            System.out.printf("| %s | %.0f | %.3f %s | %.1f ms | %.1f ms | %.0f us | %.0f us | %.0f B |%n", what,
                    Stats.median(phases.stream().map(Measured::perSecond).toList()), Stats.median(ratios),
                    ratios.stream().map(r -> String.format("%.3f", r)).toList(),
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                    Stats.median(phases.stream().map(Measured::clientCpuMicrosPerTx).toList()),
                    Stats.median(phases.stream().map(Measured::serverCpuMicrosPerTx).toList()),
                    Stats.median(phases.stream().map(Measured::walBytesPerTx).toList()));
        }
    }

    /** The data must add up: one ledger entry and one outbox task per change counted, totals equal to the entries. */
    private static void check(Sql database, String schema, long changes) {
        long entries = database.number("SELECT count(*) FROM " + schema + ".ledger_entries");
        long tasks = database.number("SELECT count(*) FROM " + schema + ".outbox");
        long points = database.number("SELECT sum(points) FROM " + schema + ".memberships");
        long deltas = database.number("SELECT sum(delta) FROM " + schema + ".ledger_entries");
        String verdict = entries == changes && tasks == changes && points == deltas ? "ok" : "MISMATCH";
        System.out.printf("check %s: %d changes counted, %d ledger entries, %d outbox tasks, points total %d, sum of "
                + "entries %d%n", verdict, changes, entries, tasks, points, deltas);
        if (!verdict.equals("ok")) {
            throw new IllegalStateException("the store lost or doubled changes; the figures are void");
        }
    }
}
