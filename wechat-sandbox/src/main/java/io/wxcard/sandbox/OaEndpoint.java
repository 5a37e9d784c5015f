package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every Official Account API call the same way: the injected fault, the access_token check, the handler, the
 * answer ({@code errcode} and {@code errmsg} first, except on a token success; HTTP 200, WeChat's content type)
 * and the call log.
 */
final class OaEndpoint {
    static final String CONTENT_TYPE = "application/json; encoding=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(OaEndpoint.class);

    /** Handles a call; answers the fields that follow {@code errcode} and {@code errmsg}, or throws a refusal. */
    interface Handler {
        ObjectNode handle(OaCall call);
    }

    private final Javalin app;
    private final Tokens tokens;
    private final Faults faults;
    private final CallLog calls;
    private final Stats stats;
    private final StateChanges changes;
    private final Latency latency;

    OaEndpoint(Javalin app, Tokens tokens, Faults faults, CallLog calls, Stats stats, StateChanges changes,
               Latency latency) {
        this.app = app;
        this.latency = latency;
        this.changes = changes;
        this.tokens = tokens;
        this.faults = faults;
        this.calls = calls;
        this.stats = stats;
    }

    /**
     * A POST endpoint that needs an access_token and changes the kept state when it succeeds (see
     * {@link StateFile}); a GET to it answers 43002 as WeChat does.
     */
    void post(String path, Handler handler) {
        post(path, true, handler);
    }

    /** A POST endpoint that needs an access_token and only reads. */
    void query(String path, Handler handler) {
        post(path, false, handler);
    }

    private void post(String path, boolean changesState, Handler handler) {
        app.post(path, ctx -> run(ctx, path, true, changesState, handler));
        app.get(path, ctx -> run(ctx, path, false, false, call -> {
            throw new WxException(43002, "require POST method");
        }));
    }

    /** A GET endpoint that needs an access_token (tickets: not kept state). */
    void get(String path, Handler handler) {
        app.get(path, ctx -> run(ctx, path, true, false, handler));
    }

    /**
     * A token endpoint: no access_token needed, tokens are not kept state, and a success carries no errcode or
     * errmsg, only the fields (WeChat's documented token answer is {@code {"access_token":..,"expires_in":..}}).
     */
    void open(String method, String path, Handler handler) {
        if (method.equals("GET")) {
            app.get(path, ctx -> run(ctx, path, false, false, handler, false));
        } else {
            app.post(path, ctx -> run(ctx, path, false, false, handler, false));
        }
    }

    private void run(Context ctx, String path, boolean needsToken, boolean changesState, Handler handler) {
        run(ctx, path, needsToken, changesState, handler, true);
    }

    private void run(Context ctx, String path, boolean needsToken, boolean changesState, Handler handler,
                     boolean okFields) {
        long started = System.nanoTime();
        stats.countCall(path);
        OaCall call = new OaCall(ctx);
        Faults.Kind fault = faults.draw(path);
        boolean afterApply = fault != null && faults.config().afterApply();
        if (fault != null && !afterApply && inject(ctx, fault)) {
            log(ctx, path, call, null, fault, started);
            delayUnlessDropped(ctx, fault);
            return;
        }
        ObjectNode answer = Json.object();
        try {
            if (needsToken) {
                call.appId = tokens.authenticate(ctx.queryParam("access_token"));
            }
            ObjectNode fields = handler.handle(call);
            if (changesState) {
                changes.changed();
            }
            if (okFields) {
                answer.put("errcode", 0).put("errmsg", "ok");
            }
            if (fields != null) {
                answer.setAll(fields);
            }
        } catch (WxException refusal) {
            answer.put("errcode", refusal.errcode).put("errmsg", refusal.errmsg());
        } catch (RuntimeException bug) {
            LOG.error("sandbox failure on {}", path, bug);
            answer.put("errcode", -1).put("errmsg", "system error");
        }
        if (fault != null && afterApply && inject(ctx, fault)) {
            log(ctx, path, call, answer.path("errcode").asInt(0), fault, started);
            delayUnlessDropped(ctx, fault);
            return;
        }
        ctx.status(200).contentType(CONTENT_TYPE).result(Json.utf8(answer));
        log(ctx, path, call, answer.path("errcode").asInt(0), fault, started);
        latency.delay(ctx);
    }

    private void delayUnlessDropped(Context ctx, Faults.Kind fault) {
        if (fault != Faults.Kind.DROP) {
            latency.delay(ctx);
        }
    }

    /** Applies the fault; true when it replaced the answer (slow only delays it). */
    private boolean inject(Context ctx, Faults.Kind fault) {
        stats.faultsInjected.increment();
        switch (fault) {
            case SLOW -> {
                FaultInjection.sleep(faults.config().slowMs());
                return false;
            }
            case DROP -> FaultInjection.dropConnection(ctx);
            case HTTP_5XX -> FaultInjection.serviceUnavailable(ctx);
            case BUSY -> ctx.status(200).contentType(CONTENT_TYPE).result("{\"errcode\":-1,\"errmsg\":\"system error\"}");
        }
        return true;
    }

    private void log(Context ctx, String path, OaCall call, Integer errcode, Faults.Kind fault, long started) {
        int status = fault == Faults.Kind.DROP ? 0 : ctx.statusCode();
        Integer shown = fault == Faults.Kind.BUSY ? Integer.valueOf(-1) : fault == null || fault == Faults.Kind.SLOW
                ? errcode : null;
        calls.record(new CallLog.Call(System.currentTimeMillis(), ctx.method().name(), path, call.appId, shown, null,
                status, fault == null ? null : fault.name().toLowerCase(java.util.Locale.ROOT),
                (System.nanoTime() - started) / 1_000_000));
    }
}
