package io.wxcard.benchmarks.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wxcard.benchmarks.Args;
import io.wxcard.benchmarks.Machine;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fault drill (b), issue 10: under a load of points changes (paced to 30/s by default, a rate the outbox dispatcher
 * keeps up with, so that its calls actually meet the faults; {@code --rate 0} for full speed), WeChat (the sandbox) answers errcode -1, an HTTP 5xx or
 * slowly (3 s, beyond the adapter's 3 s request timeout: the change is applied, the answer lost) to 20 % of calls for a
 * minute ({@code POST /sandbox/faults}). What must hold: the outbox converges once the faults stop (WeChat's points equal
 * the ledger's for every member, nothing left or dead) and no effect was applied twice (every total WeChat reached is
 * one the ledger had).
 */
public final class SandboxFaultDrill {

    private static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.service.SandboxFaultDrill [options]
              --before 15              seconds of load before the faults                 default 15
              --faults 60              seconds with faults                               default 60
              --after 10               seconds of load after them                        default 10
              --busy 0.07              ratio of calls answered errcode -1                default 0.07
              --http5xx 0.07           ratio answered HTTP 503                           default 0.07
              --slow 0.06              ratio answered after --slow-ms                    default 0.06
              --slow-ms 3000           how slowly                                        default 3000
              --after-apply            faults hit after the call is carried out          default off
            """ + Drill.USAGE_OPTIONS;

    private SandboxFaultDrill() {}

    private static long updateuser(com.fasterxml.jackson.databind.JsonNode stats) {
        return stats.path("calls_per_path").path("/card/membercard/updateuser").asLong();
    }

    public static void main(String[] argv) throws Exception {
        Args args = Drill.parse(argv, USAGE, "before", "faults", "after", "busy", "http5xx", "slow", "slow-ms",
                "after-apply");
        System.out.println("fault drill (b): the sandbox answering -1, 5xx or slowly to a share of calls under load");
        System.out.println(Machine.describe());
        long lost;
        try (ServiceWorld world = ServiceWorld.start(Drill.options(args))) {
            ObjectNode faults = Api.JSON.createObjectNode()
                    .put("busy_ratio", Double.parseDouble(args.text("busy", "0.07")))
                    .put("http_5xx_ratio", Double.parseDouble(args.text("http5xx", "0.07")))
                    .put("slow_ratio", Double.parseDouble(args.text("slow", "0.06")))
                    .put("slow_ms", args.integer("slow-ms", 3000))
                    .put("after_apply", args.flag("after-apply"));
            System.out.printf("service %s, pid %d; %d members; %d clients; faults %s%n", world.jarDescription(),
                    world.service().pid(), world.members().size(), args.integer("clients", 16), faults);
            PointsLoad load = Drill.load(world, args, 30);
            AtomicBoolean stop = new AtomicBoolean();
            PointsLoad.Running running = load.start(stop);
            Thread.sleep(args.integer("before", 15) * 1000L);
            var statsOn = world.sandboxStats();
            world.sandbox().post("/sandbox/faults", faults.toString()).expect(200, "setting the faults");
            int on = load.secondOf(System.nanoTime());
            Thread.sleep(args.integer("faults", 60) * 1000L);
            world.sandbox().post("/sandbox/faults", "{\"clear\":true}").expect(200, "clearing the faults");
            int off = load.secondOf(System.nanoTime());
            var statsOff = world.sandboxStats();
            long[] outboxAtClear = world.tables().outbox();
            Thread.sleep(args.integer("after", 10) * 1000L);
            stop.set(true);
            PointsLoad.Result result = running.await();
            System.out.printf("load: %d changes acknowledged, %d failed; while the faults were on: %d updateuser "
                            + "calls, %d faults injected; outbox when the faults stopped: %d waiting, %d dead%n",
                    result.acknowledged(), result.failed(), updateuser(statsOff) - updateuser(statsOn),
                    statsOff.path("faults_injected").asLong() - statsOn.path("faults_injected").asLong(),
                    outboxAtClear[0], outboxAtClear[1]);
            Drill.timeline(load, 0, load.secondOf(System.nanoTime()), s -> s == on ? "<- faults on" : s == off
                    ? "<- faults off" : "");
            lost = Drill.verdict(world, load, args);
            System.out.println("sandbox statistics at the end: " + world.sandboxStats());
        }
        System.exit(lost == 0 ? 0 : 1);
    }
}
