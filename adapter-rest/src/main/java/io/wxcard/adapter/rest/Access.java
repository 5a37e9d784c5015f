package io.wxcard.adapter.rest;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import io.vavr.control.Option;
import io.wxcard.application.port.in.AuthenticateApiKeyQuery;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Who may call a route, as Javalin route roles: {@link #API_KEY} routes (everything under {@code /v1}) need
 * {@code Authorization: Bearer <API key>}, checked in a before-matched handler; {@link #PUBLIC} ones are open (health,
 * metrics, the document) or signed otherwise (WeChat's pushes).
 */
enum Access implements RouteRole {
    PUBLIC,
    API_KEY;

    static final String REQUEST_ID = "X-Request-Id";
    static final String TENANT = "wxcard.tenant";
    static final String ROUTE = "wxcard.route";
    /** The longest request id taken from the caller. */
    static final int MAX_REQUEST_ID = 128;
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_REQUEST_ID + "}");

    /** The tenant whose API key came with the request; never taken from the request itself. */
    static Tenant caller(Context ctx) {
        Tenant tenant = ctx.attribute(TENANT);
        if (tenant == null) {
            throw new IllegalStateException("route " + ctx.endpointHandlerPath() + " is not an API_KEY route");
        }
        return tenant;
    }

    static TenantId tenant(Context ctx) {
        return caller(ctx).id();
    }

    /** Before every request: keeps the caller's X-Request-Id when it is harmless to echo and log, or makes one. */
    static void assignRequestId(Context ctx) {
        String given = ctx.header(REQUEST_ID);
        String id = given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.attribute(REQUEST_ID, id);
        ctx.header(REQUEST_ID, id);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        MDC.put("request_id", id);
    }

    /** The before-matched handler: an {@link #API_KEY} route answers 401 unless the key names a tenant. */
    static io.javalin.http.Handler checkApiKey(AuthenticateApiKeyQuery authenticate) {
        return ctx -> {
            ctx.attribute(ROUTE, ctx.endpointHandlerPath());
            if (!ctx.routeRoles().contains(API_KEY)) {
                return;
            }
            String header = ctx.header("Authorization");
            if (header == null || header.isBlank()) {
                throw unauthorized("this route needs an API key: send Authorization: Bearer <API key>", false);
            }
            if (header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw unauthorized("Authorization must be Bearer <API key>", false);
            }
            String key = header.substring(7).trim();
            Option<Tenant> tenant = key.isEmpty() ? Option.none() : authenticate.authenticate(key);
            if (tenant.isEmpty()) {
                throw unauthorized("the API key is not valid (revoked, rotated or mistyped)", true);
            }
            ctx.attribute(TENANT, tenant.get());
        };
    }

    private static ApiProblem.Answer unauthorized(String detail, boolean keyGiven) {
        return ApiProblem.of(ProblemType.UNAUTHORIZED, detail).with("key_given", keyGiven).toAnswer();
    }
}
