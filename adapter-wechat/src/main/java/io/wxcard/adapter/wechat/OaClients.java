package io.wxcard.adapter.wechat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import feign.RequestInterceptor;
import io.vavr.control.Either;
import io.wxcard.adapter.wechat.WechatCallException.Repeat;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatError;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * The Official Account API for each account: a Feign client whose {@link RequestInterceptor} adds the account's
 * access_token (from the {@link CredentialCache}) as the {@code access_token} query parameter, and whose calls, on a
 * token error (40001, 40014, 42001), compare-and-expire the refused token and are retried exactly once.
 *
 * <p>The clients are kept in a Caffeine cache: building one parses the interface (reflection), which is worth doing
 * once per account, not per call; the bound and the idle expiry keep accounts that are gone from piling up.
 */
final class OaClients {

    private final WechatSettings settings;
    private final HttpClient http;
    private final ExecutorService asyncCalls;
    private final Retries retries;
    private final CredentialCache accessTokens;
    private final Cache<WechatAccount, OaApi> clients = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();
    private final Cache<WechatAccount, OaMediaApi> mediaClients = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();
    private final Cache<WechatAccount, OaEngagementApi> engagementClients = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();
    private final Cache<WechatAccount, OaAsyncApi> asyncClients = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    OaClients(WechatSettings settings, HttpClient http, ExecutorService asyncCalls, Retries retries,
              CredentialCache accessTokens) {
        this.settings = settings;
        this.http = http;
        this.asyncCalls = asyncCalls;
        this.retries = retries;
        this.accessTokens = accessTokens;
    }

    /** Calls the account's client; a failure is the typed error the ports answer. */
    <A> Either<WechatError, A> call(WechatAccount account, Function<OaApi, A> invocation) {
        OaApi api = clients.get(account, this::client);
        return WechatHttp.either(() -> invocation.apply(api));
    }

    /** Calls the account's client for uploads (multipart); a failure is the typed error the ports answer. */
    <A> Either<WechatError, A> callMedia(WechatAccount account, Function<OaMediaApi, A> invocation) {
        OaMediaApi api = mediaClients.get(account, this::mediaClient);
        return WechatHttp.either(() -> invocation.apply(api));
    }

    /** Calls the account's client for tags, card messages and statistics (issue 17). */
    <A> Either<WechatError, A> callEngagement(WechatAccount account, Function<OaEngagementApi, A> invocation) {
        OaEngagementApi api = engagementClients.get(account, this::engagementClient);
        return WechatHttp.either(() -> invocation.apply(api));
    }

    /** Calls the account's asynchronous client; a WeChat failure is the typed error the ports answer. */
    <A> CompletableFuture<Either<WechatError, A>> callAsync(WechatAccount account,
                                                            Function<OaAsyncApi, CompletableFuture<A>> invocation) {
        OaAsyncApi api = asyncClients.get(account, this::asyncClient);
        return WechatHttp.eitherAsync(invocation.apply(api));
    }

    private OaApi client(WechatAccount account) {
        return WechatHttp.officialAccount(OaApi.class, settings, http, retries,
                Retries.onceWithFreshToken(refused -> accessTokens.expire(account, refused)), accessToken(account));
    }

    private OaMediaApi mediaClient(WechatAccount account) {
        return WechatHttp.officialAccount(OaMediaApi.class, settings, http, retries,
                Retries.onceWithFreshToken(refused -> accessTokens.expire(account, refused)), accessToken(account));
    }

    private OaEngagementApi engagementClient(WechatAccount account) {
        return WechatHttp.officialAccount(OaEngagementApi.class, settings, http, retries,
                Retries.onceWithFreshToken(refused -> accessTokens.expire(account, refused)), accessToken(account));
    }

    private OaAsyncApi asyncClient(WechatAccount account) {
        return WechatHttp.officialAccountAsync(OaAsyncApi.class, settings, http, asyncCalls, retries,
                Retries.onceWithFreshToken(refused -> accessTokens.expire(account, refused)), accessToken(account));
    }

    private RequestInterceptor accessToken(WechatAccount account) {
        return template -> template.query("access_token",
                accessTokens.current(account, Deadline.after(settings.callDeadline()))
                        .getOrElseThrow(error -> new WechatCallException(error, Repeat.NEVER)));
    }
}
