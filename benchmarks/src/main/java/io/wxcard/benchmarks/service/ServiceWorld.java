package io.wxcard.benchmarks.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.wxcard.benchmarks.store.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The service as it runs in production, for the service-level figures: the packaged jar ({@code card-service.jar}) as
 * a process on PostgreSQL (a fresh schema of the database {@code wxcard_bench}), WeChat played by the sandbox in a
 * process of its own ({@link SandboxServer}), one tenant added with the service's own CLI ({@code tenant add}) with
 * safe-mode pushes (a token and an EncodingAESKey the driver knows) and WeChat Pay merchant credentials (an RSA key
 * pair made here, the sandbox's platform key), one approved member card offering points, and {@code memberships}
 * members imported into it through the REST import route (so they are activated, with 0 points, on both sides).
 * {@link #close()} stops both processes and drops the schema.
 */
public final class ServiceWorld implements AutoCloseable {

    public static final String TENANT = "bench";

    /**
     * The world of the earlier build named by {@code --before-jar}, started like the service's own, or null when the
     * option is absent: drivers compare a change with the commit before it in one run.
     */
    public static ServiceWorld startBefore(WorldOptions options, io.wxcard.benchmarks.Args args) throws Exception {
        String jar = args.text("before-jar", null);
        return jar == null ? null : start(options.withServiceJar(jar));
    }

    private final WorldOptions options;
    private final Sql server;
    private final Sql database;
    private final String schema;
    private final WorldTables tables;
    private final Path work;
    private final String serviceJar;
    private final String jarDescription;
    private final int servicePort = Proc.freePort();
    private final int sandboxPort = Proc.freePort();
    private final Account account = new Account("wxbench" + WechatCrypto.randomHex(5), WechatCrypto.randomHex(16),
            "benchToken" + WechatCrypto.randomHex(8), WechatCrypto.newAesKey());
    private final String run = WechatCrypto.randomHex(4);
    private Proc sandboxProcess;
    private Proc service;
    private String apiKey;
    private Api api;
    private Api sandbox;
    private String cardId;
    private String wechatCardId;
    private List<Member> members = List.of();
    private int serviceStarts;

    /** A member of the card: its code and openid. */
    public record Member(String code, String openId) {}

    /** The world's official account on the sandbox, with its safe-mode push secrets. */
    public record Account(String appId, String appSecret, String token, String aesKey) {}

    private ServiceWorld(WorldOptions options) throws IOException {
        this.options = options;
        this.server = new Sql(options.pgHost(), options.pgPort(), options.pgUser(), "postgres");
        if (!server.exists("SELECT 1 FROM pg_database WHERE datname = ?", options.database())) {
            server.execute("CREATE DATABASE " + options.database());
        }
        this.database = server.onDatabase(options.database());
        this.schema = "wxcard_svc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.tables = new WorldTables(database.url(schema));
        this.work = Files.createTempDirectory("wxcard-service-bench");
        // A copy: others may rebuild bootstrap/target while a run goes on, and a jar replaced under a running JVM
        // breaks it.
        this.serviceJar = Proc.copyOf(Path.of(options.serviceJar()), work);
        this.jarDescription = options.serviceJar() + " (built "
                + Files.getLastModifiedTime(Path.of(serviceJar)) + ")";
    }

    /** Where the service's jar came from and when it was built, for the report. */
    public String jarDescription() {
        return jarDescription;
    }

    /** Starts everything and prepares the card and its members; on a failure, stops what had started. */
    public static ServiceWorld start(WorldOptions options) throws Exception {
        ServiceWorld world = new ServiceWorld(options);
        try {
            world.database.execute("CREATE SCHEMA " + world.schema);
            world.startSandbox();
            world.apiKey = WorldSeeding.addTenant(world);
            world.api = new Api(world.serviceUrl(), world.apiKey);
            world.startService();
            WorldSeeding.CardIds card = WorldSeeding.prepareCard(world.api);
            world.cardId = card.id();
            world.wechatCardId = card.wechatId();
            world.importMembers(options.memberships());
            return world;
        } catch (Exception | Error failure) {
            if (world.service != null) {
                System.err.println("service output (tail):\n" + world.service.tail(40));
            }
            world.close();
            throw failure;
        }
    }

    private void startSandbox() {
        sandboxProcess = Proc.start("sandbox", List.of("-Xmx256m"), List.of("-cp", Proc.BENCHMARKS_JAR,
                        SandboxServer.class.getName(), "--port", Integer.toString(sandboxPort), "--pay-rate-limit",
                        Integer.toString(options.sandboxPayRateLimit()), "--review-delay-ms", "200"), Map.of());
        sandboxProcess.awaitOk(sandboxUrl() + "/sandbox/health", Duration.ofSeconds(60), 100);
        sandbox = new Api(sandboxUrl(), null);
    }

    /** The service's environment: this world's schema, the sandbox as WeChat, loopback only. */
    public Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("CARD_DB_URL", database.url(schema));
        environment.put("CARD_SANDBOX", "off");
        environment.put("CARD_WECHAT_API_BASE", sandboxUrl());
        environment.put("CARD_WECHATPAY_API_BASE", sandboxUrl());
        environment.put("CARD_HTTP_HOST", "127.0.0.1");
        environment.put("CARD_HTTP_PORT", Integer.toString(servicePort));
        environment.put("CARD_DATA_DIR", work.resolve("data").toString());
        environment.put("CARD_IMPORT_RATE", "1000");
        environment.putAll(options.serviceEnvironment());
        return environment;
    }

    /** Starts the service (again, after a stop or a kill) and waits until it is ready; answers the process. */
    public Proc startService() {
        serviceStarts++;
        List<String> jvm = new ArrayList<>();
        for (String option : options.serviceJvm()) {
            jvm.add(option.replace("{n}", Integer.toString(serviceStarts)));
        }
        jvm.add("-jar");
        service = Proc.start("service", jvm, List.of(serviceJar), environment());
        service.awaitOk(serviceUrl() + "/health/ready", Duration.ofSeconds(120), 50);
        return service;
    }

    /** Imports {@code count} new members (openids unique to this run) and waits until they are all imported. */
    public void importMembers(int count) throws SQLException {
        if (count > 0) {
            members = WorldSeeding.importMembers(this, count);
        }
    }

    /** An openid unique to this run: 28 characters, as WeChat's. */
    public String openId(long index) {
        return String.format("oBench%s%018d", run, index);
    }

    public String serviceUrl() {
        return "http://127.0.0.1:" + servicePort;
    }

    public String sandboxUrl() {
        return "http://127.0.0.1:" + sandboxPort;
    }

    public String pushUrl() {
        return serviceUrl() + "/wechat/" + TENANT + "/events";
    }

    /** The copy of the service's jar this world runs. */
    public String serviceJar() {
        return serviceJar;
    }

    public Api api() {
        return api;
    }

    public Api sandbox() {
        return sandbox;
    }

    public String apiKey() {
        return apiKey;
    }

    public Proc service() {
        return service;
    }

    public Proc sandboxProcess() {
        return sandboxProcess;
    }

    public String cardId() {
        return cardId;
    }

    public String wechatCardId() {
        return wechatCardId;
    }

    public List<Member> members() {
        return members;
    }

    public Account account() {
        return account;
    }

    public String schema() {
        return schema;
    }

    public WorldOptions options() {
        return options;
    }

    public Sql server() {
        return server;
    }

    public Sql database() {
        return database;
    }

    public Path work() {
        return work;
    }

    /** What this world's schema holds, read for the figures. */
    public WorldTables tables() {
        return tables;
    }

    /** The sandbox's statistics ({@code GET /sandbox/stats}). */
    public JsonNode sandboxStats() {
        return sandbox.get("/sandbox/stats").expect(200, "the sandbox's statistics");
    }

    @Override
    public void close() {
        if (service != null) {
            service.stop(Duration.ofSeconds(40));
        }
        if (sandboxProcess != null) {
            sandboxProcess.stop(Duration.ofSeconds(10));
        }
        if (options.keepSchema()) {
            System.out.println("kept schema " + schema + " in " + options.database());
        } else {
            try {
                database.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (RuntimeException failed) {
                System.err.println("could not drop schema " + schema + ": " + failed.getMessage());
            }
        }
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder
        }
    }
}
