package io.wxcard.adapter.wechat;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import dev.failsafe.function.CheckedSupplier;
import feign.FeignException;
import feign.RequestLine;
import io.wxcard.adapter.wechat.WechatCallException.Repeat;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry mechanism of the adapter, on Failsafe: per call, a deadline ({@link WechatSettings#callDeadline()},
 * token refresh, attempts and back-off included; the waiting thread is interrupted when it passes), at most
 * {@link #MAX_ATTEMPTS} attempts with jittered exponential back-off, and what is repeated decided by the endpoint's
 * {@link RepeatSafe} on its Feign interface. Feign itself retries nothing ({@code Retryer.NEVER_RETRY}).
 * Nothing here logs or keeps a URL or a Feign message (those name the URL, and the URL holds the access_token).
 */
final class Retries {
    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

    /** Attempts per call, the first one included (a token retry comes on top, once). */
    static final int MAX_ATTEMPTS = 3;
    /** A repeat with less time than this left before the deadline is not started. */
    static final Duration SMALLEST_ATTEMPT = Duration.ofMillis(50);

    private final Duration callDeadline;
    private final FailsafeExecutor<Object> repeatSafe;
    private final FailsafeExecutor<Object> notRepeatSafe;

    Retries(WechatSettings settings) {
        this.callDeadline = settings.callDeadline();
        Timeout<Object> deadline = Timeout.builder(callDeadline).withInterrupt().build();
        this.repeatSafe = Failsafe.with(deadline).compose(policy(settings, e -> repeat(e) != Repeat.NEVER));
        this.notRepeatSafe = Failsafe.with(deadline).compose(policy(settings, e -> repeat(e) == Repeat.NOT_APPLIED));
    }

    private static RetryPolicy<Object> policy(WechatSettings settings, java.util.function.Predicate<Throwable> when) {
        return RetryPolicy.builder()
                .handleIf(when::test)
                .withMaxAttempts(MAX_ATTEMPTS)
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                .withJitter(0.5)
                .withMaxDuration(settings.callDeadline())
                .onRetry(event -> LOG.debug("WeChat call failed ({}), attempt {} of {}",
                        describe(event.getLastException()), event.getAttemptCount() + 1, MAX_ATTEMPTS))
                .build();
    }

    /** A policy that retries a token refusal exactly once, after {@code expire} has dropped the refused token. */
    static RetryPolicy<Object> onceWithFreshToken(Consumer<String> expire) {
        return RetryPolicy.builder()
                .handleIf(e -> e instanceof WechatCallException call && call.refusedToken() != null)
                .withMaxRetries(1)
                .onRetry(event -> expire.accept(((WechatCallException) event.getLastException()).refusedToken()))
                .build();
    }

    /**
     * Runs one call of {@code endpoint} (a Feign interface method) under its policy, {@code outer} around the
     * attempts (the token retry, or none). Throws a {@link WechatCallException}, whatever went wrong.
     */
    <T> T run(Method endpoint, RetryPolicy<Object> outer, CheckedSupplier<T> call) {
        String name = endpointName(endpoint);
        FailsafeExecutor<Object> executor = endpoint.isAnnotationPresent(RepeatSafe.class) ? repeatSafe : notRepeatSafe;
        int[] attempts = {0};
        try {
            @SuppressWarnings("unchecked")
            T result = (T) (outer == null ? executor : executor.compose(outer)).get(context -> {
                if (context.getAttemptCount() > 0
                        && context.getElapsedTime().plus(SMALLEST_ATTEMPT).compareTo(callDeadline) > 0) {
                    WechatCallException last = (WechatCallException) context.getLastException();
                    throw new WechatCallException(last.error(), Repeat.NEVER); // no time left: stop, say why
                }
                attempts[0]++;
                try {
                    return call.get();
                } catch (Throwable failure) {
                    throw classified(failure, name);
                }
            });
            return result;
        } catch (TimeoutExceededException e) {
            throw new WechatCallException(new WechatError(Kind.TRANSIENT, "deadline", "no answer from " + name
                    + " within the call deadline of " + callDeadline.toMillis() + " ms"), Repeat.NEVER);
        } catch (WechatCallException e) {
            throw attempts[0] <= 1 ? e : new WechatCallException(new WechatError(e.error().kind(), e.error().code(),
                    e.error().message() + " (after " + attempts[0] + " attempts)"), Repeat.NEVER);
        }
    }

    /** The endpoint's path, for errors and logs: {@code /card/get} from {@code @RequestLine("POST /card/get")}. */
    static String endpointName(Method endpoint) {
        RequestLine line = endpoint.getAnnotation(RequestLine.class);
        if (line == null) {
            return endpoint.getName();
        }
        String target = line.value().substring(line.value().indexOf(' ') + 1);
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    private static Repeat repeat(Throwable failure) {
        return failure instanceof WechatCallException call ? call.repeat() : Repeat.NEVER;
    }

    private static String describe(Throwable failure) {
        return failure instanceof WechatCallException call ? call.error().kind() + " " + call.error().code()
                : failure.getClass().getSimpleName();
    }

    /** Any failure of one attempt as a {@link WechatCallException}, told apart by whether it can have reached WeChat. */
    static WechatCallException classified(Throwable failure, String endpoint) {
        if (failure instanceof WechatCallException call) {
            return call;
        }
        Throwable cause = ioCause(failure);
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return network("could not connect to WeChat for " + endpoint, Repeat.NOT_APPLIED);
        }
        if (cause instanceof HttpTimeoutException) {
            return network("no answer from " + endpoint + " in time", Repeat.MAYBE_APPLIED);
        }
        if (cause instanceof com.fasterxml.jackson.core.JacksonException || failure instanceof feign.codec.DecodeException) {
            return new WechatCallException(new WechatError(Kind.TRANSIENT, "unreadable_answer",
                    endpoint + " answered something that is not WeChat's JSON"), Repeat.MAYBE_APPLIED);
        }
        if (cause != null) {
            return network("the connection failed during " + endpoint + " (" + cause.getClass().getSimpleName() + ")",
                    Repeat.MAYBE_APPLIED);
        }
        String what = failure instanceof FeignException ? "FeignException" : failure.getClass().getSimpleName();
        return network("calling " + endpoint + " failed (" + what + ")", Repeat.MAYBE_APPLIED);
    }

    private static WechatCallException network(String message, Repeat repeat) {
        return new WechatCallException(new WechatError(Kind.TRANSIENT, "network", message), repeat);
    }

    /** The most telling IOException in the chain: java.net.http wraps the connect failure and the timeout. */
    private static Throwable ioCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                for (Throwable deeper = t.getCause(); deeper != null; deeper = deeper.getCause()) {
                    if (deeper instanceof ConnectException || deeper instanceof HttpTimeoutException) {
                        return deeper;
                    }
                }
                return t;
            }
        }
        return null;
    }
}
