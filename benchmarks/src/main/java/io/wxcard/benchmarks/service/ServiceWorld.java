package io.wxcard.benchmarks.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wxcard.benchmarks.store.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** WeChat's own card/create body: points, no stored value, activated on the merchant's page (or by import). */
    static final String CARD = """
            {"card": {"card_type": "MEMBER_CARD", "member_card": {
              "base_info": {
                "logo_url": "https://mmbiz.qpic.cn/bench/logo.png", "brand_name": "Bench Tea",
                "code_type": "CODE_TYPE_QRCODE", "title": "Bench", "color": "Color010",
                "notice": "Show at the till", "description": "Earn a point for every yuan.",
                "date_info": {"type": "DATE_TYPE_PERMANENT"}, "sku": {"quantity": 100000}, "get_limit": 1,
                "use_all_locations": true},
              "prerogative": "10% off every drink",
              "activate_url": "https://shop.example.com/activate",
              "supply_bonus": true, "supply_balance": false}}}
            """;

    /** What the world is made of; every field has a default. */
    public record Options(String serviceJar, String pgHost, int pgPort, String pgUser, String database,
                          int memberships, List<String> serviceJvm, Map<String, String> serviceEnvironment,
                          int sandboxPayRateLimit, boolean keepSchema) {
        public static Options defaults() {
            return new Options("bootstrap/target/card-service.jar", "127.0.0.1", 5432, "postgres", "wxcard_bench", 1000,
                    List.of("-Xmx256m"), Map.of(), 0, false);
        }

        public Options withServiceJar(String jar) {
            return new Options(jar, pgHost, pgPort, pgUser, database, memberships, serviceJvm, serviceEnvironment,
                    sandboxPayRateLimit, keepSchema);
        }

        public Options withMemberships(int count) {
            return new Options(serviceJar, pgHost, pgPort, pgUser, database, count, serviceJvm, serviceEnvironment,
                    sandboxPayRateLimit, keepSchema);
        }

        public Options withServiceJvm(List<String> options) {
            return new Options(serviceJar, pgHost, pgPort, pgUser, database, memberships, options, serviceEnvironment,
                    sandboxPayRateLimit, keepSchema);
        }

        public Options withServiceEnvironment(Map<String, String> environment) {
            return new Options(serviceJar, pgHost, pgPort, pgUser, database, memberships, serviceJvm, environment,
                    sandboxPayRateLimit, keepSchema);
        }

        public Options withSandboxPayRateLimit(int perSecond) {
            return new Options(serviceJar, pgHost, pgPort, pgUser, database, memberships, serviceJvm, serviceEnvironment,
                    perSecond, keepSchema);
        }

        public Options with(io.wxcard.benchmarks.Args args) {
            return new Options(args.text("service-jar", serviceJar), args.text("host", pgHost),
                    args.integer("port", pgPort), args.text("user", pgUser), args.text("db", database),
                    args.integer("memberships", memberships),
                    args.text("service-jvm", null) == null ? serviceJvm
                            : List.of(args.text("service-jvm", "").trim().split("\\s+")),
                    serviceEnvironment, sandboxPayRateLimit, args.flag("keep-schema"));
        }
    }

    /** Options every service-level driver takes (with {@link Options#with}); add them to the driver's usage. */
    public static final String USAGE_OPTIONS = """
              --service-jar FILE       the service's jar                           default bootstrap/target/card-service.jar
              --service-jvm "OPTS"     the service's JVM options                   default -Xmx256m
              --host/--port/--user     PostgreSQL                                  default 127.0.0.1 5432 postgres
              --db NAME                database of the service's fresh schema      default wxcard_bench
              --memberships N          members imported into the card              default 1000
              --keep-schema            keep the schema at the end                  default off
              --before-jar FILE        also run this (earlier) build of the service side by side: a world of
                                       its own, its slices or phases alternating with the service's""";
    public static final String[] OPTION_NAMES = {"service-jar", "service-jvm", "host", "port", "user", "db",
            "memberships", "keep-schema", "before-jar"};

    /**
     * The world of the earlier build named by {@code --before-jar}, started like the service's own, or null when the
     * option is absent: drivers compare a change with the commit before it in one run.
     */
    public static ServiceWorld startBefore(Options options, io.wxcard.benchmarks.Args args) throws Exception {
        String jar = args.text("before-jar", null);
        return jar == null ? null : start(options.withServiceJar(jar));
    }

    private final Options options;
    private final Sql server;
    private final Sql database;
    private final String schema;
    private final Path work;
    private final String serviceJar;
    private final String jarDescription;
    private final int servicePort = Proc.freePort();
    private final int sandboxPort = Proc.freePort();
    private final String appId = "wxbench" + WechatCrypto.randomHex(5);
    private final String appSecret = WechatCrypto.randomHex(16);
    private final String token = "benchToken" + WechatCrypto.randomHex(8);
    private final String aesKey = WechatCrypto.newAesKey();
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

    private ServiceWorld(Options options) throws IOException {
        this.options = options;
        this.server = new Sql(options.pgHost(), options.pgPort(), options.pgUser(), "postgres");
        if (!server.exists("SELECT 1 FROM pg_database WHERE datname = ?", options.database())) {
            server.execute("CREATE DATABASE " + options.database());
        }
        this.database = server.onDatabase(options.database());
        this.schema = "wxcard_svc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.work = Files.createTempDirectory("wxcard-service-bench");
        // A copy: others may rebuild bootstrap/target while a run goes on, and a jar replaced under a running JVM
        // breaks it.
        this.serviceJar = copyOf(Path.of(options.serviceJar()), work);
        this.jarDescription = options.serviceJar() + " (built "
                + Files.getLastModifiedTime(Path.of(serviceJar)) + ")";
    }

    /** Copies a jar into {@code folder} (others may rebuild the original during a run); answers the copy. */
    public static String copyOf(Path jar, Path folder) throws IOException {
        if (!Files.isReadable(jar)) {
            throw new IllegalArgumentException("no jar at " + jar.toAbsolutePath() + ": build it first (mvn -q -B -pl "
                    + "bootstrap -am package -DskipTests)");
        }
        Path copy = folder.resolve(jar.getFileName());
        Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        return copy.toString();
    }

    /** Where the service's jar came from and when it was built, for the report. */
    public String jarDescription() {
        return jarDescription;
    }

    /** Starts everything and prepares the card and its members; on a failure, stops what had started. */
    public static ServiceWorld start(Options options) throws Exception {
        ServiceWorld world = new ServiceWorld(options);
        try {
            world.database.execute("CREATE SCHEMA " + world.schema);
            world.startSandbox();
            world.addTenant();
            world.startService();
            world.prepareCard();
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

    private void addTenant() throws IOException {
        String[] merchantKey = WechatCrypto.newRsaPem();
        String merchantSerial = "BENCH" + WechatCrypto.randomHex(16).toUpperCase();
        JsonNode platform = sandbox.get("/sandbox/platform-certificate").expect(200, "the sandbox's platform key");
        ObjectNode app = Api.JSON.createObjectNode().put("appid", appId).put("secret", appSecret).put("token", token)
                .put("encoding_aes_key", aesKey).put("callback_url", pushUrl()).put("mode", "safe")
                .put("mchid", "1900000099").put("merchant_serial", merchantSerial)
                .put("merchant_public_key_pem", merchantKey[1]);
        sandbox.post("/sandbox/apps", app.toString()).expect(200, "registering the account with the sandbox");
        Path secrets = Files.createDirectories(work.resolve("secrets"));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("appsecret", appSecret);
        files.put("token", token);
        files.put("aeskey", aesKey);
        files.put("merchant.pem", merchantKey[0]);
        files.put("apiv3", WechatCrypto.randomHex(16));
        files.put("platform.pem", platform.get("public_key_pem").asText());
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(secrets.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        Proc cli = Proc.start("tenant-add", List.of("-Xmx256m"), List.of("-jar", serviceJar, "tenant", "add",
                "--id", TENANT, "--name", "Bench Tea", "--appid", appId,
                "--appsecret-file", secrets.resolve("appsecret").toString(),
                "--token-file", secrets.resolve("token").toString(),
                "--aes-key-file", secrets.resolve("aeskey").toString(),
                "--mchid", "1900000099", "--merchant-serial", merchantSerial,
                "--private-key", secrets.resolve("merchant.pem").toString(),
                "--apiv3-key-file", secrets.resolve("apiv3").toString(),
                "--platform-serial", platform.get("serial_no").asText(),
                "--platform-public-key", secrets.resolve("platform.pem").toString()), environment());
        int status = cli.waitFor(Duration.ofSeconds(120));
        Matcher key = Pattern.compile("API key \\(shown this once[^)]*\\): (\\S+)").matcher(cli.output());
        if (status != 0 || !key.find()) {
            throw new IllegalStateException("tenant add failed (" + status + "):\n" + cli.tail(40));
        }
        apiKey = key.group(1);
        api = new Api(serviceUrl(), apiKey);
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

    private void prepareCard() {
        cardId = api.post("/v1/cards", CARD).expect(201, "drafting the card").get("id").asText();
        JsonNode submitted = api.postWhileUnavailable("/v1/cards/" + cardId + "/submit", "{}")
                .expect(200, "submitting the card");
        wechatCardId = submitted.get("wechat_card_id").asText();
        await("the card approved (card_pass_check pushed in safe mode)", Duration.ofSeconds(60),
                () -> api.get("/v1/cards/" + cardId).json().path("state").asText().equals("APPROVED"));
    }

    /** Imports {@code count} new members (openids unique to this run) and waits until they are all imported. */
    public void importMembers(int count) throws SQLException {
        if (count <= 0) {
            return;
        }
        StringBuilder csv = new StringBuilder("openid\n");
        for (int i = 0; i < count; i++) {
            csv.append(openId(i)).append('\n');
        }
        String importId = api.post("/v1/cards/" + cardId + "/imports", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)).expect(202, "importing the members").get("id").asText();
        await(count + " members imported", Duration.ofSeconds(60 + count / 20),
                () -> api.get("/v1/imports/" + importId).json().path("status").asText().equals("COMPLETED"));
        JsonNode done = api.get("/v1/imports/" + importId).json();
        if (done.path("counts").path("imported").asLong() != count) {
            throw new IllegalStateException("the members' import did not import them all: " + done);
        }
        members = query("SELECT code, open_id FROM memberships ORDER BY code",
                rows -> new Member(rows.getString(1), rows.getString(2)));
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

    public String appId() {
        return appId;
    }

    public String token() {
        return token;
    }

    public String aesKey() {
        return aesKey;
    }

    public String schema() {
        return schema;
    }

    public Options options() {
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

    /** Outbox tasks not yet done: {waiting (not dead), dead}. */
    public long[] outbox() {
        try {
            List<long[]> rows = query("SELECT count(*) FILTER (WHERE NOT dead), count(*) FILTER (WHERE dead) FROM outbox",
                    row -> new long[] {row.getLong(1), row.getLong(2)});
            return rows.get(0);
        } catch (SQLException unreachable) {
            throw new IllegalStateException("cannot read the outbox: " + unreachable.getMessage(), unreachable);
        }
    }

    /**
     * Waits until no outbox task is waiting (dead ones do not count: they are reported by {@link #outbox()}); answers
     * the seconds it took, or -1 when {@code timeout} ran out.
     */
    public double awaitOutboxDrained(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (outbox()[0] == 0) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IllegalStateException databaseDown) {
                // the database may be restarting
            }
            Proc.sleep(200);
        }
        return -1;
    }

    /** Rows of a query in this world's schema. */
    public <T> List<T> query(String sql, RowMapper<T> mapper) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(schema));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<T> out = new ArrayList<>();
            while (rows.next()) {
                out.add(mapper.map(rows));
            }
            return out;
        }
    }

    /** One row to one value. */
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** The sandbox's statistics ({@code GET /sandbox/stats}). */
    public JsonNode sandboxStats() {
        return sandbox.get("/sandbox/stats").expect(200, "the sandbox's statistics");
    }

    public interface Check {
        boolean done() throws Exception;
    }

    public static void await(String what, Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.done()) {
                    return;
                }
            } catch (Exception notYet) {
                last = notYet;
            }
            Proc.sleep(100);
        }
        throw new IllegalStateException("gave up waiting " + timeout.toSeconds() + " s for " + what
                + (last == null ? "" : "; last failure: " + last));
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
