package io.wxcard.benchmarks.service;

import io.wxcard.benchmarks.Args;
import io.wxcard.benchmarks.Machine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fault drill (c), issue 10: PostgreSQL restarted ({@code pg_ctlcluster --skip-systemctl-redirect VERSION main
 * restart}) under a load of points changes. What must hold: the service recovers by itself (same process, not
 * restarted): requests fail during the restart and succeed after it, readiness goes down and up, the outbox drains,
 * every acknowledged change is in the ledger and WeChat's points equal the ledger's. PostgreSQL is always left running:
 * whatever happens, the drill ends by starting the cluster if it is down.
 */
public final class DatabaseRestartDrill {

    private static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.service.DatabaseRestartDrill [options]
              --before 15              seconds of load before the restart                default 15
              --after 30               seconds of load after it                          default 30
              --cluster 15/main        the cluster (VERSION/NAME; default: the only one under /etc/postgresql)
            """ + Drill.USAGE_OPTIONS;

    private DatabaseRestartDrill() {}

    public static void main(String[] argv) throws Exception {
        Args args = Drill.parse(argv, USAGE, "before", "after", "cluster");
        String[] cluster = args.text("cluster", defaultCluster()).split("/");
        System.out.println("fault drill (c): PostgreSQL " + cluster[0] + "/" + cluster[1] + " restarted under a load of "
                + "points changes");
        System.out.println(Machine.describe());
        long lost;
        try (ServiceWorld world = ServiceWorld.start(Drill.options(args))) {
            long pid = world.service().pid();
            System.out.printf("service %s, pid %d; %d members; %d clients%n", world.jarDescription(), pid,
                    world.members().size(), args.integer("clients", 16));
            PointsLoad load = Drill.load(world, args, 0);
            Map<Integer, String> readiness = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            Thread ready = new Thread(() -> {
                Api probe = new Api(world.serviceUrl(), null);
                while (!stop.get()) {
                    String state;
                    try {
                        state = Integer.toString(probe.get("/health/ready").status());
                    } catch (RuntimeException noAnswer) {
                        state = "none";
                    }
                    readiness.merge(load.secondOf(System.nanoTime()), state, (a, b) -> a.contains(b) ? a : a + "," + b);
                    Proc.sleep(250);
                }
            }, "readiness");
            ready.setDaemon(true);
            PointsLoad.Running running = load.start(stop);
            ready.start();
            int restartStart;
            int restartEnd;
            double restartSeconds;
            try {
                Thread.sleep(args.integer("before", 15) * 1000L);
                restartStart = load.secondOf(System.nanoTime());
                long before = System.nanoTime();
                String output = pgCtl(cluster, "restart");
                restartSeconds = (System.nanoTime() - before) / 1e9;
                restartEnd = load.secondOf(System.nanoTime());
                System.out.printf("pg_ctlcluster %s %s restart took %.1f s%s%n", cluster[0], cluster[1], restartSeconds,
                        output.isBlank() ? "" : ": " + output.trim());
                Thread.sleep(args.integer("after", 30) * 1000L);
            } finally {
                ensureRunning(cluster);
            }
            stop.set(true);
            PointsLoad.Result result = running.await();
            ready.join();
            int end = load.secondOf(System.nanoTime());
            int firstFailure = -1;
            int lastFailure = -1;
            int firstOkAfter = -1;
            for (int s = 0; s <= end; s++) {
                long[] at = load.at(s);
                if (at[1] > 0) {
                    firstFailure = firstFailure < 0 ? s : firstFailure;
                    lastFailure = s;
                }
                if (s >= restartEnd && at[0] > 0 && firstOkAfter < 0) {
                    firstOkAfter = s;
                }
            }
            System.out.printf("load: %d changes acknowledged, %d failed or unanswered; failures from second %d to %d; "
                            + "restart from second %d to %d; first 201 after it in second %d%n", result.acknowledged(),
                    result.failed(), firstFailure, lastFailure, restartStart, restartEnd, firstOkAfter);
            Drill.timeline(load, 0, end, s -> {
                String r = readiness.getOrDefault(s, "");
                String mark = s == restartStart ? "<- restart begins" : s == restartEnd ? "<- restart done" : "";
                return (r.equals("200") || r.isEmpty() ? "" : "ready=" + r + " ") + mark;
            });
            boolean same = world.service().alive() && world.service().pid() == pid;
            System.out.println("the service " + (same ? "recovered by itself (same process, pid " + pid + ", never restarted)"
                    : "DID NOT survive (pid " + pid + " gone)"));
            lost = Drill.verdict(world, load, args) + (same && firstOkAfter >= 0 ? 0 : 1);
        } finally {
            ensureRunning(cluster);
        }
        System.exit(lost == 0 ? 0 : 1);
    }

    private static String defaultCluster() {
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            List<Path> found = versions.toList();
            if (found.size() == 1) {
                return found.get(0).getFileName() + "/main";
            }
        } catch (java.io.IOException unreadable) {
            // fall through
        }
        return "15/main";
    }

    private static String pgCtl(String[] cluster, String action) throws Exception {
        Process process = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", cluster[0], cluster[1], action)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pg_ctlcluster " + action + " failed: " + output);
        }
        return output;
    }

    /** Starts the cluster if it is not running (pg_ctlcluster status answers 3 when it is down). */
    private static void ensureRunning(String[] cluster) {
        try {
            Process status = new ProcessBuilder("pg_ctlcluster", cluster[0], cluster[1], "status")
                    .redirectErrorStream(true).start();
            status.getInputStream().readAllBytes();
            if (status.waitFor() != 0) {
                System.out.println("PostgreSQL is down: starting it");
                pgCtl(cluster, "start");
            }
        } catch (Exception failed) {
            System.err.println("COULD NOT CHECK OR START PostgreSQL " + cluster[0] + "/" + cluster[1] + ": " + failed);
        }
        Waits.await("PostgreSQL accepting connections", Duration.ofSeconds(60), () -> {
            try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres")) {
                return c.isValid(2);
            }
        });
    }
}
