package io.wxcard.benchmarks.service;

import io.wxcard.benchmarks.AlternatingRun;
import io.wxcard.benchmarks.Args;
import io.wxcard.benchmarks.Machine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Issue 10, read path: {@code GET /v1/cards/{id}/memberships/{code}} requests per second against the service's jar on
 * PostgreSQL ({@link ServiceWorld}), side by side with a bare handler on the same kind of HTTP server answering the
 * same bytes ({@link BareServer}: Javalin 6 configured as the service's RestApi, in its own JVM with the same options,
 * serving a membership the service answered, captured at start). Both sides get the same requests (a random member's
 * path, the API key header) from the same number of threads, in alternating slices ({@link AlternatingRun}); the
 * service has nothing else to do (no writes, so the outbox is idle).
 */
public final class ReadPath {

    private static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar io.wxcard.benchmarks.service.ReadPath [options]
              --threads 16             concurrent clients                                default 16
              --slices 20              measured slices per side                          default 20
              --warmup 10              warm-up slices per side                           default 10
              --slice-ms 2000          length of a slice                                 default 2000
            """ + WorldOptions.USAGE;

    private ReadPath() {}

    public static void main(String[] argv) throws Exception {
        List<String> names = new ArrayList<>(List.of("threads", "slices", "warmup", "slice-ms"));
        names.addAll(List.of(WorldOptions.NAMES));
        Args args = Args.parse(argv, USAGE, names.toArray(String[]::new));
        int threads = args.integer("threads", 16);
        WorldOptions options = WorldOptions.defaults().with(args);
        System.out.println("membership reads over HTTP (GET /v1/cards/{id}/memberships/{code}, card-service.jar on "
                + "PostgreSQL) vs a bare Javalin handler answering the same bytes");
        System.out.println(Machine.describe());
        try (ServiceWorld world = ServiceWorld.start(options);
             ServiceWorld before = ServiceWorld.startBefore(options, args)) {
            String path = "/v1/cards/" + world.cardId() + "/memberships/";
            Api.Answer sample = world.api().get(path + world.members().get(0).code());
            sample.expect(200, "reading a membership");
            Path body = world.work().resolve("membership.json");
            Files.write(body, sample.body());
            String contentType = sample.headers().firstValue("Content-Type").orElse("application/json");
            int barePort = Proc.freePort();
            try (Proc bare = Proc.start("bare", options.serviceJvm(), List.of("-cp", Proc.BENCHMARKS_JAR,
                    BareServer.class.getName(), "--port", Integer.toString(barePort), "--body", body.toString(),
                    "--content-type", contentType), Map.of())) {
                String bareUrl = "http://127.0.0.1:" + barePort;
                bare.awaitOk(bareUrl + "/health/ready", Duration.ofSeconds(60), 50);
                byte[] bareBytes = new Api(bareUrl, world.apiKey()).get(path + world.members().get(1).code()).body();
                System.out.printf("service: %s %s, pid %d, %d members; bare server pid %d; body %d bytes (%s), "
                                + "identical on both: %s; %d threads%n", String.join(" ", options.serviceJvm()),
                        world.jarDescription(), world.service().pid(), world.members().size(), bare.pid(),
                        sample.body().length, contentType, java.util.Arrays.equals(bareBytes, sample.body()), threads);
                List<AlternatingRun.Workload> workloads = new ArrayList<>(List.of(
                        reads("service", world.serviceUrl() + path, world),
                        reads("bare", bareUrl + path, world)));
                if (before != null) {
                    System.out.println("before: " + before.jarDescription() + ", pid " + before.service().pid());
                    workloads.add(reads("before", before.serviceUrl() + "/v1/cards/" + before.cardId()
                            + "/memberships/", before));
                }
                double serviceCpu = world.service().cpuSeconds();
                double bareCpu = bare.cpuSeconds();
                Map<String, AlternatingRun.Figures> figures = AlternatingRun.run(workloads, threads,
                        args.integer("warmup", 10), args.integer("slices", 20),
                        Duration.ofMillis(args.integer("slice-ms", 2000)));
                serviceCpu = world.service().cpuSeconds() - serviceCpu;
                bareCpu = bare.cpuSeconds() - bareCpu;
                report(figures, threads, serviceCpu, bareCpu);
            }
        }
    }

    /** GETs of a random member's path on one server; a status other than 200 is a failure. */
    static AlternatingRun.Workload reads(String name, String prefix, ServiceWorld world) {
        HttpClient http = Api.newClient();
        List<URI> uris = world.members().stream().map(m -> URI.create(prefix + m.code())).toList();
        String authorization = "Bearer " + world.apiKey();
        return new AlternatingRun.Workload() {
            public String name() {
                return name;
            }

            public AlternatingRun.Call caller(int thread) {
                return () -> {
                    HttpRequest request = HttpRequest.newBuilder(uris.get(ThreadLocalRandom.current()
                                    .nextInt(uris.size()))).timeout(Duration.ofSeconds(10))
                            .header("Authorization", authorization).GET().build();
                    HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException(name + ": HTTP " + answer.statusCode());
                    }
                };
            }
        };
    }

    private static void report(Map<String, AlternatingRun.Figures> figures, int threads, double serviceCpu,
                               double bareCpu) {
        AlternatingRun.Figures service = figures.get("service");
        AlternatingRun.Figures bare = figures.get("bare");
        double ratio = AlternatingRun.medianRatio(service, bare);
        long serviceCalls = service.latencyMicros().getTotalCount();
        long bareCalls = bare.latencyMicros().getTotalCount();
        System.out.println();
        System.out.printf("%d threads; slices alternate; CPU of each server process over the whole run (warm-up "
                + "included) per request it answered in measured slices is only indicative%n", threads);
        System.out.println("| server | requests/s (median slice) | ratio to bare (median of slice pairs) | p50 | p99 | failed |");
        System.out.println("|---|---|---|---|---|---|");
        AlternatingRun.Figures before = figures.get("before");
        List<AlternatingRun.Figures> rows = before == null ? List.of(service, bare) : List.of(service, before, bare);
        for (AlternatingRun.Figures f : rows) {
            System.out.printf("| %s | %.0f | %s | %d us | %d us | %d |%n", switch (f.name()) {
                        case "service" -> "service: GET membership (API key, PostgreSQL read, JSON)";
                        case "before" -> "before (--before-jar): the same request";
                        default -> "bare Javalin handler, same bytes";
                    }, f.median(), f == bare ? "1" : String.format(f == service ? "**%.3f**" : "%.3f",
                            AlternatingRun.medianRatio(f, bare)),
                    f.latencyMicros().getValueAtPercentile(50), f.latencyMicros().getValueAtPercentile(99), f.failed());
        }
        System.out.printf("server CPU over the run: service %.1f s, bare %.1f s%n", serviceCpu, bareCpu);
        if (before != null) {
            System.out.printf("service / before (median of slice pairs): **%.3f**%n",
                    AlternatingRun.medianRatio(service, before));
        }
        System.out.printf("goal (read path >= 0.4 of bare): %s (%.3f)%n", ratio >= 0.4 ? "MET" : "NOT MET", ratio);
    }
}
