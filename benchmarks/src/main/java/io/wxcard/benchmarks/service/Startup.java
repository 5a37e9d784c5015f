package io.wxcard.benchmarks.service;

import io.wxcard.benchmarks.Args;
import io.wxcard.benchmarks.Machine;
import io.wxcard.benchmarks.service.Starts.Start;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Issue 10, start-up and idle memory: {@code java -jar card-service.jar} on its embedded defaults (H2 file database
 * under CARD_DATA_DIR, the built-in sandbox, the demo tenant; only the ports are chosen free and the address is
 * loopback), from the moment the process is spawned until {@code GET /health/ready} answers 200 (polled every 10 ms),
 * and the service's own banner figure ("ready (N s after the JVM started)"); then, after {@code --idle} seconds of
 * doing nothing, VmRSS from /proc/PID/status. Three kinds of start per round, alternating their order: on a fresh data
 * folder (migrations, a new demo tenant with its RSA key), again on that folder (what every later start is), and the
 * reference, the bare Javalin server ({@link BareServer}) started the same way with the same JVM options. With
 * {@code --before-jar}, an earlier build's fresh and again starts too, in the same rounds (on data folders of its own).
 */
public final class Startup {

    private static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.service.Startup [options]
              --rounds 5               starts of each kind                               default 5
              --idle 30                seconds idle before reading VmRSS                 default 30
              --jvm "OPTS"             JVM options of every start (e.g. -Xmx256m)       default none, as README's java -jar
              --service-jar FILE       the service's jar                                 default bootstrap/target/card-service.jar
              --before-jar FILE        an earlier build, started alternately with it     default none""";

    private static final Pattern BANNER = Pattern.compile("wxcard is ready \\(([0-9.]+) s after the JVM started\\)");

    private Startup() {}

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, USAGE, "rounds", "idle", "jvm", "service-jar", "before-jar");
        int rounds = args.integer("rounds", 5);
        int idle = args.integer("idle", 30);
        List<String> jvm = Starts.jvm(args);
        Path work = Files.createTempDirectory("wxcard-startup");
        String jar = Proc.copyOf(Path.of(args.text("service-jar", "bootstrap/target/card-service.jar")), work);
        String beforeJar = args.text("before-jar", "").isBlank() ? null
                : Proc.copyOf(Path.of(args.text("before-jar", "")), Files.createDirectories(work.resolve("before")));
        System.out.println("start-up to ready and idle RSS: card-service.jar on embedded defaults vs a bare Javalin server");
        System.out.println(Machine.describe());
        System.out.printf("jar %s (built %s); JVM options: %s; %d rounds; RSS after %d s idle%n",
                args.text("service-jar", "bootstrap/target/card-service.jar"), Files.getLastModifiedTime(Path.of(jar)),
                jvm.isEmpty() ? "none" : String.join(" ", jvm), rounds, idle);
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        starts.put("fresh", new ArrayList<>());
        starts.put("again", new ArrayList<>());
        starts.put("bare", new ArrayList<>());
        if (beforeJar != null) {
            starts.put("before-fresh", new ArrayList<>());
            starts.put("before-again", new ArrayList<>());
        }
        for (int round = 1; round <= rounds; round++) {
            Path data = Files.createDirectories(work.resolve("data-" + round));
            Path beforeData = Files.createDirectories(work.resolve("before-data-" + round));
            List<String> order = new ArrayList<>(round % 2 == 1 ? List.of("fresh", "again", "bare") : List.of("bare", "fresh", "again"));
            if (beforeJar != null) {
                order.addAll(round % 2 == 1 ? 0 : order.size(), List.of("before-fresh", "before-again"));
            }
            for (String kind : order) {
                int idleOf = kind.endsWith("again") ? idle : -1;
                Start start = kind.equals("bare") ? bare(jvm, idle)
                        : kind.startsWith("before") ? service(beforeJar, jvm, beforeData, idleOf) : service(jar, jvm, data, idleOf);
                starts.get(kind).add(start);
                Starts.printRound(round, kind, start, "ready", "banner", "%.1f s");
            }
        }
        Starts.printTable(starts, kind -> switch (kind) {
            case "fresh" -> "service, fresh data folder (migrations, new demo tenant)";
            case "again" -> "service, same folder again";
            case "before-fresh" -> "before (--before-jar), fresh data folder";
            case "before-again" -> "before (--before-jar), same folder again";
            default -> "bare Javalin server (reference)";
        }, "ready after (median, process spawn -> /health/ready 200)", "banner figure", "%.1f s", idle);
        double fresh = Starts.medianReady(starts.get("fresh"));
        double again = Starts.medianReady(starts.get("again"));
        if (beforeJar != null) {
            System.out.printf("service / before (medians): fresh %.3f, again %.3f%n",
                    fresh / Starts.medianReady(starts.get("before-fresh")),
                    again / Starts.medianReady(starts.get("before-again")));
        }
        System.out.printf("goal (ready within 3 s): %s (fresh %.2f s, again %.2f s)%n",
                Math.max(fresh, again) <= 3 ? "MET" : fresh > 3 && again > 3 ? "NOT MET" : "MET on one kind only",
                fresh, again);
        Starts.delete(work);
    }

    private static Start service(String jar, List<String> jvm, Path data, int idle) {
        int port = Proc.freePort();
        Map<String, String> environment = Map.of("CARD_DATA_DIR", data.toString(), "CARD_HTTP_PORT",
                Integer.toString(port), "CARD_SANDBOX_PORT", Integer.toString(Proc.freePort()), "CARD_HTTP_HOST",
                "127.0.0.1");
        return Starts.measure("startup", Starts.jarOptions(jvm), List.of(jar), environment,
                "http://127.0.0.1:" + port + "/health/ready", Duration.ofSeconds(120), BANNER, idle);
    }

    private static Start bare(List<String> jvm, int idle) {
        int port = Proc.freePort();
        List<String> options = new ArrayList<>(jvm);
        options.addAll(List.of("-cp", Proc.BENCHMARKS_JAR));
        return Starts.measure("bare", options, List.of(BareServer.class.getName(), "--port", Integer.toString(port)),
                Map.of(), "http://127.0.0.1:" + port + "/health/ready", Duration.ofSeconds(60), null, idle);
    }
}
