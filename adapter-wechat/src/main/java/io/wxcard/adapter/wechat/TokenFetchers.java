package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.wxcard.adapter.wechat.CredentialCache.Fetched;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.application.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Where new credentials come from: {@code /cgi-bin/token} (or {@code /cgi-bin/stable_token}) for the access_token,
 * {@code /cgi-bin/ticket/getticket?type=wx_card} for the card ticket.
 */
final class TokenFetchers {

    private TokenFetchers() {}

    /** WeChat allows a forced stable_token refresh 20 times a day, at least 30 s apart. */
    static final Duration FORCE_SPACING = Duration.ofSeconds(30);

    /**
     * The access_token fetcher. With {@code stable_token}, WeChat answers the current token while it has time left;
     * if that is the very token WeChat just refused, one {@code force_refresh} follows: at most one per refused token
     * (the refused value is compare-and-expired once, and only the lease holder fetches), never within 30 s of this
     * instance's previous one. A forced call WeChat did not carry out (it answers the refused token again, as it does
     * within 30 s) is QUOTA, never published; the caller's error says when to expect a new token.
     */
    static CredentialCache.Fetcher accessToken(TokenApi api, boolean stable, Clock clock) {
        ConcurrentMap<String, Instant> lastForced = new ConcurrentHashMap<>();
        return (account, refused) -> {
            if (!stable) {
                return fetched(account, () -> api.token(account.appId().value(), account.appSecret().reveal()));
            }
            Either<WechatError, Fetched> current = stableToken(api, account, false);
            if (current.isLeft() || !refused.contains(current.get().value())) {
                return current;
            }
            String appId = account.appId().value();
            Instant now = clock.now();
            Instant previous = lastForced.get(appId);
            if (previous != null && now.isBefore(previous.plus(FORCE_SPACING))) {
                return Either.left(notRefreshed("WeChat still answers the access_token it refused, and its forced "
                        + "refresh must wait 30 s after the previous one (until " + previous.plus(FORCE_SPACING) + ")"));
            }
            lastForced.put(appId, now);
            Either<WechatError, Fetched> forced = stableToken(api, account, true);
            if (forced.isRight() && refused.contains(forced.get().value())) {
                return Either.left(notRefreshed("WeChat did not carry out the forced stable_token refresh (it "
                        + "answered the refused access_token again: another caller forced one less than 30 s ago)"));
            }
            return forced;
        };
    }

    private static WechatError notRefreshed(String why) {
        return new WechatError(Kind.QUOTA, "stable_token_not_refreshed", why);
    }

    private static Either<WechatError, Fetched> stableToken(TokenApi api, WechatAccount account, boolean force) {
        OaJson.StableTokenRequest request = new OaJson.StableTokenRequest("client_credential",
                account.appId().value(), account.appSecret().reveal(), force);
        return fetched(account, () -> api.stableToken(request));
    }

    /** The {@code wx_card} ticket fetcher: a call with the access_token like any other. */
    static CredentialCache.Fetcher cardTicket(OaClients clients) {
        return (account, refused) -> clients.call(account, OaApi::cardTicket)
                .flatMap(answer -> present(answer.ticket(), answer.expiresIn(), "ticket"));
    }

    /**
     * The answer's token (success answers carry no errcode; {@code errcode:0} is read as success too); an error never
     * repeats the appsecret, should WeChat have echoed it. 40001 from a token endpoint means a wrong AppSecret
     * (WeChat's global code table), not a stale token: FORBIDDEN, said so.
     */
    private static Either<WechatError, Fetched> fetched(WechatAccount account, Supplier<OaJson.TokenAnswer> call) {
        String secret = account.appSecret().reveal();
        return WechatHttp.either(call)
                .mapLeft(e -> secret.isEmpty() || !e.message().contains(secret) ? e
                        : new WechatError(e.kind(), e.code(), e.message().replace(secret, "[redacted]")))
                .mapLeft(e -> !"40001".equals(e.code()) ? e : new WechatError(Kind.FORBIDDEN, e.code(),
                        "WeChat refused the AppSecret of appid " + account.appId().value() + " (40001 from the token "
                                + "endpoint: the AppSecret is wrong or was reset; check it): " + e.message()))
                .flatMap(a -> present(a.accessToken(), a.expiresIn(), "access_token"));
    }

    private static Either<WechatError, Fetched> present(String value, Long expiresIn, String field) {
        if (value == null || value.isBlank() || expiresIn == null || expiresIn <= 0) {
            return Either.left(new WechatError(Kind.TRANSIENT, "unreadable_answer",
                    "WeChat answered without " + field + " or expires_in"));
        }
        return Either.right(new Fetched(value, expiresIn));
    }
}
