package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the account's callback URL the way WeChat does: an XML POST signed in the query string
 * (and encrypted in safe mode); only an HTTP 200 counts as delivered; no answer within the timeout, a failed
 * connection or any other status is retried, {@code retries} times. Every attempt of one event sends the very same
 * request (query, timestamp, nonce, signatures, body bytes), so receivers can de-duplicate on FromUserName +
 * CreateTime. Each attempt is recorded for {@code GET /sandbox/pushes}.
 */
final class Pusher {
    private static final Logger LOG = LoggerFactory.getLogger(Pusher.class);
    private static final int KEPT_DELIVERIES = 2_000;

    private final Apps apps;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final Duration retryDelay;
    private final int retries;
    private final Stats stats;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong ids = new AtomicLong();
    private final Deque<Delivery> deliveries = new ArrayDeque<>();

    /** What happened to one event, for {@code GET /sandbox/pushes}. */
    private static final class Delivery {
        final long id;
        final String appId;
        final String event;
        final String openid;
        final String xml;
        final long createdAtMs = System.currentTimeMillis();
        int attempts;
        String status = "pending";
        String lastError;
        Integer lastHttpStatus;
        final ArrayNode attemptLog = Json.array();

        Delivery(long id, EventXml event) {
            this.id = id;
            this.appId = event.appId;
            this.event = event.event;
            this.openid = event.openid;
            this.xml = event.xml();
        }
    }

    Pusher(Apps apps, HttpClient client, ScheduledExecutorService scheduler, SandboxSettings settings, Stats stats) {
        this.apps = apps;
        this.client = client;
        this.scheduler = scheduler;
        this.timeout = settings.pushTimeout();
        this.retryDelay = settings.pushRetryDelay();
        this.retries = settings.pushRetries();
        this.stats = stats;
    }

    /** Queues the event for delivery; never blocks the caller. */
    void push(EventXml event) {
        Delivery delivery = new Delivery(ids.incrementAndGet(), event);
        synchronized (deliveries) {
            deliveries.addLast(delivery);
            if (deliveries.size() > KEPT_DELIVERIES) {
                deliveries.removeFirst();
            }
        }
        Apps.Registered app = apps.byAppId(event.appId).orElse(null);
        if (app == null || app.app().callbackUrl() == null || app.app().callbackUrl().isBlank()) {
            finish(delivery, "no_callback", null);
            return;
        }
        HttpRequest request;
        try {
            request = signedRequest(app, delivery);
        } catch (IllegalArgumentException e) {
            finish(delivery, "failed", "invalid callback URL");
            return;
        }
        attempt(delivery, request);
    }

    private void attempt(Delivery delivery, HttpRequest request) {
        synchronized (delivery) {
            delivery.attempts++;
        }
        stats.pushAttempts.increment();
        long startedMs = System.currentTimeMillis();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            String error = null;
            if (failure != null) {
                error = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": "
                        + failure.getMessage());
            } else if (response.statusCode() != 200) { // WeChat: a 204 or any other 2xx is not an answer either
                error = "HTTP " + response.statusCode();
            }
            boolean retry;
            synchronized (delivery) {
                ObjectNode row = delivery.attemptLog.addObject().put("attempt", delivery.attempts)
                        .put("at_ms", startedMs).put("duration_ms", System.currentTimeMillis() - startedMs);
                if (response != null) {
                    delivery.lastHttpStatus = response.statusCode();
                    String body = response.body().strip();
                    row.put("http_status", response.statusCode())
                            .put("answer", body.length() > 200 ? body.substring(0, 200) + "..." : body)
                            // WeChat asks for "success" or an empty body; another body is noted, not retried
                            .put("answer_accepted", body.isEmpty() || body.equals("success"));
                }
                row.put("error", error);
                if (error == null) {
                    delivery.lastError = null;
                    retry = false;
                } else {
                    delivery.lastError = error;
                    retry = delivery.attempts <= retries;
                }
            }
            if (error == null) {
                finish(delivery, "delivered", null);
            } else if (retry) {
                try {
                    scheduler.schedule(() -> attempt(delivery, request), retryDelay.toMillis(),
                            TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException closing) {
                    finish(delivery, "failed", "the sandbox closed before the retry");
                }
            } else {
                finish(delivery, "failed", error);
            }
        });
    }

    private void finish(Delivery delivery, String status, String error) {
        synchronized (delivery) {
            delivery.status = status;
            if (error != null) {
                delivery.lastError = error;
            }
        }
        switch (status) {
            case "delivered" -> stats.pushesDelivered.increment();
            case "failed" -> {
                stats.pushesFailed.increment();
                LOG.warn("push {} ({}) to app {} not delivered after {} attempts: {}", delivery.id,
                        delivery.event, delivery.appId, delivery.attempts, error);
            }
            default -> { }
        }
    }

    private HttpRequest signedRequest(Apps.Registered registered, Delivery delivery) {
        SandboxApp app = registered.app();
        String token = app.token() == null ? "" : app.token();
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Long.toString(100_000_000L + (random.nextLong() & Long.MAX_VALUE) % 900_000_000L);
        StringBuilder query = new StringBuilder()
                .append("signature=").append(MsgCrypto.signature(token, timestamp, nonce))
                .append("&timestamp=").append(timestamp)
                .append("&nonce=").append(nonce)
                .append("&openid=").append(URLEncoder.encode(delivery.openid, StandardCharsets.UTF_8));
        String body = delivery.xml;
        if (SandboxApp.SAFE.equals(app.mode())) {
            byte[] random16 = new byte[16];
            random.nextBytes(random16);
            String encrypt = MsgCrypto.encrypt(app.encodingAesKey(), app.appId(), delivery.xml, random16);
            query.append("&encrypt_type=aes&msg_signature=")
                    .append(MsgCrypto.msgSignature(token, timestamp, nonce, encrypt));
            body = EventXml.encryptedEnvelope(registered.originalId(), encrypt);
        }
        String url = app.callbackUrl();
        return HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?") + query))
                .timeout(timeout)
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /** The deliveries kept (the latest {@value #KEPT_DELIVERIES}), oldest first. */
    ArrayNode report(String appId) {
        ArrayNode out = Json.array();
        Delivery[] snapshot;
        synchronized (deliveries) {
            snapshot = deliveries.toArray(new Delivery[0]);
        }
        for (Delivery d : snapshot) {
            if (appId != null && !appId.equals(d.appId)) {
                continue;
            }
            synchronized (d) {
                ObjectNode row = out.addObject().put("id", d.id).put("appid", d.appId).put("event", d.event)
                        .put("openid", d.openid).put("status", d.status).put("attempts", d.attempts)
                        .put("created_at", d.createdAtMs / 1000).put("xml", d.xml);
                row.put("last_error", d.lastError);
                if (d.lastHttpStatus != null) {
                    row.put("last_http_status", d.lastHttpStatus);
                }
                row.set("attempt_log", d.attemptLog.deepCopy());
            }
        }
        return out;
    }

    void clear() {
        synchronized (deliveries) {
            deliveries.clear();
        }
    }
}
