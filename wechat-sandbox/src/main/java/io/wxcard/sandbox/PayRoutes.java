package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeChat Pay API v3: {@code POST /v3/marketing/membercard-open/cards/{card_id}/users/import} and
 * {@code GET /v3/certificates} and {@code GET /v3/marketing/membercard-open/user/cards}. The merchant's
 * request is verified (signature with the merchant key registered for the account, serial, timestamp within 5
 * minutes), rate-limited per merchant, and every answer, errors included, is signed with the platform key.
 */
final class PayRoutes {
    static final String IMPORT_PATH = "/v3/marketing/membercard-open/cards/{card_id}/users/import";
    static final String UPGRADE_PATH = "/v3/marketing/membercard-open/cards/{card_id}/upgrade";
    static final String CERTIFICATES_PATH = "/v3/certificates";
    static final String USER_CARDS_PATH = "/v3/marketing/membercard-open/user/cards";
    static final long MAX_CLOCK_SKEW_SECONDS = 300;
    private static final java.time.format.DateTimeFormatter RFC3339 = java.time.format.DateTimeFormatter
            .ISO_OFFSET_DATE_TIME.withZone(java.time.ZoneId.of("Asia/Shanghai"));
    private static final Logger LOG = LoggerFactory.getLogger(PayRoutes.class);

    private final Apps apps;
    private final PayImport payImport;
    private final PlatformKey platformKey;
    private final RateLimiter rateLimiter;
    private final Faults faults;
    private final CallLog calls;
    private final Stats stats;
    private final StateChanges changes;
    private final Latency latency;
    private final SecureRandom random = new SecureRandom();

    PayRoutes(Apps apps, PayImport payImport, PlatformKey platformKey, RateLimiter rateLimiter, Faults faults,
              CallLog calls, Stats stats, StateChanges changes, Latency latency) {
        this.changes = changes;
        this.latency = latency;
        this.apps = apps;
        this.payImport = payImport;
        this.platformKey = platformKey;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.calls = calls;
        this.stats = stats;
    }

    /** What a route does once the merchant is authenticated; answers the 200 body or throws a refusal. */
    interface Work {
        ObjectNode run(Context ctx, Apps.Registered merchant);
    }

    void register(Javalin app) {
        app.post(IMPORT_PATH, ctx -> serve(ctx, IMPORT_PATH, (c, merchant) -> {
            ObjectNode answer = Json.object().put("code", importMember(c, merchant));
            changes.changed();
            return answer;
        }));
        app.post(UPGRADE_PATH, ctx -> serve(ctx, UPGRADE_PATH, (c, merchant) -> {
            ObjectNode request = payBody(c);
            String brandId = payText(request, "brand_id");
            String appId = payText(request, "appid");
            if (brandId == null || brandId.isBlank()) {
                throw PayException.param("brand_id", "is required");
            }
            if (appId == null || appId.isBlank()) {
                throw PayException.param("appid", "is required");
            }
            payImport.upgrade(merchant, c.pathParam("card_id"), brandId, appId);
            changes.changed();
            return null; // 204, no body
        }));
        app.get(CERTIFICATES_PATH, ctx -> serve(ctx, CERTIFICATES_PATH, (c, merchant) -> certificates(merchant)));
        app.get(USER_CARDS_PATH, ctx -> serve(ctx, USER_CARDS_PATH, (c, merchant) -> userCards(c, merchant)));
    }

    /** Serves one v3 call: faults, the merchant's signature, the rate limit, then the work; the answer is signed. */
    void serve(Context ctx, String route, Work work) {
        long started = System.nanoTime();
        PlatformKey.Signer signer = platformKey.signer(); // the key of the moment the call arrived signs its answer
        stats.countCall(route);
        String[] appId = new String[1];
        Faults.Kind fault = faults.draw(ctx.path());
        boolean afterApply = fault != null && faults.config().afterApply();
        if (fault != null && !afterApply && inject(ctx, fault)) {
            log(ctx, appId[0], null, fault, started);
            delayUnlessDropped(ctx, fault);
            return;
        }
        int status = 200;
        ObjectNode body;
        try {
            Apps.Registered merchant = authenticate(ctx);
            appId[0] = merchant.appId();
            body = work.run(ctx, merchant);
            status = body == null ? 204 : 200;
        } catch (PayException refusal) {
            status = refusal.status;
            body = refusal.body();
        } catch (RuntimeException bug) {
            LOG.error("sandbox failure on {}", ctx.path(), bug);
            status = 500;
            body = new PayException(500, "SYSTEM_ERROR", "system error").body();
        }
        if (fault != null && afterApply && inject(ctx, fault)) {
            log(ctx, appId[0], null, fault, started);
            delayUnlessDropped(ctx, fault);
            return;
        }
        answer(ctx, status, body, signer);
        log(ctx, appId[0], status < 300 ? null : body.get("code").asText(), fault, started);
        latency.delay(ctx);
    }

    private void delayUnlessDropped(Context ctx, Faults.Kind fault) {
        if (fault != Faults.Kind.DROP) {
            latency.delay(ctx);
        }
    }

