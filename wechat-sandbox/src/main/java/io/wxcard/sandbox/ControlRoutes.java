package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control API under {@code /sandbox}: plays the members and the reviewers, injects faults, shows what the
 * sandbox saw. Answers JSON with {@code errcode}/{@code errmsg} like the WeChat API, but with an HTTP status that
 * says what went wrong (400 refused, 404 unknown card or code). No faults apply here.
 */
final class ControlRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ControlRoutes.class);
    private final Apps apps;
    private final Cards cards;
    private final Members members;
    private final MemberCards memberCards;
    private final Distribution distribution;
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
    private final Datacube datacube;

    /** Handles a control call with its JSON body ({@code {}} when empty); answers the fields after errcode/errmsg. */
    interface Handler {
        ObjectNode handle(Context ctx, ObjectNode body);
    }

    ControlRoutes(Apps apps, Cards cards, Members members, MemberCards memberCards, Distribution distribution, Faults faults, Tokens tokens,
                  CallLog calls, Pusher pusher, Stats stats, PlatformKey platformKey, Runnable reset,
                  StateChanges changes, CallbackVerifier verifier, boolean verifyCallbacks, Latency latency,
                  Datacube datacube) {
        this.datacube = datacube;
        this.latency = latency;
        this.changes = changes;
        this.verifier = verifier;
        this.verifyCallbacks = verifyCallbacks;
        this.apps = apps;
        this.cards = cards;
        this.members = members;
        this.memberCards = memberCards;
        this.distribution = distribution;
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
        get(app, "/sandbox/cards/{card_id}", (ctx, body) -> card(ctx).summary());
        post(app, "/sandbox/cards/{card_id}/review", (ctx, body) -> {
            String result = Json.requiredText(body, "result");
            if (!result.equals("pass") && !result.equals("not_pass")) {
                throw WxException.invalidArgs("result must be pass or not_pass");
            }
            Card card = card(ctx);
            cards.review(card, result.equals("pass"), Json.text(body, "refuse_reason"));
            return Json.object().put("status", card.status());
        });
        post(app, "/sandbox/cards/{card_id}/users", (ctx, body) -> {
            Long outerId = Json.integer(body, "outer_id");
            Members.Received received = members.receive(card(ctx), Json.text(body, "openid"),
                    Json.text(body, "outer_str"), outerId == null ? 0 : outerId, Json.text(body, "code"),
                    Json.text(body, "nickname"), Json.text(body, "sex"), Json.text(body, "unionid"),
                    Json.text(body, "source_scene"));
            return received(received);
        });
        post(app, "/sandbox/qrcodes/{ticket}/scan", (ctx, body) -> {
            Distribution.QrCode qr = distribution.qrCode(ctx.pathParam("ticket"));
            Distribution.QrCard offered = qr.cards().get(0);
            String openid = Json.requiredText(body, "openid");
            if (offered.openid() != null && !offered.openid().isEmpty() && !offered.openid().equals(openid)) {
                throw new WxException(40003, "invalid openid: this QR code is for " + offered.openid() + " only");
            }
            Card card = cards.find(offered.cardId());
            if (card == null) {
                throw new WxException(40073, "invalid card_id: " + offered.cardId());
            }
            String opened = members.openIfHeld(card, openid, offered.outerStr(), datacube);
            if (opened != null) {
                return Json.object().put("opened", true).put("code", opened).put("card_id", card.id);
            }
            return received(members.receive(card, openid, offered.outerStr(), offered.outerId(), offered.code(),
                    Json.text(body, "nickname"), Json.text(body, "sex"), Json.text(body, "unionid"),
                    "SOURCE_SCENE_QRCODE")).put("card_id", card.id);
        });
        get(app, "/sandbox/cards/{card_id}/codes/{code}", (ctx, body) -> members.state(card(ctx), code(ctx)));
        post(app, "/sandbox/cards/{card_id}/codes/{code}/form", (ctx, body) ->
                members.submitForm(card(ctx), code(ctx), body));
        post(app, "/sandbox/cards/{card_id}/codes/{code}/wechat-side-change", (ctx, body) -> {
            Long bonusDelta = Json.integer(body, "bonus_delta");
            Long balanceDelta = Json.integer(body, "balance_delta");
            if (bonusDelta == null && balanceDelta == null) {
                throw WxException.missingField("bonus_delta or balance_delta");
            }
            MemberCards.Updated updated = memberCards.wechatSideChange(card(ctx), code(ctx),
                    bonusDelta == null ? 0 : bonusDelta, balanceDelta == null ? 0 : balanceDelta,
                    Json.text(body, "reason"), Json.bool(body, "push", true));
            return Json.object().put("result_bonus", updated.resultBonus())
                    .put("result_balance", updated.resultBalance()).put("openid", updated.openid());
        });
        post(app, "/sandbox/cards/{card_id}/codes/{code}/delete", (ctx, body) -> {
            members.deleteByMember(card(ctx), code(ctx));
            return null;
        });
        post(app, "/sandbox/cards/{card_id}/codes/{code}/restore", (ctx, body) -> {
            members.restoreByMember(card(ctx), code(ctx));
            return null;
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

    private static ObjectNode received(Members.Received received) {
        ObjectNode out = Json.object().put("code", received.code()).put("encrypt_code", received.encryptCode());
        if (received.activateUrl() != null) {
            out.put("activate_url", received.activateUrl());
        }
        return out;
    }

    private Card card(Context ctx) {
        Card card = cards.find(ctx.pathParam("card_id"));
        if (card == null) {
            throw new WxException(40073, "invalid card_id: " + ctx.pathParam("card_id"));
        }
        return card;
    }

    private static String code(Context ctx) {
        return ctx.pathParam("code");
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
