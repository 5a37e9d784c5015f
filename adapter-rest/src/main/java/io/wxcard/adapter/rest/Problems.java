package io.wxcard.adapter.rest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.StoreUnavailableException;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.shared.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure answered as an RFC 9457 problem, in one place ({@code app.exception(...)}): never a stack trace,
 * never a 500 without a request id in the log. Also how a use case's {@link Failure} becomes a problem.
 */
final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    static void register(Javalin app, long maxBodyBytes) {
        app.exception(ApiProblem.Answer.class, (answer, ctx) -> write(ctx, answer.problem));
        app.exception(ValidationException.class, (e, ctx) -> write(ctx, invalidParameters(e)));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, problemOf(e, ctx, maxBodyBytes)));
        app.exception(ConcurrentUpdateException.class, (e, ctx) -> write(ctx, ApiProblem.of(
                ProblemType.CONCURRENT_UPDATE, "someone else changed the same thing at the same time; nothing was "
                        + "changed, try again")));
        app.exception(StoreUnavailableException.class, (e, ctx) -> {
            LOG.warn("{} {}: the database is out of reach [request id {}]: {}", ctx.method(), ctx.path(),
                    ctx.attribute(Access.REQUEST_ID), e.getMessage());
            write(ctx, ApiProblem.of(ProblemType.DATABASE_UNAVAILABLE, "the database could not be reached; whether "
                    + "a change in flight was stored is not known: repeat it with the same Idempotency-Key, which "
                    + "applies it once"));
        });
        app.exception(ArithmeticException.class, (e, ctx) -> {
            LOG.warn("{} {}: a number overflowed [request id {}]", ctx.method(), ctx.path(),
                    ctx.attribute(Access.REQUEST_ID), e);
            write(ctx, ApiProblem.of(ProblemType.INVALID_INPUT, "a number is too large to add up; nothing was changed"));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed [request id {}]", ctx.method(), ctx.path(), ctx.attribute(Access.REQUEST_ID), e);
            write(ctx, ApiProblem.of(ProblemType.INTERNAL_ERROR, "something failed on our side; nothing is known to "
                    + "have changed. Quote the request id when you report it."));
        });
    }

    /** A query parameter or header Javalin's validators refused: 400 naming each one. */
    private static ApiProblem invalidParameters(ValidationException e) {
        List<Problem> problems = new ArrayList<>();
        e.getErrors().forEach((name, errors) -> {
            for (ValidationError<?> error : errors) {
                String message = error.getMessage().equals("TYPE_CONVERSION_FAILED")
                        ? "must be " + error.getArgs().getOrDefault("type", "another kind of value") + ", got "
                        + Params.abbreviate(String.valueOf(error.getValue()))
                        : error.getMessage();
                problems.add(new Problem(name, message));
            }
        });
        Problem first = problems.get(0);
        return ApiProblem.of(ProblemType.INVALID_REQUEST, first.field() + " " + first.message(), problems);
    }

    private static ApiProblem problemOf(HttpResponseException e, Context ctx, long maxBodyBytes) {
        return switch (e.getStatus()) {
            case 404 -> ApiProblem.of(ProblemType.NOT_FOUND, "there is no route " + ctx.method() + " "
                    + Params.abbreviate(ctx.path()) + "; /openapi.json lists them");
            case 405 -> {
                String allowed = String.join(", ", e.getDetails().values()).replace("[", "").replace("]", "");
                ctx.header("Allow", allowed);
                yield ApiProblem.of(ProblemType.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed here; allowed: "
                        + allowed);
            }
            case 413 -> ApiProblem.of(ProblemType.BODY_TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes");
            default -> new ApiProblem(e.getStatus(), "about:blank", "HTTP " + e.getStatus(),
                    e.getMessage() == null ? "" : e.getMessage(), List.of(), Map.of());
        };
    }

    /** The value on the right, or the failure answered as a problem. */
    static <T> T orAnswer(Either<Failure, T> result) {
        return result.getOrElseThrow(failure -> of(failure).toAnswer());
    }

    /** Like {@link #orAnswer(Either)}, with field paths of the domain's problems put under a prefix. */
    static <T> T orAnswer(Either<Failure, T> result, String fieldPrefix) {
        return result.getOrElseThrow(failure -> of(failure).prefixed(fieldPrefix).toAnswer());
    }

    static ApiProblem of(Failure failure) {
        if (failure instanceof Failure.Rejected rejected) {
            var rejection = rejected.rejection();
            return ApiProblem.rejected(rejection.code(), rejection.reason(), rejection.problems());
        }
        if (failure instanceof Failure.NotFound notFound) {
            return ApiProblem.of(ProblemType.NOT_FOUND, notFound.detail());
        }
        if (failure instanceof Failure.WechatFailed wechat) {
            WechatError error = wechat.error();
            ProblemType type = switch (error.kind()) {
                case QUOTA, TRANSIENT -> ProblemType.WECHAT_UNAVAILABLE;
                default -> ProblemType.WECHAT_FAILED;
            };
            // A call WeChat did not answer (busy, timed out, connection lost) may have been carried out on WeChat's
            // side all the same: saying "nothing was changed" would invite a blind retry of a non-idempotent call.
            String outcome = error.kind() == WechatError.Kind.TRANSIENT || error.kind() == WechatError.Kind.UNTRUSTED_ANSWER
                    ? "; nothing was changed here, but WeChat may have carried the call out before its answer was lost"
                    : "; nothing was changed";
            return ApiProblem.of(type, wechat.detail() + outcome)
                    .with("wechat_errcode", error.code())
                    .with("wechat_error_kind", error.kind().name());
        }
        if (failure instanceof Failure.Conflict conflict) {
            return ApiProblem.of(ProblemType.CONCURRENT_UPDATE, conflict.detail() + "; nothing was changed, try again");
        }
        throw new IllegalStateException("unknown failure " + failure.getClass().getName());
    }

    /** Writes the problem as application/problem+json, with the request id the log line carries. */
    static void write(Context ctx, ApiProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", ctx.path());
        body.put("request_id", ctx.attribute(Access.REQUEST_ID));
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
