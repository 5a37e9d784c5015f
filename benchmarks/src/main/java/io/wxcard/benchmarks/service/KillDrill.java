package io.wxcard.benchmarks.service;

import io.wxcard.benchmarks.Args;
import io.wxcard.benchmarks.Machine;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fault drill (a), issue 10: {@code kill -9} of the service during a burst of points changes, then a restart. What must
 * hold: every change answered 201 is in the ledger; changes that got no answer, sent again with their keys, land once;
 * once the outbox has drained (the dead instance's claims expire after their 2-minute lease), WeChat's points equal the
 * ledger's for every member and no change was applied twice.
 */
public final class KillDrill {

    private static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.service.KillDrill [options]
              --before 15              seconds of load before the kill                   default 15
              --after 15               seconds of load after the restart is ready        default 15
            """ + Drill.USAGE_OPTIONS;

    private KillDrill() {}

    public static void main(String[] argv) throws Exception {
        Args args = Drill.parse(argv, USAGE, "before", "after");
        System.out.println("fault drill (a): kill -9 of card-service.jar under a burst of points changes, restart");
        System.out.println(Machine.describe());
        long lost;
        try (ServiceWorld world = ServiceWorld.start(Drill.options(args))) {
            System.out.printf("service %s, pid %d, on PostgreSQL schema %s; %d members; %d clients%n",
                    world.jarDescription(), world.service().pid(), world.schema(), world.members().size(),
                    args.integer("clients", 16));
            PointsLoad load = Drill.load(world, args, 0);
            AtomicBoolean stop = new AtomicBoolean();
            PointsLoad.Running running = load.start(stop);
            Thread.sleep(args.integer("before", 15) * 1000L);
            long pid = world.service().pid();
            long[] outboxAtKill = world.tables().outbox();
            int killSecond = load.secondOf(System.nanoTime());
            world.service().kill();
            long killed = System.nanoTime();
            int acknowledgedAtKill = load.acknowledged().size();
            world.startService();
            double down = (System.nanoTime() - killed) / 1e9;
            int readySecond = load.secondOf(System.nanoTime());
            System.out.printf("killed pid %d (kill -9) with %d changes acknowledged so far and %d outbox tasks waiting; "
                    + "restarted as pid %d, ready %.1f s later%n", pid, acknowledgedAtKill, outboxAtKill[0],
                    world.service().pid(), down);
            Thread.sleep(args.integer("after", 15) * 1000L);
            stop.set(true);
            PointsLoad.Result result = running.await();
            int end = load.secondOf(System.nanoTime());
            System.out.printf("load: %d changes acknowledged (201), %d requests failed or got no answer%n",
                    result.acknowledged(), result.failed());
            Drill.timeline(load, 0, end, s -> s == killSecond ? "<- kill -9" : s == readySecond ? "<- restarted, ready" : "");
            lost = Drill.verdict(world, load, args);
        }
        System.exit(lost == 0 ? 0 : 1);
    }
}
