package io.wxcard.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends WeChat's server-configuration handshake to an account's callback URL, as WeChat does when a merchant saves
 * the server settings: {@code GET callback?signature=&timestamp=&nonce=&echostr=} with
 * {@code signature = sha1(sorted(token, timestamp, nonce))} (the plain signature, in either push mode); the answer
 * must be HTTP 2xx with exactly the echostr as body. The result is recorded and logged, never enforced.
 */
final class CallbackVerifier {
    /** A background check retries this often while the callback cannot be reached (it may not be up yet). */
    static final int BACKGROUND_ATTEMPTS = 10;
    static final long BACKGROUND_RETRY_MS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(CallbackVerifier.class);
    private static final int SHOWN_ANSWER = 80;

    private record Attempt(CallbackCheck check, boolean unreachable) {
    }

    private final Apps apps;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, CallbackCheck> lastByApp = new ConcurrentHashMap<>();

    CallbackVerifier(Apps apps, HttpClient client, ScheduledExecutorService scheduler, Duration timeout) {
        this.apps = apps;
        this.client = client;
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /** One handshake now, waiting for the answer (at most the push timeout); recorded and logged. */
    CallbackCheck check(Apps.Registered app) {
        CallbackCheck check = attempt(app, 1).join().check();
        finish(app, check);
        return check;
    }

    /**
     * The handshake in the background, retried every {@value #BACKGROUND_RETRY_MS} ms while the callback cannot be
     * reached, up to {@value #BACKGROUND_ATTEMPTS} attempts; a wrong answer is final. Logged when decided.
     */
    void checkInBackground(Apps.Registered app) {
        lastByApp.put(app.appId(), new CallbackCheck(app.appId(), app.app().callbackUrl(),
                CallbackCheck.Status.CHECKING, "the handshake is under way", 0, System.currentTimeMillis() / 1000));
        attemptLater(app, 1, 0);
    }

    private void attemptLater(Apps.Registered app, int number, long delayMs) {
        try {
            scheduler.schedule(() -> attempt(app, number).thenAccept(result -> {
                if (apps.byAppId(app.appId()).orElse(null) != app) {
                    return; // the account was registered again meanwhile: that registration checks for itself
                }
                if (result.unreachable() && number < BACKGROUND_ATTEMPTS) {
                    attemptLater(app, number + 1, BACKGROUND_RETRY_MS);
                } else {
                    finish(app, result.check());
                }
            }), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // the sandbox is closing: no verdict
        }
    }

    Optional<CallbackCheck> last(String appId) {
        return Optional.ofNullable(lastByApp.get(appId));
    }

    private CompletableFuture<Attempt> attempt(Apps.Registered registered, int number) {
        SandboxApp app = registered.app();
        String url = app.callbackUrl();
        String token = app.token() == null ? "" : app.token();
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Long.toString(100_000_000L + Math.floorMod(random.nextLong(), 900_000_000L));
        String echostr = Long.toString(1_000_000_000_000_000_000L
                + Math.floorMod(random.nextLong(), 8_000_000_000_000_000_000L));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?")
                            + "signature=" + MsgCrypto.signature(token, timestamp, nonce)
                            + "&timestamp=" + timestamp + "&nonce=" + nonce
                            + "&echostr=" + URLEncoder.encode(echostr, StandardCharsets.UTF_8)))
                    .timeout(timeout).GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Attempt(result(registered, CallbackCheck.Status.FAILED,
                    "invalid callback URL: " + e.getMessage(), number), false));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        String why = cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
                        return new Attempt(result(registered, CallbackCheck.Status.FAILED,
                                "not reachable (" + why + ")", number), cause instanceof IOException);
                    }
                    if (response.statusCode() / 100 != 2) {
                        return new Attempt(result(registered, CallbackCheck.Status.FAILED,
                                "answered HTTP " + response.statusCode() + " instead of 200 with the echostr",
                                number), false);
                    }
                    if (!echostr.equals(response.body())) {
                        return new Attempt(result(registered, CallbackCheck.Status.FAILED, "answered "
                                + shown(response.body()) + " instead of the echostr " + echostr, number), false);
                    }
                    return new Attempt(result(registered, CallbackCheck.Status.VERIFIED, "answered the echostr",
                            number), false);
                });
    }

    private void finish(Apps.Registered app, CallbackCheck check) {
        if (apps.byAppId(app.appId()).orElse(null) == app) {
            lastByApp.put(app.appId(), check);
        }
        if (check.verified()) {
            LOG.info("callback of {} verified: {} {}", app.appId(), check.callbackUrl(), check.detail());
        } else {
            LOG.warn("callback of {} NOT verified after {} attempt(s): {} {}; pushes are sent anyway; "
                            + "POST /sandbox/apps/{}/verify-callback checks again", app.appId(), check.attempts(),
                    check.callbackUrl(), check.detail(), app.appId());
        }
    }

    private static CallbackCheck result(Apps.Registered app, CallbackCheck.Status status, String detail, int n) {
        return new CallbackCheck(app.appId(), app.app().callbackUrl(), status, detail, n,
                System.currentTimeMillis() / 1000);
    }

    private static String shown(String body) {
        if (body == null || body.isEmpty()) {
            return "an empty body";
        }
        String text = body.length() > SHOWN_ANSWER ? body.substring(0, SHOWN_ANSWER) + "..." : body;
        return "\"" + text.replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
