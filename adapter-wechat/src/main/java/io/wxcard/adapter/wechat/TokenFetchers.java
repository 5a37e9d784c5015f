package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.wxcard.adapter.wechat.CredentialCache.Fetched;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import java.util.function.Supplier;

/**
 * Where new credentials come from: {@code /cgi-bin/token} (or {@code /cgi-bin/stable_token}) for the access_token,
 * {@code /cgi-bin/ticket/getticket?type=wx_card} for the card ticket.
 */
final class TokenFetchers {

    private TokenFetchers() {}

    /**
     * The access_token fetcher. With {@code stable_token}, WeChat answers the current token while it has time left;
     * if that is the very token WeChat just refused, one {@code force_refresh} follows.
     */
    static CredentialCache.Fetcher accessToken(TokenApi api, boolean stable) {
        return (account, refused) -> {
            if (!stable) {
                return fetched(account, () -> api.token(account.appId().value(), account.appSecret().reveal()));
            }
            Either<WechatError, Fetched> current = stableToken(api, account, false);
            if (current.isRight() && refused.contains(current.get().value())) {
                return stableToken(api, account, true);
            }
            return current;
        };
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

    /** The answer's token; an error never repeats the appsecret, should WeChat have echoed it. */
    private static Either<WechatError, Fetched> fetched(WechatAccount account, Supplier<OaJson.TokenAnswer> call) {
        String secret = account.appSecret().reveal();
        return WechatHttp.either(call)
                .mapLeft(e -> secret.isEmpty() || !e.message().contains(secret) ? e
                        : new WechatError(e.kind(), e.code(), e.message().replace(secret, "[redacted]")))
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
