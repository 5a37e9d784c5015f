package io.wxcard.adapter.rest;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRouting;
import io.vavr.control.Option;
import io.wxcard.application.port.in.AuthenticateApiKeyQuery;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.StoreUnavailableException;
import io.wxcard.domain.tenant.Tenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every request goes through: a request id, the API key of {@code /v1} routes, the route's action, and the
 * turning of every failure into an RFC 9457 problem: never a stack trace, never a 500 without a request id in the log.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final String REQUEST_ID = "X-Request-Id";
    static final String ROUTE = "wxcard.route";
    static final String TENANT = "wxcard.tenant";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final AuthenticateApiKeyQuery authenticateApiKey;
    private final long maxBodyBytes;
    private final List<Route> routes;

    Dispatcher(AuthenticateApiKeyQuery authenticateApiKey, long maxBodyBytes, List<Route> routes) {
        this.authenticateApiKey = authenticateApiKey;
        this.maxBodyBytes = maxBodyBytes;
        this.routes = List.copyOf(routes);
    }

    List<Route> routes() {
        return routes;
    }

    /** Keeps the caller's X-Request-Id when it is harmless to echo and log, or makes one. */
    void assignRequestId(Context ctx) {
        String given = ctx.header(REQUEST_ID);
        String id = given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.attribute(REQUEST_ID, id);
        ctx.header(REQUEST_ID, id);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        MDC.put("request_id", id);
    }

    void dispatch(Route route, Context ctx) throws Exception {
        ctx.attribute(ROUTE, route.path());
        Tenant tenant = route.authenticated() ? authenticate(ctx) : null;
        Call call = new Call(ctx, route, tenant, maxBodyBytes);
        if (route.strictQuery()) {
            call.refuseUnknownQueryParameters();
        }
        route.action().run(call);
    }

    private Tenant authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized("this route needs an API key: send Authorization: Bearer <API key>", false);
        }
        if (header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("Authorization must be Bearer <API key>", false);
        }
        String key = header.substring(7).trim();
        Option<Tenant> tenant = key.isEmpty() ? Option.none() : authenticateApiKey.authenticate(key);
        if (tenant.isEmpty()) {
            throw unauthorized("the API key is not valid (revoked, rotated or mistyped)", true);
        }
        ctx.attribute(TENANT, tenant.get().id().value());
        return tenant.get();
    }

    private static ApiProblem.Answer unauthorized(String detail, boolean keyGiven) {
        return ApiProblem.of(ProblemType.UNAUTHORIZED, detail).with("key_given", keyGiven).toAnswer();
    }

    // ---- failures -----------------------------------------------------------------------------------------------

    void mapErrors(JavalinDefaultRouting router) {
        router.exception(ApiProblem.Answer.class, (answer, ctx) -> write(ctx, answer.problem));
        router.exception(HttpResponseException.class, (e, ctx) -> write(ctx, problemOf(e, ctx)));
        router.exception(ConcurrentUpdateException.class, (e, ctx) -> write(ctx, ApiProblem.of(
                ProblemType.CONCURRENT_UPDATE, "someone else changed the same thing at the same time; nothing was "
                        + "changed, try again")));
        router.exception(StoreUnavailableException.class, (e, ctx) -> {
            LOG.warn("{} {}: the database is out of reach [request id {}]: {}", ctx.method(), ctx.path(),
                    ctx.attribute(REQUEST_ID), e.getMessage());
            write(ctx, ApiProblem.of(ProblemType.DATABASE_UNAVAILABLE, "the database could not be reached; whether "
                    + "a change in flight was stored is not known: repeat it with the same Idempotency-Key, which "
                    + "applies it once"));
        });
        router.exception(ArithmeticException.class, (e, ctx) -> {
            LOG.warn("{} {}: a number overflowed [request id {}]", ctx.method(), ctx.path(), ctx.attribute(REQUEST_ID), e);
            write(ctx, ApiProblem.of(ProblemType.INVALID_INPUT, "a number is too large to add up; nothing was changed"));
        });
        router.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed [request id {}]", ctx.method(), ctx.path(), ctx.attribute(REQUEST_ID), e);
            write(ctx, ApiProblem.of(ProblemType.INTERNAL_ERROR, "something failed on our side; nothing is known to "
                    + "have changed. Quote the request id when you report it."));
        });
    }

    private ApiProblem problemOf(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> ApiProblem.of(ProblemType.NOT_FOUND, "there is no route " + ctx.method() + " "
                    + Call.abbreviate(ctx.path()) + "; /openapi.json lists them");
            case 405 -> {
                String allowed = allowedMethods(ctx.path());
                ctx.header("Allow", allowed);
                yield ApiProblem.of(ProblemType.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed here; allowed: " + allowed);
            }
            case 413 -> ApiProblem.of(ProblemType.BODY_TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes");
            default -> new ApiProblem(e.getStatus(), "about:blank", "HTTP " + e.getStatus(),
                    e.getMessage() == null ? "" : e.getMessage(), List.of(), Map.of());
        };
    }

    private String allowedMethods(String path) {
        return routes.stream().filter(route -> route.matches(path)).map(Route::method).distinct().sorted()
                .collect(Collectors.joining(", "));
    }

    /** Writes the problem as application/problem+json, with the request id the log line carries. */
    static void write(Context ctx, ApiProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", ctx.path());
        body.put("request_id", ctx.attribute(REQUEST_ID));
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors().stream()
                    .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        }
        body.putAll(problem.extensions());
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", Boolean.TRUE.equals(problem.extensions().get("key_given"))
                    ? "Bearer realm=\"wxcard\", error=\"invalid_token\"" : "Bearer realm=\"wxcard\"");
            body.remove("key_given");
        }
        if (problem.status() == 503) {
            ctx.header("Retry-After", "30");
        }
        ctx.status(problem.status()).contentType("application/problem+json").result(Json.write(body));
    }
}
