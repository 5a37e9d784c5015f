package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control API under {@code /sandbox}: registers the accounts, injects faults, shows what the sandbox saw, rotates
 * the platform key; the routes playing the members and the reviewers are {@link MemberControlRoutes}, and other
 * areas register theirs through {@link #post} and {@link #get}. Answers JSON with {@code errcode}/{@code errmsg} like the WeChat API, but with an HTTP status that
 * says what went wrong (400 refused, 404 unknown card or code). No faults apply here.
 */
final class ControlRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ControlRoutes.class);
    private final Apps apps;
    private final Faults faults;
    private final Tokens tokens;
    private final CallLog calls;
    private final Pusher pusher;
    private final Stats stats;
    private final PlatformKey platformKey;
    private final Runnable reset;
    private final StateChanges changes;
    private final CallbackVerifier verifier;
    private final boolean verifyCallbacks;
    private final Latency latency;

    /** Handles a control call with its JSON body ({@code {}} when empty); answers the fields after errcode/errmsg. */
    interface Handler {
        ObjectNode handle(Context ctx, ObjectNode body);
    }

    ControlRoutes(Apps apps, Faults faults, Tokens tokens, CallLog calls, Pusher pusher, Stats stats,
                  PlatformKey platformKey, Runnable reset, StateChanges changes, CallbackVerifier verifier,
                  boolean verifyCallbacks, Latency latency) {
        this.latency = latency;
        this.changes = changes;
        this.verifier = verifier;
        this.verifyCallbacks = verifyCallbacks;
        this.apps = apps;
        this.faults = faults;
        this.tokens = tokens;
        this.calls = calls;
        this.pusher = pusher;
        this.stats = stats;
        this.platformKey = platformKey;
        this.reset = reset;
    }

    void register(Javalin app) {
        post(app, "/sandbox/apps", (ctx, body) -> registerApp(body));
        get(app, "/sandbox/apps", (ctx, body) -> {
            ObjectNode out = Json.object();
            var list = out.putArray("apps");
            apps.all().forEach(a -> {
                ObjectNode row = list.addObject().put("appid", a.appId()).put("original_id", a.originalId())
                        .put("mode", a.app().mode()).put("callback_url", a.app().callbackUrl())
                        .put("mchid", a.app().merchantId()).put("merchant_serial", a.app().merchantSerial())
                        .put("echo_updateuser", apps.echoUpdateUser(a.appId()));
                row.set("callback_check", verifier.last(a.appId()).map(CallbackCheck::toJson).orElse(null));
            });
            return out;
        });
        post(app, "/sandbox/apps/{appid}/verify-callback", (ctx, body) -> {
            Apps.Registered registered = apps.byAppId(ctx.pathParam("appid"))
                    .orElseThrow(() -> new WxException(40013, "invalid appid: " + ctx.pathParam("appid")));
            if (registered.app().callbackUrl() == null || registered.app().callbackUrl().isBlank()) {
                throw WxException.invalidArgs("the account has no callback_url to verify");
            }
            ObjectNode out = Json.object();
            out.set("callback_check", verifier.check(registered).toJson());
            return out;
        });
        post(app, "/sandbox/apps/{appid}/echo-updateuser", (ctx, body) -> {
            String appId = ctx.pathParam("appid");
            if (apps.byAppId(appId).isEmpty()) {
                throw new WxException(40013, "invalid appid: " + appId);
            }
            if (!body.path("enabled").isBoolean()) {
                throw WxException.invalidArgs("enabled must be true or false");
            }
            apps.setEchoUpdateUser(appId, body.get("enabled").asBoolean());
            return Json.object().put("appid", appId).put("echo_updateuser", apps.echoUpdateUser(appId));
        });
        post(app, "/sandbox/faults", (ctx, body) -> {
            if (Json.bool(body, "refuse_stable_tokens", false)) {
                tokens.refuseCurrentStableTokens();
            }
            if (Json.bool(body, "expire_tokens", false)) {
                tokens.expireAll();
            }
            return faults.update(body).toJson();
        });
        get(app, "/sandbox/faults", (ctx, body) -> faults.config().toJson());
        get(app, "/sandbox/calls", (ctx, body) -> {
            String limit = ctx.queryParam("limit");
            ObjectNode out = Json.object();
            out.set("calls", calls.report(ctx.queryParam("path"), ctx.queryParam("appid"),
                    limit == null ? 1000 : parseLimit(limit)));
            return out;
        });
        get(app, "/sandbox/pushes", (ctx, body) -> {
            ObjectNode out = Json.object();
            out.set("pushes", pusher.report(ctx.queryParam("appid")));
            return out;
        });
        get(app, "/sandbox/stats", (ctx, body) -> stats.toJson());
        post(app, "/sandbox/reset", (ctx, body) -> {
            reset.run();
            return null;
        });
        get(app, "/sandbox/platform-certificate", (ctx, body) -> platformCertificate());
        post(app, "/sandbox/platform-certificate/rotate", (ctx, body) -> {
            Long overlap = Json.integer(body, "overlap_s");
            if (overlap != null && overlap < 0) {
                throw WxException.invalidArgs("overlap_s must be >= 0");
            }
            String previous = platformKey.serial();
            platformKey.rotate(java.time.Duration.ofSeconds(overlap == null ? 86_400 : overlap));
            return platformCertificate().put("previous_serial_no", previous);
        });
        post(app, "/sandbox/latency", (ctx, body) -> {
            Long ms = Json.integer(body, "ms");
            if (ms == null || ms < 0) {
                throw WxException.invalidArgs("ms must be given, a whole number of milliseconds >= 0");
            }
            latency.set(java.time.Duration.ofMillis(ms));
            return Json.object().put("ms", ms);
        });
        get(app, "/sandbox/latency", (ctx, body) -> Json.object().put("ms", latency.get().toMillis()));
        get(app, "/sandbox/health", (ctx, body) -> Json.object().put("status", "UP"));
    }

    private ObjectNode registerApp(ObjectNode body) {
        SandboxApp app;
        try {
            app = new SandboxApp(Json.text(body, "appid"), Json.text(body, "secret"), Json.text(body, "token"),
                    Json.text(body, "encoding_aes_key"), Json.text(body, "callback_url"), Json.text(body, "mode"),
                    Json.text(body, "mchid"), Json.text(body, "merchant_serial"),
                    Json.text(body, "merchant_public_key_pem"), Json.text(body, "api_v3_key"));
        } catch (IllegalArgumentException e) {
            throw WxException.invalidArgs(e.getMessage());
        }
        Apps.Registered registered = register(app);
        ObjectNode out = Json.object().put("appid", registered.appId()).put("original_id", registered.originalId());
        if (verifyCallbacks && app.callbackUrl() != null && !app.callbackUrl().isBlank()) {
            out.set("callback_check", verifier.check(registered).toJson()); // reported, never a refusal
        }
        return out;
    }

    /** Registers an account; a bad merchant key is a refusal, not a failure. */
    private Apps.Registered register(SandboxApp app) {
        try {
            return apps.register(app);
        } catch (IllegalArgumentException e) {
            throw WxException.invalidArgs(e.getMessage());
        }
    }

    /** The signing key, and every platform certificate valid now (what GET /v3/certificates lists, unencrypted). */
    private ObjectNode platformCertificate() {
        ObjectNode out = Json.object().put("serial_no", platformKey.serial())
                .put("public_key_pem", platformKey.publicKeyPem());
        var list = out.putArray("certificates");
        platformKey.listed().forEach(c -> list.addObject().put("serial_no", c.serial())
                .put("effective_time", PayRoutes.rfc3339(c.effective())).put("expire_time", PayRoutes.rfc3339(c.expire()))
                .put("certificate_pem", c.certificatePem()));
        return out;
    }

    private static int parseLimit(String limit) {
        try {
            return Math.max(1, Integer.parseInt(limit));
        } catch (NumberFormatException e) {
            throw WxException.invalidArgs("limit must be a number");
        }
    }

    /** Registers a control POST, answered like every other (errcode/errmsg, a status that says what went wrong). */
    void post(Javalin app, String path, Handler handler) {
        app.post(path, ctx -> run(ctx, handler, true));
    }

    void get(Javalin app, String path, Handler handler) {
        app.get(path, ctx -> run(ctx, handler, false));
    }

    private void run(Context ctx, Handler handler, boolean hasBody) {
        ObjectNode answer = Json.object();
        int status = 200;
        try {
            ObjectNode body = hasBody && !ctx.body().isBlank() ? Json.parseObject(ctx.body()) : Json.object();
            ObjectNode fields = handler.handle(ctx, body);
            if (hasBody) {
                changes.changed(); // every control POST but the handshake changes kept state; saving is cheap
            }
            answer.put("errcode", 0).put("errmsg", "ok");
            if (fields != null) {
                answer.setAll(fields);
            }
        } catch (WxException refusal) {
            status = refusal.errcode == 40073 || refusal.errcode == 40056 || refusal.errcode == 40013 ? 404 : 400;
            answer.put("errcode", refusal.errcode).put("errmsg", refusal.errmsg());
        } catch (RuntimeException bug) {
            LOG.error("sandbox failure on {}", ctx.path(), bug);
            status = 500;
            answer.put("errcode", -1).put("errmsg", "sandbox failure: " + bug.getClass().getSimpleName());
        }
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.utf8(answer));
    }
}
