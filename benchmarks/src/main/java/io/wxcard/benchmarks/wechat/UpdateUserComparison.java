package io.wxcard.benchmarks.wechat;

import io.wxcard.benchmarks.AlternatingRun;
import io.wxcard.benchmarks.AlternatingRun.Figures;
import io.wxcard.benchmarks.Args;
import io.wxcard.benchmarks.Machine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 5: updateuser calls per second through the {@code WechatAdapter} against a bare JDK HttpClient making the same
 * calls, both against one embedded sandbox over loopback HTTP, side by side in one JVM ({@link AlternatingRun}), at
 * each thread count. Goal: the adapter makes at least 0.8 of the bare client's calls per second. Two more clients
 * between them ({@link BreakdownClients}) tell where the difference goes.
 */
public final class UpdateUserComparison {

    static final double GOAL = 0.8;

    private static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.wechat.UpdateUserComparison [options]
              --threads 1,8     calling threads, each count a run of its own          default 1,8
              --clients adapter,feign,jackson,bare                                    default all four
                                adapter: WechatAdapter.members().updateMember
                                feign:   the adapter's Feign + Jackson stack alone
                                jackson: bare HttpClient + the same Jackson records
                                bare:    bare HttpClient, JSON as text (the floor)
              --warmup 8        warm-up slices of each client per thread count        default 8
              --slices 12       measured slices of each client per thread count       default 12
              --slice-ms 1000   length of a slice                                     default 1000
              --members 64      activated codes the calls go round                    default 64""";

    private UpdateUserComparison() {}

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, USAGE, "threads", "clients", "warmup", "slices", "slice-ms", "members");
        List<Integer> threadCounts = args.integers("threads", "1,8");
        List<String> names = List.of(args.text("clients", "adapter,feign,jackson,bare").split(","));
        if (!names.contains("adapter") || !names.contains("bare")) {
            throw new IllegalArgumentException("--clients needs at least adapter and bare: the ratio is theirs");
        }
        int warmup = args.integer("warmup", 8);
        int slices = args.integer("slices", 12);
        Duration slice = Duration.ofMillis(args.integer("slice-ms", 1000));
        System.out.println("updateuser through WechatAdapter vs a bare JDK HttpClient, embedded sandbox on loopback");
        System.out.println(Machine.describe());
        System.out.printf("%d warm-up + %d measured slices of %d ms per client and thread count, alternating%n",
                warmup, slices, slice.toMillis());
        BodyCheck.adapterSendsTheBareBody();
        BreakdownClients.writesTheBareBody();
        System.out.println("body check: the adapter and the Jackson client send exactly the bare client's JSON");

        List<String> lines = new ArrayList<>();
        try (SandboxWorld world = SandboxWorld.start(args.integer("members", 64))) {
            UpdateUserClients clients = new UpdateUserClients(world);
            List<AlternatingRun.Workload> workloads = names.stream().map(clients::named)
                    .map(UpdateUserComparison::workload).toList();
            for (int threads : threadCounts) {
                Map<String, Figures> figures = AlternatingRun.run(workloads, threads, warmup, slices, slice);
                Figures adapter = figures.get(clients.adapter.name());
                Figures bare = figures.get(clients.bareClient.name());
                double ratio = AlternatingRun.medianRatio(adapter, bare);
                for (Figures client : figures.values()) {
                    String line = String.format("| %d | %s | %.0f | %.3f | %d / %d us | %d |%s", threads,
                            client.name(), client.median(), AlternatingRun.medianRatio(client, bare),
                            client.latencyMicros().getValueAtPercentile(50),
                            client.latencyMicros().getValueAtPercentile(99), client.failed(),
                            client == adapter ? String.format(" **%.3f: goal >= %.1f %s** |", ratio, GOAL,
                                    ratio >= GOAL ? "met" : "NOT met") : " |");
                    System.out.println(line);
                    lines.add(line);
                }
            }
        }
        System.out.println();
        System.out.println("calls/s: median slice; ratio: median over slice pairs of client / bare; latencies over all "
                + "measured slices");
        System.out.println("| threads | client | calls/s | ratio to bare | p50 / p99 | failed calls | adapter / bare |");
        System.out.println("|---|---|---|---|---|---|---|");
        lines.forEach(System.out::println);
    }

    private static AlternatingRun.Workload workload(UpdateUserClients.Client client) {
        return new AlternatingRun.Workload() {
            @Override
            public String name() {
                return client.name();
            }

            @Override
            public AlternatingRun.Call caller(int thread) {
                UpdateUserClients.Cursor cursor = new UpdateUserClients.Cursor(thread * 7);
                return () -> client.call(cursor);
            }
        };
    }
}
