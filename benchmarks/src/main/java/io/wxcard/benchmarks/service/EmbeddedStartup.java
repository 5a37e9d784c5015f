package io.wxcard.benchmarks.service;

import io.wxcard.benchmarks.Args;
import io.wxcard.benchmarks.Machine;
import io.wxcard.benchmarks.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 19, the embedded application's start-up and idle memory: {@code java -jar teahouse.jar} (the Spring Boot
 * example on the starter: Tomcat, the actuator, H2 file database, wxcard's migrations by Spring Boot's Flyway, the
 * outbox loops), from the moment the process is spawned until {@code GET /actuator/health} answers 200 (polled every
 * 10 ms), and Spring Boot's own "Started ... in N seconds"; then, after {@code --idle} seconds, VmRSS. Three kinds of
 * start per round, alternating their order: the example on a fresh data folder (migrations, its tenant added), again
 * on that folder, and the reference, the standalone service ({@code card-service.jar}) again on a folder of its own
 * (its sandbox and demo tenant included), started the same way with the same JVM options.
 */
public final class EmbeddedStartup {

    private static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.service.EmbeddedStartup [options]
              --rounds 5            starts of each kind                              default 5
              --idle 30             seconds idle before reading VmRSS                default 30
              --jvm "OPTS"          JVM options of every start (e.g. -Xmx256m)       default none
              --example-jar FILE    the example's jar        default examples/spring-boot/target/teahouse.jar
              --service-jar FILE    the reference            default bootstrap/target/card-service.jar""";

    private static final Pattern STARTED = Pattern.compile("Started TeaHouseApplication in ([0-9.]+) seconds");

    private EmbeddedStartup() {}

    record Start(double readySeconds, double springSeconds, long rssKib) {}

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, USAGE, "rounds", "idle", "jvm", "example-jar", "service-jar");
        int rounds = args.integer("rounds", 5);
        int idle = args.integer("idle", 30);
        List<String> jvm = args.text("jvm", "").isBlank() ? List.of() : List.of(args.text("jvm", "").trim().split("\\s+"));
        Path work = Files.createTempDirectory("wxcard-embedded-startup");
        String example = Proc.copyOf(Path.of(args.text("example-jar", "examples/spring-boot/target/teahouse.jar")), work);
        String service = Proc.copyOf(Path.of(args.text("service-jar", "bootstrap/target/card-service.jar")), work);
        System.out.println("start-up to healthy and idle RSS: the Spring Boot example on the starter vs the standalone service");
        System.out.println(Machine.describe());
        System.out.printf("example %s (built %s); JVM options: %s; %d rounds; RSS after %d s idle%n", example,
                Files.getLastModifiedTime(Path.of(example)), jvm.isEmpty() ? "none" : String.join(" ", jvm), rounds, idle);
        Path serviceData = Files.createDirectories(work.resolve("service-data"));
        service(service, jvm, serviceData, 0); // its first start (migrations, demo tenant) is not measured
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        starts.put("fresh", new ArrayList<>());
        starts.put("again", new ArrayList<>());
        starts.put("service", new ArrayList<>());
        for (int round = 1; round <= rounds; round++) {
            Path data = Files.createDirectories(work.resolve("data-" + round));
            List<String> order = round % 2 == 1 ? List.of("fresh", "again", "service") : List.of("service", "fresh", "again");
            for (String kind : order) {
                Start start = switch (kind) {
                    case "service" -> service(service, jvm, serviceData, idle);
                    case "again" -> example(example, jvm, data, idle);
                    default -> example(example, jvm, data, 0);
                };
                starts.get(kind).add(start);
                System.out.printf("round %d %-8s healthy after %.2f s (Spring Boot says %s), RSS %s%n", round, kind + ":",
                        start.readySeconds(), Double.isNaN(start.springSeconds()) ? "-"
                                : String.format("%.2f s", start.springSeconds()),
                        start.rssKib() < 0 ? "-" : String.format("%.0f MiB", start.rssKib() / 1024.0));
            }
        }
        System.out.println();
        System.out.println("| start | healthy after (median, spawn -> 200) | min / max | Spring Boot's \"Started in\" (median) "
                + "| VmRSS after " + idle + " s idle (median) |");
        System.out.println("|---|---|---|---|---|");
        for (Map.Entry<String, List<Start>> kind : starts.entrySet()) {
            List<Double> ready = kind.getValue().stream().map(Start::readySeconds).toList();
            List<Double> spring = kind.getValue().stream().map(Start::springSeconds).filter(s -> !s.isNaN()).toList();
            List<Double> rss = kind.getValue().stream().filter(s -> s.rssKib() > 0).map(s -> s.rssKib() / 1024.0).toList();
            String what = switch (kind.getKey()) {
                case "fresh" -> "example on the starter, fresh data folder (migrations, tenant added)";
                case "again" -> "example on the starter, same folder again";
                default -> "standalone service, same folder again (reference)";
            };
            System.out.printf("| %s | **%.2f s** | %.2f / %.2f s | %s | %s |%n", what, Stats.median(ready),
                    ready.stream().mapToDouble(d -> d).min().orElse(0), ready.stream().mapToDouble(d -> d).max().orElse(0),
                    spring.isEmpty() ? "-" : String.format("%.2f s", Stats.median(spring)),
                    rss.isEmpty() ? "-" : String.format("%.0f MiB", Stats.median(rss)));
        }
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static Start example(String jar, List<String> jvm, Path data, int idle) {
        int port = Proc.freePort();
        List<String> options = new ArrayList<>(jvm);
        options.add("-jar");
        List<String> arguments = List.of(jar, "--server.address=127.0.0.1", "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("teahouse"));
        try (Proc app = Proc.start("teahouse", options, arguments, Map.of())) {
            long ready = app.awaitOk("http://127.0.0.1:" + port + "/actuator/health", Duration.ofSeconds(300), 10);
            double readySeconds = (ready - app.startedNanos()) / 1e9;
            double spring = Double.NaN;
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (Double.isNaN(spring) && System.nanoTime() < deadline) {
                Matcher matcher = STARTED.matcher(app.output());
                if (matcher.find()) {
                    spring = Double.parseDouble(matcher.group(1));
                } else {
                    Proc.sleep(20);
                }
            }
            long rss = -1;
            if (idle > 0) {
                Proc.sleep(idle * 1000L);
                rss = app.rssKib();
            }
            app.stop(Duration.ofSeconds(30));
            return new Start(readySeconds, spring, rss);
        }
    }

    private static Start service(String jar, List<String> jvm, Path data, int idle) {
        int port = Proc.freePort();
        Map<String, String> environment = Map.of("CARD_DATA_DIR", data.toString(), "CARD_HTTP_PORT",
                Integer.toString(port), "CARD_SANDBOX_PORT", Integer.toString(Proc.freePort()), "CARD_HTTP_HOST",
                "127.0.0.1");
        List<String> options = new ArrayList<>(jvm);
        options.add("-jar");
        try (Proc app = Proc.start("service", options, List.of(jar), environment)) {
            long ready = app.awaitOk("http://127.0.0.1:" + port + "/health/ready", Duration.ofSeconds(300), 10);
            double readySeconds = (ready - app.startedNanos()) / 1e9;
            long rss = -1;
            if (idle > 0) {
                Proc.sleep(idle * 1000L);
                rss = app.rssKib();
            }
            app.stop(Duration.ofSeconds(30));
            return new Start(readySeconds, Double.NaN, rss);
        }
    }
}
