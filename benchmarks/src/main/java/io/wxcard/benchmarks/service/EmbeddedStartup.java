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

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, USAGE, "rounds", "idle", "jvm", "example-jar", "service-jar");
        int rounds = args.integer("rounds", 5);
        int idle = args.integer("idle", 30);
        List<String> jvm = Starts.jvm(args);
        Path work = Files.createTempDirectory("wxcard-embedded-startup");
        String example = Proc.copyOf(Path.of(args.text("example-jar", "examples/spring-boot/target/teahouse.jar")), work);
        String service = Proc.copyOf(Path.of(args.text("service-jar", "bootstrap/target/card-service.jar")), work);
        System.out.println("start-up to healthy and idle RSS: the Spring Boot example on the starter vs the standalone service");
        System.out.println(Machine.describe());
        System.out.printf("example %s (built %s); JVM options: %s; %d rounds; RSS after %d s idle%n", example,
                Files.getLastModifiedTime(Path.of(example)), jvm.isEmpty() ? "none" : String.join(" ", jvm), rounds, idle);
        Path serviceData = Files.createDirectories(work.resolve("service-data"));
        service(service, jvm, serviceData, -1); // its first start (migrations, demo tenant) is not measured
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
                    default -> example(example, jvm, data, -1);
                };
                starts.get(kind).add(start);
                Starts.printRound(round, kind, start, "healthy", "Spring Boot says", "%.2f s");
            }
        }
        Starts.printTable(starts, kind -> switch (kind) {
            case "fresh" -> "example on the starter, fresh data folder (migrations, tenant added)";
            case "again" -> "example on the starter, same folder again";
            default -> "standalone service, same folder again (reference)";
        }, "healthy after (median, spawn -> 200)", "Spring Boot's \"Started in\"", "%.2f s", idle);
        Starts.delete(work);
    }

    private static Start example(String jar, List<String> jvm, Path data, int idle) {
        int port = Proc.freePort();
        List<String> arguments = List.of(jar, "--server.address=127.0.0.1", "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("teahouse"));
        return Starts.measure("teahouse", Starts.jarOptions(jvm), arguments, Map.of(),
                "http://127.0.0.1:" + port + "/actuator/health", Duration.ofSeconds(300), STARTED, idle);
    }

    private static Start service(String jar, List<String> jvm, Path data, int idle) {
        int port = Proc.freePort();
        Map<String, String> environment = Map.of("CARD_DATA_DIR", data.toString(), "CARD_HTTP_PORT",
                Integer.toString(port), "CARD_SANDBOX_PORT", Integer.toString(Proc.freePort()), "CARD_HTTP_HOST",
                "127.0.0.1");
        return Starts.measure("service", Starts.jarOptions(jvm), List.of(jar), environment,
                "http://127.0.0.1:" + port + "/health/ready", Duration.ofSeconds(300), null, idle);
    }
}
