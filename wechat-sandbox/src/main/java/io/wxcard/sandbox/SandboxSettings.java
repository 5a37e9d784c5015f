package io.wxcard.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a sandbox behaves. Start from {@link #defaults()} and change what a test needs with the {@code withX} helpers.
 *
 * @param port                   TCP port to listen on; 0 picks any free port
 * @param reviewDelay            how long after create (or a change that needs review) a card is approved
 *                               automatically; null or negative: never, review only through the control API
 * @param tokenLifetime          lifetime of an access_token and of the wx_card api ticket ({@code expires_in})
 * @param tokenOverlap           how long the previous access_token keeps working after a new one is fetched
 * @param dailyTokenQuota        {@code /cgi-bin/token} calls allowed per app and day (Asia/Shanghai) before 45009
 * @param pushRetryDelay         pause between a failed push and its retry (WeChat retries at once after the timeout)
 * @param pushTimeout            how long a push waits for the merchant's answer (WeChat: 5 s)
 * @param pushRetries            retries after the first attempt (WeChat: 3)
 * @param host                   interface to bind; {@code 127.0.0.1} by default, {@code 0.0.0.0} for all
 * @param payRateLimitPerSecond  WeChat Pay v3 requests allowed per merchant and second before 429; 0: unlimited
 * @param platformPrivateKeyPem  the sandbox's WeChat Pay platform private key (PKCS#8 PEM); null: the one in the
 *                               state file, else generate one
 * @param stateFile              where the sandbox keeps its state (cards, members, accounts...) across restarts:
 *                               loaded at start when it exists, saved after changes; null: memory only
 * @param verifyCallbacks        whether registering an account with a callback URL sends WeChat's configuration
 *                               handshake (a GET with echostr) to it; the result is reported, never enforced
 * @param latency                how long every Official Account and WeChat Pay answer waits before it is sent
 *                               (zero by default; WeChat over the internet: tens of milliseconds)
 * @param echoUpdateUser         whether an updateuser that changes bonus or balance also pushes update_member_card
 *                               (the default for every account; each account can override it)
 * @param forceRefreshLimits     whether stable_token's force_refresh is held to WeChat's 20 a day, 30 s apart
 */
public record SandboxSettings(
        int port,
        Duration reviewDelay,
        Duration tokenLifetime,
        Duration tokenOverlap,
        int dailyTokenQuota,
        Duration pushRetryDelay,
        Duration pushTimeout,
        int pushRetries,
        String host,
        int payRateLimitPerSecond,
        String platformPrivateKeyPem,
        Path stateFile,
        boolean verifyCallbacks,
        Duration latency,
        boolean echoUpdateUser,
        boolean forceRefreshLimits) {

    public SandboxSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        requirePositive(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(tokenOverlap, "tokenOverlap");
        if (tokenOverlap.isNegative()) {
            throw new IllegalArgumentException("tokenOverlap must not be negative");
        }
        if (dailyTokenQuota <= 0) {
            throw new IllegalArgumentException("dailyTokenQuota must be positive");
        }
        Objects.requireNonNull(pushRetryDelay, "pushRetryDelay");
        if (pushRetryDelay.isNegative()) {
            throw new IllegalArgumentException("pushRetryDelay must not be negative");
        }
        requirePositive(pushTimeout, "pushTimeout");
        if (pushRetries < 0) {
            throw new IllegalArgumentException("pushRetries must not be negative");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must be given");
        }
        if (payRateLimitPerSecond < 0) {
            throw new IllegalArgumentException("payRateLimitPerSecond must not be negative (0 = unlimited)");
        }
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** WeChat's own numbers: 7200 s tokens, 300 s overlap, 2000 token calls a day, 5 s push timeout, 3 retries. */
    public static SandboxSettings defaults() {
        return new SandboxSettings(0, Duration.ofSeconds(1), Duration.ofSeconds(7200), Duration.ofSeconds(300),
                2000, Duration.ZERO, Duration.ofSeconds(5), 3, "127.0.0.1", 100, null, null, false, Duration.ZERO, false,
                true);
    }

    /** Whether cards are approved without a call to the control API. */
    public boolean autoReview() {
        return reviewDelay != null && !reviewDelay.isNegative();
    }

    public SandboxSettings withPort(int port) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    public SandboxSettings withReviewDelay(Duration reviewDelay) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    /** Cards stay under review until the control API passes or rejects them. */
    public SandboxSettings withoutAutoReview() {
        return withReviewDelay(null);
    }

    public SandboxSettings withTokenLifetime(Duration tokenLifetime) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    public SandboxSettings withTokenOverlap(Duration tokenOverlap) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    public SandboxSettings withDailyTokenQuota(int dailyTokenQuota) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    public SandboxSettings withPushRetryDelay(Duration pushRetryDelay) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    public SandboxSettings withPushTimeout(Duration pushTimeout) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    public SandboxSettings withPushRetries(int pushRetries) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    public SandboxSettings withHost(String host) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    public SandboxSettings withPayRateLimitPerSecond(int payRateLimitPerSecond) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    public SandboxSettings withPlatformPrivateKeyPem(String platformPrivateKeyPem) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    /** Keeps the state in this file across restarts (see {@link #stateFile()}); null: memory only. */
    public SandboxSettings withStateFile(Path stateFile) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    /** Sends WeChat's configuration handshake to the callback URL of every account registered. */
    public SandboxSettings withVerifyCallbacks(boolean verifyCallbacks) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    /** Every Official Account and WeChat Pay answer waits this long (e.g. 80 ms, as WeChat over the internet). */
    public SandboxSettings withLatency(Duration latency) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    /** Whether updateuser changes of bonus or balance are also pushed as update_member_card (see README). */
    public SandboxSettings withEchoUpdateUser(boolean echoUpdateUser) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    /** Whether stable_token force_refresh is limited to 20 a day and 30 s apart (on by default). */
    public SandboxSettings withForceRefreshLimits(boolean forceRefreshLimits) {
        return new SandboxSettings(port, reviewDelay, tokenLifetime, tokenOverlap, dailyTokenQuota, pushRetryDelay,
                pushTimeout, pushRetries, host, payRateLimitPerSecond, platformPrivateKeyPem, stateFile,
                verifyCallbacks, latency, echoUpdateUser, forceRefreshLimits);
    }

    /** Never prints the platform private key. */
    @Override
    public String toString() {
        return "SandboxSettings[port=" + port + ", reviewDelay=" + reviewDelay + ", tokenLifetime=" + tokenLifetime
                + ", tokenOverlap=" + tokenOverlap + ", dailyTokenQuota=" + dailyTokenQuota
                + ", pushRetryDelay=" + pushRetryDelay + ", pushTimeout=" + pushTimeout
                + ", pushRetries=" + pushRetries + ", host=" + host
                + ", payRateLimitPerSecond=" + payRateLimitPerSecond
                + ", platformPrivateKey=" + (platformPrivateKeyPem == null ? "generated or loaded" : "given")
                + ", stateFile=" + (stateFile == null ? "none (memory only)" : stateFile)
                + ", verifyCallbacks=" + verifyCallbacks + ", latency=" + latency + ", echoUpdateUser=" + echoUpdateUser
                + ", forceRefreshLimits=" + forceRefreshLimits + "]";
    }

    /** The URL a client uses for a sandbox listening on this host and port (a wildcard host answers on loopback). */
    static String baseUrl(String host, int port) {
        String urlHost = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "http://" + urlHost + ":" + port;
    }
}
