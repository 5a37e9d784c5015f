package io.wxcard.adapter.wechat;

import feign.Request;
import feign.codec.DecodeException;
import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call to WeChat: attempts, bounded exponential back-off with jitter, and the caller's deadline. Which
 * failures are repeated on which endpoint is {@link Endpoint}'s decision; this class only applies it. Nothing here
 * logs or keeps a URL, a token or a Feign message (those name the URL, and the URL holds the access_token).
 */
final class CallRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CallRunner.class);

    /** Attempts per call, the first one included. */
    static final int MAX_ATTEMPTS = 3;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(1);
    /** An attempt with less time than this left is not started. */
    static final Duration SMALLEST_ATTEMPT = Duration.ofMillis(50);

    /** Whether an attempt's failure may be repeated. */
    enum Repeat {
        /** Never: quota, permission, our request, or any other answer WeChat gave on purpose. */
        NEVER,
        /** The request never reached WeChat: repeat on any endpoint. */
        NOT_APPLIED,
        /** WeChat may or may not have applied it: repeat only on an idempotent endpoint. */
        MAYBE_APPLIED
    }

    /** One attempt: a value, or an error with what may be done about it. */
    record Outcome<T>(T value, WechatError error, Repeat repeat) {
        static <T> Outcome<T> success(T value) {
            return new Outcome<>(value, null, Repeat.NEVER);
        }

        static <T> Outcome<T> failure(WechatError error, Repeat repeat) {
            return new Outcome<>(null, error, repeat);
        }

        boolean succeeded() {
            return error == null;
        }

        /** The same outcome, with {@code secret} cut out of the error message should WeChat have echoed it. */
        Outcome<T> redacting(String secret) {
            if (succeeded() || secret == null || secret.isEmpty() || !error.message().contains(secret)) {
                return this;
            }
            return failure(new WechatError(error.kind(), error.code(), error.message().replace(secret, "[redacted]")),
                    repeat);
        }
    }

    private final WechatSettings settings;
    /** The timeouts of every attempt that has the whole read timeout before its deadline: made once, not per call. */
    private final Request.Options fullOptions;
    private final long readTimeoutMillis;

    CallRunner(WechatSettings settings) {
        this.settings = settings;
        this.fullOptions = WechatHttp.defaultOptions(settings);
        this.readTimeoutMillis = settings.readTimeout().toMillis();
    }

    Deadline newDeadline() {
        return Deadline.after(settings.callDeadline());
    }

    /** Timeouts for one attempt: the read timeout, cut to what is left of the deadline. */
    Request.Options optionsWithin(Deadline deadline) {
        long remainingMillis = deadline.remainingMillis();
        if (remainingMillis >= readTimeoutMillis) {
            return fullOptions;
        }
        return new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                Math.max(1, remainingMillis), TimeUnit.MILLISECONDS, false);
    }

    <T> Either<WechatError, T> run(Endpoint endpoint, Deadline deadline, Function<Request.Options, Outcome<T>> attempt) {
        WechatError last = null;
        for (int n = 1; ; n++) {
            if (!deadline.allows(SMALLEST_ATTEMPT)) {
                return Either.left(last != null ? afterAttempts(last, n - 1) : new WechatError(Kind.TRANSIENT,
                        "deadline", "the call deadline of " + settings.callDeadline().toMillis()
                        + " ms passed before " + endpoint.path() + " could be called"));
            }
            Outcome<T> outcome = attempt.apply(optionsWithin(deadline));
            if (outcome.succeeded()) {
                return Either.right(outcome.value());
            }
            last = outcome.error();
            boolean repeatable = outcome.repeat() == Repeat.NOT_APPLIED
                    || outcome.repeat() == Repeat.MAYBE_APPLIED && endpoint.idempotent();
            if (!repeatable || n >= MAX_ATTEMPTS) {
                return Either.left(afterAttempts(last, n));
            }
            Duration pause = backoff(n);
            if (!deadline.allows(pause.plus(SMALLEST_ATTEMPT))) {
                return Either.left(afterAttempts(last, n));
            }
            LOG.debug("{} failed ({} {}), attempt {} of {} in {} ms", endpoint.path(), last.kind(), last.code(), n + 1,
                    MAX_ATTEMPTS, pause.toMillis());
            if (!sleep(pause)) {
                return Either.left(afterAttempts(last, n));
            }
        }
    }

    /** 100 ms, 200 ms, 400 ms ... at most 1 s, each drawn between half and all of it. */
    static Duration backoff(int failedAttempts) {
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(failedAttempts - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    private static WechatError afterAttempts(WechatError error, int attempts) {
        return attempts <= 1 ? error
                : new WechatError(error.kind(), error.code(), error.message() + " (after " + attempts + " attempts)");
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- one Official Account attempt -------------------------------------------------------------------------

    /** Calls WeChat once and classifies what came back; never throws. */
    static <A extends WechatJson.Answer> Outcome<A> attempt(Endpoint endpoint, Supplier<A> call) {
        A answer;
        try {
            answer = call.get();
        } catch (RuntimeException e) {
            return failure(endpoint, e);
        }
        if (answer == null) {
            return Outcome.failure(new WechatError(Kind.TRANSIENT, "unreadable_answer",
                    endpoint.path() + " answered an empty body"), Repeat.MAYBE_APPLIED);
        }
        if (answer.succeeded()) {
            return Outcome.success(answer);
        }
        long errcode = answer.errcode();
        WechatError error = ErrorCodes.ofAnswer(errcode, answer.errmsg());
        return Outcome.failure(error, errcode == -1 ? Repeat.MAYBE_APPLIED : Repeat.NEVER);
    }

    /** A failure without a WeChat answer, told apart by whether the request can have reached WeChat. */
    static <T> Outcome<T> failure(Endpoint endpoint, RuntimeException e) {
        if (e instanceof HttpStatusException status) {
            int code = status.status();
            Repeat repeat = code >= 500 || code == 408 ? Repeat.MAYBE_APPLIED : Repeat.NEVER;
            return Outcome.failure(new WechatError(ErrorCodes.ofHttpStatus(code), "http_" + code,
                    endpoint.path() + " answered HTTP " + code + " without a WeChat answer"), repeat);
        }
        if (e instanceof DecodeException) {
            return Outcome.failure(new WechatError(Kind.TRANSIENT, "unreadable_answer",
                    endpoint.path() + " answered something that is not WeChat's JSON"), Repeat.MAYBE_APPLIED);
        }
        Throwable cause = ioCause(e);
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return Outcome.failure(new WechatError(Kind.TRANSIENT, "network",
                    "could not connect to WeChat for " + endpoint.path()), Repeat.NOT_APPLIED);
        }
        if (cause instanceof HttpTimeoutException) {
            return Outcome.failure(new WechatError(Kind.TRANSIENT, "network",
                    "no answer from " + endpoint.path() + " in time"), Repeat.MAYBE_APPLIED);
        }
        if (cause != null) {
            return Outcome.failure(new WechatError(Kind.TRANSIENT, "network", "the connection failed during "
                    + endpoint.path() + " (" + cause.getClass().getSimpleName() + ")"), Repeat.MAYBE_APPLIED);
        }
        return Outcome.failure(new WechatError(Kind.TRANSIENT, "network", "calling " + endpoint.path() + " failed ("
                + e.getClass().getSimpleName() + ")"), Repeat.MAYBE_APPLIED);
    }

    private static Throwable ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                Throwable deeper = t.getCause();
                // java.net.http wraps the connect failure: prefer the most specific IOException in the chain
                while (deeper != null) {
                    if (deeper instanceof ConnectException || deeper instanceof HttpTimeoutException) {
                        return deeper;
                    }
                    deeper = deeper.getCause();
                }
                return t;
            }
        }
        return null;
    }
}
