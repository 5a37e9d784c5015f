package io.wxcard.adapter.wechat;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How the WeChat adapter talks to WeChat.
 *
 * @param apiBaseUrl       the Official Account API, {@code https://api.weixin.qq.com} (no trailing slash needed)
 * @param payApiBaseUrl    the WeChat Pay API v3, {@code https://api.mch.weixin.qq.com}
 * @param connectTimeout   how long one connection attempt may take
 * @param readTimeout      how long one request may wait for its answer
 * @param callDeadline     how long a caller can be held in all, token refresh, retries and back-off included
 * @param useStableToken   fetch access tokens with {@code POST /cgi-bin/stable_token} instead of {@code /cgi-bin/token}
 * @param pushReplayWindow how far a push's timestamp may lie in the past or future
 * @param maxPushBytes     the largest push body accepted
 * @param instanceId       names this instance when instances share tokens (the lease owner); unique per process
 */
public record WechatSettings(String apiBaseUrl, String payApiBaseUrl, Duration connectTimeout, Duration readTimeout,
                             Duration callDeadline, boolean useStableToken, Duration pushReplayWindow,
                             int maxPushBytes, String instanceId) {
    /** The longest instance id: what the outbox and import lease columns hold. */
    public static final int MAX_INSTANCE_ID = 64;

    public WechatSettings {
        apiBaseUrl = baseUrl(apiBaseUrl, "apiBaseUrl");
        payApiBaseUrl = baseUrl(payApiBaseUrl, "payApiBaseUrl");
        positive(connectTimeout, "connectTimeout");
        positive(readTimeout, "readTimeout");
        positive(callDeadline, "callDeadline");
        positive(pushReplayWindow, "pushReplayWindow");
        if (maxPushBytes < 1024) {
            throw new IllegalArgumentException("maxPushBytes must be at least 1024, got " + maxPushBytes);
        }
        if (instanceId == null || instanceId.isBlank() || instanceId.length() > MAX_INSTANCE_ID) {
            throw new IllegalArgumentException("instanceId must have 1 to " + MAX_INSTANCE_ID + " characters");
        }
    }

    /**
     * WeChat's real hosts; 2 s to connect, 3 s to answer, 5 s in all for one call; {@code /cgi-bin/token};
     * pushes within 5 minutes of now and at most 64 KiB; a random instance id.
     */
    public static WechatSettings defaults() {
        return new WechatSettings("https://api.weixin.qq.com", "https://api.mch.weixin.qq.com",
                Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5), false, Duration.ofMinutes(5),
                64 * 1024, "wxcard-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Both APIs on one host, as the sandbox serves them. */
    public WechatSettings withBaseUrl(String url) {
        return withApiBaseUrl(url).withPayApiBaseUrl(url);
    }

    public WechatSettings withApiBaseUrl(String url) {
        return new WechatSettings(url, payApiBaseUrl, connectTimeout, readTimeout, callDeadline, useStableToken,
                pushReplayWindow, maxPushBytes, instanceId);
    }

    public WechatSettings withPayApiBaseUrl(String url) {
        return new WechatSettings(apiBaseUrl, url, connectTimeout, readTimeout, callDeadline, useStableToken,
                pushReplayWindow, maxPushBytes, instanceId);
    }

    public WechatSettings withConnectTimeout(Duration timeout) {
        return new WechatSettings(apiBaseUrl, payApiBaseUrl, timeout, readTimeout, callDeadline, useStableToken,
                pushReplayWindow, maxPushBytes, instanceId);
    }

    public WechatSettings withReadTimeout(Duration timeout) {
        return new WechatSettings(apiBaseUrl, payApiBaseUrl, connectTimeout, timeout, callDeadline, useStableToken,
                pushReplayWindow, maxPushBytes, instanceId);
    }

    public WechatSettings withCallDeadline(Duration deadline) {
        return new WechatSettings(apiBaseUrl, payApiBaseUrl, connectTimeout, readTimeout, deadline, useStableToken,
                pushReplayWindow, maxPushBytes, instanceId);
    }

    public WechatSettings withUseStableToken(boolean stable) {
        return new WechatSettings(apiBaseUrl, payApiBaseUrl, connectTimeout, readTimeout, callDeadline, stable,
                pushReplayWindow, maxPushBytes, instanceId);
    }

    public WechatSettings withPushReplayWindow(Duration window) {
        return new WechatSettings(apiBaseUrl, payApiBaseUrl, connectTimeout, readTimeout, callDeadline, useStableToken,
                window, maxPushBytes, instanceId);
    }

    public WechatSettings withMaxPushBytes(int bytes) {
        return new WechatSettings(apiBaseUrl, payApiBaseUrl, connectTimeout, readTimeout, callDeadline, useStableToken,
                pushReplayWindow, bytes, instanceId);
    }

    public WechatSettings withInstanceId(String id) {
        return new WechatSettings(apiBaseUrl, payApiBaseUrl, connectTimeout, readTimeout, callDeadline, useStableToken,
                pushReplayWindow, maxPushBytes, id);
    }

    private static String baseUrl(String url, String name) {
        Objects.requireNonNull(url, name);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a URL: " + url);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException(name + " must be an http(s) URL without query, got " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
