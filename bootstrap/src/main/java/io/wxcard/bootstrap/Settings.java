package io.wxcard.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Every setting of the service, read from environment variables, or from a properties file named by
 * {@code CARD_CONFIG_FILE} (same names; the environment wins). {@link #describe()} lists them with their defaults, for
 * the README and {@code --help}; secrets are never printed.
 */
record Settings(
        String httpHost,
        int httpPort,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        boolean sandbox,
        int sandboxPort,
        String wechatApiBase,
        String wechatPayApiBase,
        boolean wechatStableToken,
        Optional<String> demoApiKey,
        String publicUrl,
        String instanceId,
        String logFormat,
        double importRatePerSecond,
        int importConcurrency,
        int outboxWorkers,
        long maxBodyBytes,
        java.time.Duration reconcilePeriod,
        EventOptions events,
        java.time.Duration statisticsPullPeriod,
        io.wxcard.application.service.LedgerGroupSettings ledgerGroups) {

    /**
     * How events go out (issue 15).
     *
     * @param webhookHttpToLoopback whether a webhook may be plain http to loopback (on by default with the sandbox)
     * @param webhookPrivateNetworks whether a webhook may reach private network addresses (an intranet ERP)
     */
    record EventOptions(int feedRetentionDays, boolean webhookHttpToLoopback, boolean webhookPrivateNetworks) {}

    static final String REAL_WECHAT_API = "https://api.weixin.qq.com";
    static final String REAL_WECHATPAY_API = "https://api.mch.weixin.qq.com";

    /** One setting: its variable, default and meaning. */
    record Entry(String name, String defaultValue, String meaning) {}

    static final List<Entry> ENTRIES = List.of(
            new Entry("CARD_HTTP_HOST", "0.0.0.0", "address the HTTP API listens on"),
            new Entry("CARD_HTTP_PORT", "8080", "port of the HTTP API (and of WeChat's pushes: /wechat/{tenant}/events)"),
            new Entry("CARD_DATA_DIR", "./data", "where the embedded database and the sandbox's state live"),
            new Entry("CARD_DB_URL", "jdbc:h2:file:<CARD_DATA_DIR>/wxcard", "JDBC URL: H2, PostgreSQL (jdbc:postgresql://...) or MySQL/MariaDB (jdbc:mariadb://..., jdbc:mysql://...)"),
            new Entry("CARD_DB_USER", "sa for H2, empty otherwise", "database user"),
            new Entry("CARD_DB_PASSWORD", "(empty)", "database password (never printed)"),
            new Entry("CARD_DB_POOL_SIZE", "10", "database connections at most"),
            new Entry("CARD_SANDBOX", "on", "on: run the built-in WeChat sandbox and a demo tenant; off: talk to real WeChat"),
            new Entry("CARD_SANDBOX_PORT", "8090", "port of the built-in sandbox (its control API is at /sandbox/...)"),
            new Entry("CARD_WECHAT_API_BASE", REAL_WECHAT_API + " (the sandbox's URL when CARD_SANDBOX=on)", "WeChat Official Account API"),
            new Entry("CARD_WECHATPAY_API_BASE", REAL_WECHATPAY_API + " (the sandbox's URL when CARD_SANDBOX=on)", "WeChat Pay API v3"),
            new Entry("CARD_WECHAT_STABLE_TOKEN", "false", "fetch access tokens with /cgi-bin/stable_token"),
            new Entry("CARD_DEMO_API_KEY", "(a new key at every start)", "the demo tenant's API key, when the sandbox is on (at least 24 characters)"),
            new Entry("CARD_PUBLIC_URL", "http://127.0.0.1:<CARD_HTTP_PORT>", "how WeChat (or the sandbox) reaches this service"),
            new Entry("CARD_INSTANCE_ID", "<host>-<pid>", "this instance's name in outbox and import leases"),
            new Entry("CARD_LOG_FORMAT", "text", "text or json (one JSON object a line)"),
            new Entry("CARD_IMPORT_RATE", "50", "member imports sent to WeChat per second, per tenant"),
            new Entry("CARD_IMPORT_CONCURRENCY", "8", "member imports in flight at once"),
            new Entry("CARD_OUTBOX_WORKERS", "1",
                    "outbox dispatcher loops of this instance; each keeps up to 8 WeChat calls per tenant in flight"),
            new Entry("CARD_MAX_BODY_BYTES", "1048576", "largest request body the JSON API accepts (imports stream and have no such limit)"),
            new Entry("CARD_EVENTS_RETENTION_DAYS", "7", "days the change feed keeps events (3 at least: a webhook "
                    + "delivery is retried for 72 hours)"),
            new Entry("CARD_WEBHOOK_ALLOW_HTTP_LOOPBACK", "on when CARD_SANDBOX=on, else off",
                    "whether a webhook may be plain http to a loopback address"),
            new Entry("CARD_WEBHOOK_ALLOW_PRIVATE", "off",
                    "whether a webhook may reach private network addresses (an ERP on the merchant's intranet)"),
            new Entry("CARD_RECONCILE_MINUTES", "0",
                    "minutes between scheduled reconcile runs (every card's members against WeChat); 0: off"),
            new Entry("CARD_STATISTICS_PULL_MINUTES", "15", "minutes between checks for WeChat's card statistics "
                    + "of the day due (each tenant's day is pulled once, by one instance, after 08:00 China time); 0: off"),
            new Entry("CARD_LEDGER_GROUP_SIZE", "32", "points and balance changes committed together at most "
                    + "(those waiting while a group commits form the next one); 0: every change commits alone"),
            new Entry("CARD_LEDGER_GROUP_LANES", "2", "groups of changes committing at once (a membership always "
                    + "goes through the same one)"),
            new Entry("CARD_CONFIG_FILE", "(none)", "a properties file with any of these names"));

    /** Reads the settings; every problem is named with its variable. */
    static Settings load(Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        String file = environment.get("CARD_CONFIG_FILE");
        if (file != null && !file.isBlank()) {
            values.putAll(readFile(Path.of(file)));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith("CARD_")) {
                values.put(name, value);
            }
        });
        return new Reader(values).settings();
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (java.io.Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException unreadable) {
            throw new SettingsException("CARD_CONFIG_FILE " + file + " cannot be read: " + unreadable.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.forEach((name, value) -> values.put(name.toString().trim(), value.toString().trim()));
        return values;
    }

    /** Parses each value, collecting every problem before failing. */
    private static final class Reader {
        private final Map<String, String> values;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> values) {
            this.values = values;
            values.keySet().stream()
                    .filter(name -> ENTRIES.stream().noneMatch(entry -> entry.name().equals(name)))
                    .forEach(name -> problems.add(name + " is not a setting (known: "
                            + ENTRIES.stream().map(Entry::name).toList() + ")"));
        }

        Settings settings() {
            String host = text("CARD_HTTP_HOST", "0.0.0.0");
            int port = port("CARD_HTTP_PORT", 8080);
            Path dataDir = Path.of(text("CARD_DATA_DIR", "./data")).toAbsolutePath().normalize();
            String dbUrl = text("CARD_DB_URL", "jdbc:h2:file:" + dataDir.resolve("wxcard"));
            if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")
                    && !dbUrl.startsWith("jdbc:mariadb:") && !dbUrl.startsWith("jdbc:mysql:")) {
                problems.add("CARD_DB_URL must be an H2, PostgreSQL, MariaDB or MySQL JDBC URL, got " + dbUrl);
            }
            String dbUser = text("CARD_DB_USER", dbUrl.startsWith("jdbc:h2:") ? "sa" : "");
            String dbPassword = text("CARD_DB_PASSWORD", "");
            int poolSize = integer("CARD_DB_POOL_SIZE", 10, 1, 500);
            boolean sandbox = onOff("CARD_SANDBOX", true);
            int sandboxPort = port("CARD_SANDBOX_PORT", 8090);
            String wechatApi = url("CARD_WECHAT_API_BASE", REAL_WECHAT_API);
            String payApi = url("CARD_WECHATPAY_API_BASE", REAL_WECHATPAY_API);
            boolean stable = onOff("CARD_WECHAT_STABLE_TOKEN", false);
            Optional<String> demoKey = Optional.ofNullable(values.get("CARD_DEMO_API_KEY")).filter(k -> !k.isBlank());
            demoKey.filter(k -> k.length() < 24).ifPresent(k -> problems.add("CARD_DEMO_API_KEY must have at least 24 characters"));
            String publicUrl = url("CARD_PUBLIC_URL", "http://127.0.0.1:" + port);
            String instance = text("CARD_INSTANCE_ID", defaultInstanceId());
            String logFormat = text("CARD_LOG_FORMAT", "text");
            if (!logFormat.equals("text") && !logFormat.equals("json")) {
                problems.add("CARD_LOG_FORMAT must be text or json, got " + logFormat);
            }
            double importRate = decimal("CARD_IMPORT_RATE", 50);
            int importConcurrency = integer("CARD_IMPORT_CONCURRENCY", 8, 1, 256);
            int outboxWorkers = integer("CARD_OUTBOX_WORKERS", 1, 1, 64);
            long maxBody = integer("CARD_MAX_BODY_BYTES", 1_048_576, 1024, Integer.MAX_VALUE);
            EventOptions events = new EventOptions(integer("CARD_EVENTS_RETENTION_DAYS", 7, 3, 3650),
                    onOff("CARD_WEBHOOK_ALLOW_HTTP_LOOPBACK", sandbox), onOff("CARD_WEBHOOK_ALLOW_PRIVATE", false));
            int reconcileMinutes = integer("CARD_RECONCILE_MINUTES", 0, 0, 10_080);
            int statisticsPullMinutes = integer("CARD_STATISTICS_PULL_MINUTES", 15, 0, 1440);
            var ledgerGroups = new io.wxcard.application.service.LedgerGroupSettings(
                    integer("CARD_LEDGER_GROUP_SIZE", 32, 0, 1000), integer("CARD_LEDGER_GROUP_LANES", 2, 1, 64));
            if (!problems.isEmpty()) {
                throw new SettingsException("the settings have problems:\n  - " + String.join("\n  - ", problems));
            }
            return new Settings(host, port, dataDir, dbUrl, dbUser, dbPassword, poolSize, sandbox, sandboxPort,
                    wechatApi, payApi, stable, demoKey, publicUrl.replaceAll("/+$", ""), instance, logFormat,
                    importRate, importConcurrency, outboxWorkers, maxBody,
                    java.time.Duration.ofMinutes(reconcileMinutes), events,
                    java.time.Duration.ofMinutes(statisticsPullMinutes), ledgerGroups);
        }

        private String text(String name, String fallback) {
            String value = values.get(name);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        private int integer(String name, int fallback, long min, long max) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                long number = Long.parseLong(value.trim());
                if (number < min || number > max) {
                    problems.add(name + " must be between " + min + " and " + max + ", got " + value);
                    return fallback;
                }
                return (int) number;
            } catch (NumberFormatException notANumber) {
                problems.add(name + " must be a whole number, got " + value);
                return fallback;
            }
        }

        private double decimal(String name, double fallback) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                double number = Double.parseDouble(value.trim());
                if (!(number > 0) || Double.isInfinite(number)) {
                    problems.add(name + " must be a positive number, got " + value);
                    return fallback;
                }
                return number;
            } catch (NumberFormatException notANumber) {
                problems.add(name + " must be a number, got " + value);
                return fallback;
            }
        }

        private int port(String name, int fallback) {
            return integer(name, fallback, 0, 65_535);
        }

        private boolean onOff(String name, boolean fallback) {
            String value = text(name, fallback ? "on" : "off").toLowerCase(java.util.Locale.ROOT);
            return switch (value) {
                case "on", "true", "yes", "1" -> true;
                case "off", "false", "no", "0" -> false;
                default -> {
                    problems.add(name + " must be on or off, got " + value);
                    yield fallback;
                }
            };
        }

        private String url(String name, String fallback) {
            String value = text(name, fallback);
            if (!value.startsWith("http://") && !value.startsWith("https://")) {
                problems.add(name + " must be an http(s) URL, got " + value);
            }
            return value;
        }

        private static String defaultInstanceId() {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException unknown) {
                host = "host";
            }
            return host.replaceAll("[^A-Za-z0-9_.-]", "") + "-" + ProcessHandle.current().pid();
        }
    }

    boolean usesEmbeddedDatabase() {
        return dbUrl.startsWith("jdbc:h2:");
    }

    /** The settings for a log line: everything but the password. */
    String describe() {
        return "http=" + httpHost + ":" + httpPort + " data=" + dataDir + " db=" + dbUrl.replaceAll("password=[^&;]*", "password=***")
                + " sandbox=" + (sandbox ? "on:" + sandboxPort : "off") + " wechat=" + wechatApiBase
                + " wechatpay=" + wechatPayApiBase + " instance=" + instanceId;
    }

    @Override
    public String toString() {
        return "Settings[" + describe() + "]";
    }

    /** A setting is wrong; the message names it. */
    static final class SettingsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SettingsException(String message) {
            super(message);
        }
    }
}