    /** Checks the Authorization header: merchant, serial, timestamp, signature; then the rate limit. */
    private Apps.Registered authenticate(Context ctx) {
        PaySignatures.Authorization auth = PaySignatures.parseAuthorization(ctx.header("Authorization"));
        Apps.Registered merchant = apps.byMchid(auth.mchid())
                .orElseThrow(() -> PayException.sign("mchid " + auth.mchid() + " is not bound to any account"));
        if (!auth.serialNo().equals(merchant.app().merchantSerial())) {
            throw PayException.sign("serial_no " + auth.serialNo() + " is not the merchant certificate's serial");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(auth.timestamp());
        } catch (NumberFormatException e) {
            throw PayException.sign("timestamp is not a number of seconds");
        }
        if (Math.abs(System.currentTimeMillis() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
            throw PayException.sign("timestamp is more than 5 minutes away from the server's time");
        }
        String query = ctx.queryString();
        String target = ctx.req().getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query);
        String message = PaySignatures.requestMessage(ctx.method().name(), target, auth.timestamp(), auth.nonce(),
                ctx.body());
        if (!PaySignatures.verify(merchant.merchantKey(), message, auth.signature())) {
            throw PayException.sign("the signature does not match the request and the merchant's public key");
        }
        if (!rateLimiter.tryAcquire(auth.mchid(), System.currentTimeMillis())) {
            throw new PayException(429, "RATELIMIT_EXCEEDED", "接口请求频率达到限制");
        }
        return merchant;
    }

    static ObjectNode payBody(Context ctx) {
        try {
            return Json.parseObject(ctx.body());
        } catch (WxException e) {
            throw new PayException(400, "PARAM_ERROR", "the body must be a JSON object");
        }
    }

    private String importMember(Context ctx, Apps.Registered merchant) {
        ObjectNode request = payBody(ctx);
        String openid = payText(request, "openid");
        String outRequestNo = payText(request, "out_request_no");
        if (openid == null || openid.isBlank()) {
            throw PayException.param("openid", "is required");
        }
        if (outRequestNo == null || outRequestNo.isBlank()) {
            throw PayException.param("out_request_no", "is required");
        }
        if (outRequestNo.length() > 128) {
            throw PayException.param("out_request_no", "is longer than 128 characters");
        }
        String code = payText(request, "code");
        return payImport.importMember(merchant, ctx.pathParam("card_id"), openid, code == null || code.isEmpty()
                ? null : code, outRequestNo);
    }

    /** {@code GET .../user/cards?openid&appid?&offset&limit}: offset and limit (at most 20) are required. */
    private ObjectNode userCards(Context ctx, Apps.Registered merchant) {
        String openid = ctx.queryParam("openid");
        if (openid == null || openid.isBlank()) {
            throw PayException.param("openid", "is required");
        }
        int offset = intParam(ctx, "offset", 0, Integer.MAX_VALUE);
        int limit = intParam(ctx, "limit", 1, 20);
        return payImport.userCards(merchant, openid, offset, limit);
    }

    private static int intParam(Context ctx, String name, int min, int max) {
        try {
            int value = Integer.parseInt(String.valueOf(ctx.queryParam(name)));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw PayException.param(name, "must be a number from " + min + " to " + max);
    }

    /**
     * {@code GET /v3/certificates}: every platform certificate valid now, each encrypted with AEAD_AES_256_GCM under
     * the merchant's APIv3 key (nonce: 12 random characters, associated_data "certificate").
     */
    private ObjectNode certificates(Apps.Registered merchant) {
        String apiV3Key = merchant.app().apiV3Key();
        if (apiV3Key == null || apiV3Key.isEmpty()) {
            throw new PayException(400, "INVALID_REQUEST",
                    "the sandbox has no APIv3 key for this merchant: register the account with api_v3_key");
        }
        ObjectNode answer = Json.object();
        var data = answer.putArray("data");
        for (PlatformKey.Listed listed : platformKey.listed()) {
            String nonce = randomNonce();
            ObjectNode row = data.addObject().put("serial_no", listed.serial())
                    .put("effective_time", rfc3339(listed.effective())).put("expire_time", rfc3339(listed.expire()));
            row.putObject("encrypt_certificate").put("algorithm", "AEAD_AES_256_GCM").put("nonce", nonce)
                    .put("associated_data", "certificate")
                    .put("ciphertext", PaySignatures.aeadEncrypt(apiV3Key, nonce, "certificate",
                            listed.certificatePem()));
        }
        return answer;
    }

    static String rfc3339(java.time.Instant instant) {
        return RFC3339.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private String randomNonce() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder nonce = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            nonce.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return nonce.toString();
    }

    static String payText(ObjectNode request, String field) {
        try {
            return Json.text(request, field);
        } catch (WxException e) {
            throw PayException.param(field, "must be a string");
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
            case HTTP_5XX, BUSY -> answer(ctx, 500,
                    new PayException(500, "SYSTEM_ERROR", "system busy, retry with the same parameters").body(),
                    platformKey.signer());
        }
        return true;
    }

    /** Writes a signed answer: Wechatpay-Timestamp/Nonce/Signature/Serial over TIMESTAMP\nNONCE\nBODY\n. */
    private void answer(Context ctx, int status, ObjectNode body, PlatformKey.Signer signer) {
        String json = body == null ? "" : Json.write(body); // 204: signed over the empty body
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes).toUpperCase(Locale.ROOT);
        ctx.status(status).contentType("application/json; charset=utf-8")
                .header("Request-ID", HexFormat.of().formatHex(nonceBytes, 0, 8))
                .header("Wechatpay-Timestamp", timestamp)
                .header("Wechatpay-Nonce", nonce)
                .header("Wechatpay-Serial", signer.serial())
                .header("Wechatpay-Signature", signer.sign(PaySignatures.responseMessage(timestamp, nonce, json)))
                .result(json.getBytes(StandardCharsets.UTF_8));
    }

    private void log(Context ctx, String appId, String code, Faults.Kind fault, long started) {
        calls.record(new CallLog.Call(System.currentTimeMillis(), ctx.method().name(), ctx.path(), appId, null,
                code, fault == Faults.Kind.DROP ? 0 : ctx.statusCode(),
                fault == null ? null : fault.name().toLowerCase(Locale.ROOT), (System.nanoTime() - started) / 1_000_000));
    }
}
