package io.wxcard.adapter.wechat;

import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestTemplate;
import feign.Retryer;
import feign.Target;
import feign.codec.Encoder;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the HTTP clients: one JDK {@link HttpClient} (HTTP/1.1, no redirects) under two Feign interfaces, both over
 * {@link JdkFeignClient} (the answer read whole as bytes by the JDK client). Feign logs nothing
 * ({@link Logger.Level#NONE}: a logged request line would carry the access_token or the appsecret), has no request
 * interceptors, retries nothing (the adapter decides, per endpoint, in {@link CallRunner}), and turns every non-2xx
 * status into an {@link HttpStatusException} that names the status only. The Official Account API's JSON goes through
 * {@link JsonCodec} (a reader and a writer per type, made once).
 */
final class WechatHttp {

    /** What every Official Account request says of its JSON (see {@link OaApi}). */
    static final List<String> OA_HEADERS = List.of("Content-Type", "application/json; charset=utf-8",
            "Accept", "application/json");

    /** Official Account answers are small JSON; this only bounds what a broken or hostile server can make us hold. */
    static final int MAX_OA_ANSWER_BYTES = 16 * 1024 * 1024;

    private WechatHttp() {}

    static HttpClient httpClient(WechatSettings settings) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static OaApi officialAccountApi(WechatSettings settings, HttpClient client) {
        JsonCodec json = new JsonCodec(WechatJson.MAPPER);
        return Feign.builder()
                .client(new JdkFeignClient(client, OA_HEADERS, MAX_OA_ANSWER_BYTES, false))
                .encoder(json)
                .decoder(json)
                .errorDecoder((methodKey, response) -> new HttpStatusException(response.status()))
                .retryer(Retryer.NEVER_RETRY)
                .logger(new Logger.NoOpLogger())
                .logLevel(Logger.Level.NONE)
                .options(defaultOptions(settings))
                .target(new BaseUrlTarget<>(OaApi.class, settings.apiBaseUrl()));
    }

    static PayApi payApi(WechatSettings settings, HttpClient client) {
        return Feign.builder()
                .client(new JdkFeignClient(client, List.of(), PayMemberImport.MAX_ANSWER_BYTES, true))
                .encoder(new Encoder.Default())
                .retryer(Retryer.NEVER_RETRY)
                .logger(new Logger.NoOpLogger())
                .logLevel(Logger.Level.NONE)
                .options(defaultOptions(settings))
                .target(new BaseUrlTarget<>(PayApi.class, settings.payApiBaseUrl()));
    }

    static Request.Options defaultOptions(WechatSettings settings) {
        return new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false);
    }

    /**
     * Feign's {@code HardCodedTarget} without its per-call work: it builds the request URL twice and parses the base
     * URL into a {@code URI} on every call; this one prefixes the base URL (already checked by {@link WechatSettings},
     * no trailing slash, no query) to the expanded path and query once.
     */
    record BaseUrlTarget<T>(Class<T> type, String url) implements Target<T> {
        @Override
        public String name() {
            return url;
        }

        @Override
        public Request apply(RequestTemplate input) {
            if (!input.resolved()) {
                throw new IllegalStateException("template has not been resolved");
            }
            String pathAndQuery = input.url();
            return Request.create(Request.HttpMethod.valueOf(input.method()),
                    pathAndQuery.startsWith("http") ? pathAndQuery : url + pathAndQuery, input.headers(),
                    input.requestBody(), input);
        }

        @Override
        public String toString() {
            return "BaseUrlTarget[" + type.getSimpleName() + ", " + url + "]";
        }
    }
}
