package io.wxcard.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything the starter takes from {@code wxcard.*}. The defaults are the product's: the real WeChat hosts, one
 * outbox loop, 50 imports a second per tenant. Secrets given here (a tenant's appsecret) are never logged.
 */
@ConfigurationProperties("wxcard")
public class WxcardProperties {

    /** This instance's name in outbox, inbox and import leases: unique per running instance. Default: host-pid. */
    private String instanceId;
    private final Database database = new Database();
    private final Wechat wechat = new Wechat();
    private final Outbox outbox = new Outbox();
    private final Imports imports = new Imports();
    private final Push push = new Push();
    private final Events events = new Events();
    private final Rest rest = new Rest();
    private final LedgerGroupProperties ledgerGroups = new LedgerGroupProperties();
    /** Tenants (WeChat official accounts) to add at start when the tenant store has no tenant of that id. */
    private List<TenantProperties> tenants = new ArrayList<>();

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public Database getDatabase() {
        return database;
    }

    public Wechat getWechat() {
        return wechat;
    }

    public Outbox getOutbox() {
        return outbox;
    }

    public Imports getImports() {
        return imports;
    }

    public Push getPush() {
        return push;
    }

    public Events getEvents() {
        return events;
    }

    public Rest getRest() {
        return rest;
    }

    public LedgerGroupProperties getLedgerGroups() {
        return ledgerGroups;
    }

    public List<TenantProperties> getTenants() {
        return tenants;
    }

    public void setTenants(List<TenantProperties> tenants) {
        this.tenants = tenants;
    }

    /** The application's own DataSource carries the stores. */
    public static class Database {
        /** Bring the schema up to date with wxcard's Flyway migrations at start. */
        private boolean migrate = true;

        public boolean isMigrate() {
            return migrate;
        }

        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }
    }

    /** Where WeChat is, and how long a call may take. */
    public static class Wechat {
        /** The Official Account API. */
        private String apiBaseUrl = "https://api.weixin.qq.com";
        /** The WeChat Pay API v3 (member imports). */
        private String payApiBaseUrl = "https://api.mch.weixin.qq.com";
        /** Fetch access tokens with /cgi-bin/stable_token instead of /cgi-bin/token. */
        private boolean stableToken = false;
        /** How long one connection attempt may take. */
        private Duration connectTimeout = Duration.ofSeconds(2);
        /** How long one request may wait for its answer. */
        private Duration readTimeout = Duration.ofSeconds(3);
        /** How long a caller can be held in all, token refresh, retries and back-off included. */
        private Duration callDeadline = Duration.ofSeconds(5);

        public String getApiBaseUrl() {
            return apiBaseUrl;
        }

        public void setApiBaseUrl(String apiBaseUrl) {
            this.apiBaseUrl = apiBaseUrl;
        }

        public String getPayApiBaseUrl() {
            return payApiBaseUrl;
        }

        public void setPayApiBaseUrl(String payApiBaseUrl) {
            this.payApiBaseUrl = payApiBaseUrl;
        }

        public boolean isStableToken() {
            return stableToken;
        }

        public void setStableToken(boolean stableToken) {
            this.stableToken = stableToken;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getReadTimeout() {
            return readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        public Duration getCallDeadline() {
            return callDeadline;
        }

        public void setCallDeadline(Duration callDeadline) {
            this.callDeadline = callDeadline;
        }
    }

    /** The background loops that bring WeChat in step and apply its pushes. */
    public static class Outbox {
        /** Outbox dispatcher loops of this instance (0: this instance sends nothing to WeChat in the background). */
        private int workers = 1;
        /** Whether this instance runs the background loops at all (the outbox, the push inbox, imports). */
        private boolean enabled = true;

        public int getWorkers() {
            return workers;
        }

        public void setWorkers(int workers) {
            this.workers = workers;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Member imports sent to WeChat Pay. */
    public static class Imports {
        /** Member imports sent to WeChat per second, per tenant. */
        private double ratePerSecond = 50;
        /** Member imports in flight at once. */
        private int concurrency = 8;

        public double getRatePerSecond() {
            return ratePerSecond;
        }

        public void setRatePerSecond(double ratePerSecond) {
            this.ratePerSecond = ratePerSecond;
        }

        public int getConcurrency() {
            return concurrency;
        }

        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }
    }

    /** WeChat's push endpoint in the application's Spring MVC server. */
    public static class Push {
        /** Mount the endpoint (GET for WeChat's handshake, POST for pushes). */
        private boolean enabled = true;
        /** Its path; {tenant} is the tenant id, as in the URL configured on WeChat. */
        private String path = "/wechat/{tenant}/events";
        /** How long a push may take before it is answered 503 (WeChat waits 5 s, then retries). */
        private Duration timeout = Duration.ofMillis(4000);
        /** Pushes handled at once; more wait, up to the same number again, then are answered 503. */
        private int workers = 16;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public int getWorkers() {
            return workers;
        }

        public void setWorkers(int workers) {
            this.workers = workers;
        }
    }

    /** wxcard's events (a card approved, points changed, ...) inside the application. */
    public static class Events {
        /** Publish every event as a Spring application event (listen with {@code @EventListener MerchantEvent}). */
        private boolean spring = true;

        public boolean isSpring() {
            return spring;
        }

        public void setSpring(boolean spring) {
            this.spring = spring;
        }
    }

    /** The {@code /v1} HTTP API of the standalone service, in the application's own web server at {@code /v1/*}. */
    public static class Rest {
        /** Mount it (off unless asked: most applications call the use cases from their own controllers). */
        private boolean enabled = false;
        /** The largest JSON request body, in bytes; a larger one is answered 413 unread. */
        private long maxBodyBytes = 1024 * 1024;
        /** The largest member import, in bytes (imports are streamed: this bounds what one upload stages). */
        private long maxImportBytes = 2L * 1024 * 1024 * 1024;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public long getMaxBodyBytes() {
            return maxBodyBytes;
        }

        public void setMaxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
        }

        public long getMaxImportBytes() {
            return maxImportBytes;
        }

        public void setMaxImportBytes(long maxImportBytes) {
            this.maxImportBytes = maxImportBytes;
        }
    }
}
