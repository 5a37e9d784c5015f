package io.wxcard.adapter.wechat;

import dev.failsafe.RetryPolicy;
import feign.AsyncClient;
import feign.AsyncFeign;
import feign.Feign;
import feign.InvocationHandlerFactory;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.Response;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import feign.form.FormEncoder;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import io.vavr.control.Either;
import io.wxcard.adapter.wechat.WechatCallException.Repeat;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds the Feign clients: feign-java11's {@link Http2Client} over one JDK {@link HttpClient} (HTTP/1.1, no
 * redirects, the settings' timeouts), feign-jackson's codec (behind feign-form's encoder for multipart uploads) with {@link WechatJson#MAPPER}, an {@link ErrorDecoder}
 * for non-2xx answers, an {@link AnswerDecoder} for WeChat's errors answered with HTTP 200, Feign's retries off and
 * every call run by {@link Retries}. Feign logs nothing ({@link Logger.Level#NONE}: a logged request line would carry
 * the access_token or the appsecret).
 */
final class WechatHttp {

    private WechatHttp() {}

    static HttpClient httpClient(WechatSettings settings, Executor executor) {
        return HttpClient.newBuilder()
                .executor(executor)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The settings' timeouts, no redirects: the JDK client's own, so that Http2Client uses that client as it is. */
    private static Request.Options options(WechatSettings settings) {
        return new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false);
    }

    /** What every synchronous client shares. */
    private static Feign.Builder feign(WechatSettings settings, HttpClient http) {
        return Feign.builder()
                .client(new Http2Client(http))
                .options(options(settings))
                .retryer(Retryer.NEVER_RETRY)
                .logLevel(Logger.Level.NONE);
    }

    /**
     * An Official Account API: its JSON decoded and its errcodes thrown, each call run by {@link Retries} with
     * {@code outer} around its attempts (the token retry, or none); {@code interceptors} add the access_token.
     */
    static <T> T officialAccount(Class<T> api, WechatSettings settings, HttpClient http, Retries retries,
                                 RetryPolicy<Object> outer, RequestInterceptor... interceptors) {
        return feign(settings, http)
                .encoder(new FormEncoder(new JacksonEncoder(WechatJson.MAPPER))) // JSON, or multipart for uploads
                .decoder(new AnswerDecoder(new JacksonDecoder(WechatJson.MAPPER)))
                .errorDecoder(WechatHttp::httpStatusError)
                .requestInterceptors(List.of(interceptors))
                .invocationHandlerFactory(retrying(retries, outer))
                .target(api, settings.apiBaseUrl());
    }

    /**
     * {@link #officialAccount} for an {@code AsyncFeign} interface (its methods answer {@link CompletableFuture}s):
     * the same codec, errors and interceptors over the same JDK client, sent on {@code calls} (see
     * {@link WechatThreads} for why not {@code sendAsync}), each call run by {@link Retries#runAsync}.
     */
    static <T> T officialAccountAsync(Class<T> api, WechatSettings settings, HttpClient http, ExecutorService calls,
                                      Retries retries, RetryPolicy<Object> outer, RequestInterceptor... interceptors) {
        return AsyncFeign.<Object>builder()
                .client(new AsyncClient.Default<>(new Http2Client(http), calls))
                .options(options(settings))
                .retryer(Retryer.NEVER_RETRY)
                .logLevel(Logger.Level.NONE)
                .encoder(new JacksonEncoder(WechatJson.MAPPER))
                .decoder(new AnswerDecoder(new JacksonDecoder(WechatJson.MAPPER)))
                .errorDecoder(WechatHttp::httpStatusError)
                .requestInterceptors(List.of(interceptors))
                .invocationHandlerFactory(retryingAsync(retries, outer))
                .target(api, settings.apiBaseUrl());
    }

    /** WeChat Pay v3: bytes out as signed, the raw answer back (its signature covers the exact bytes). */
    static PayApi pay(WechatSettings settings, HttpClient http) {
        return feign(settings, http)
                .encoder(new Encoder.Default())
                .target(PayApi.class, settings.payApiBaseUrl()); // retried by PayMemberImport through Retries
    }

    /** Feign's own proxy, with each interface method's call run by {@link Retries} under its {@link RepeatSafe}. */
    private static InvocationHandlerFactory retrying(Retries retries, RetryPolicy<Object> outer) {
        return (target, dispatch) -> {
            InvocationHandler feign = new InvocationHandlerFactory.Default().create(target, dispatch);
            return (proxy, method, args) -> method.getDeclaringClass() == Object.class
                    ? feign.invoke(proxy, method, args)
                    : retries.run(method, outer, () -> feign.invoke(proxy, method, args));
        };
    }

    @SuppressWarnings("unchecked")
    private static InvocationHandlerFactory retryingAsync(Retries retries, RetryPolicy<Object> outer) {
        return (target, dispatch) -> {
            InvocationHandler feign = new InvocationHandlerFactory.Default().create(target, dispatch);
            return (proxy, method, args) -> method.getDeclaringClass() == Object.class
                    ? feign.invoke(proxy, method, args)
                    : retries.runAsync(method, outer, () -> (CompletableFuture<Object>) invoke(feign, proxy, method, args));
        };
    }

    private static Object invoke(InvocationHandler handler, Object proxy, java.lang.reflect.Method method, Object[] args) {
        try {
            return handler.invoke(proxy, method, args);
        } catch (Throwable failure) {
            return CompletableFuture.failedFuture(failure); // an interceptor (the token) can fail before sending
        }
    }

    /** A call through one of the clients, as the ports answer it. */
    static <T> Either<WechatError, T> either(Supplier<T> call) {
        try {
            return Either.right(call.get());
        } catch (WechatCallException e) {
            return Either.left(e.error());
        }
    }

    /** An asynchronous call, as the ports answer it; a failure other than WeChat's stays a technical one. */
    static <T> CompletableFuture<Either<WechatError, T>> eitherAsync(CompletableFuture<T> call) {
        return call.handle((answer, failure) -> {
            if (failure == null) {
                return Either.right(answer);
            }
            if (Retries.unwrapped(failure) instanceof WechatCallException e) {
                return Either.left(e.error());
            }
            throw new CompletionException(Retries.unwrapped(failure));
        });
    }

    /** A non-2xx answer: its status is all that is read (a gateway's page is no WeChat answer). */
    private static Exception httpStatusError(String methodKey, Response response) {
        int status = response.status();
        return new WechatCallException(new WechatError(ErrorCodes.ofHttpStatus(status), "http_" + status,
                pathOf(response.request()) + " answered HTTP " + status + " without a WeChat answer"),
                status >= 500 || status == 408 ? Repeat.MAYBE_APPLIED : Repeat.NEVER);
    }

    /**
     * feign-jackson's decoder, then WeChat's own error check: an answer with a non-zero {@code errcode} (WeChat says
     * so with HTTP 200) is thrown as its typed error; -1 (system busy) may be repeated, nothing else; an empty answer
     * is unreadable. A token error keeps the token it refused, for compare-and-expire; the errmsg never echoes it.
     */
    record AnswerDecoder(Decoder json) implements Decoder {
        @Override
        public Object decode(Response response, Type type) throws IOException {
            Object answer = json.decode(response, type);
            if (answer == null) {
                throw new WechatCallException(new WechatError(Kind.TRANSIENT, "unreadable_answer",
                        pathOf(response.request()) + " answered an empty body"), Repeat.MAYBE_APPLIED);
            }
            if (answer instanceof WechatJson.Answer wechat && !wechat.succeeded()) {
                long errcode = wechat.errcode();
                String token = accessTokenOf(response.request());
                String errmsg = token == null || wechat.errmsg() == null ? wechat.errmsg()
                        : wechat.errmsg().replace(token, "[redacted]");
                throw new WechatCallException(ErrorCodes.ofAnswer(errcode, errmsg),
                        errcode == -1 ? Repeat.MAYBE_APPLIED : Repeat.NEVER,
                        ErrorCodes.isTokenError(errcode) ? token : null);
            }
            return answer;
        }
    }

    /** The request's path, never its query (which carries the access_token or the appsecret). */
    static String pathOf(Request request) {
        return request == null ? "WeChat" : URI.create(request.url()).getRawPath();
    }

    private static String accessTokenOf(Request request) {
        String query = request == null ? null : URI.create(request.url()).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("access_token=")) {
                return URLDecoder.decode(parameter.substring("access_token=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
