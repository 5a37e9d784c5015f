package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.wxcard.adapter.wechat.CredentialCache.Fetched;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;

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
    static CredentialCache.Fetcher accessToken(OaApi api, CallRunner runner, boolean stable) {
        return (account, deadline, refused) -> {
            if (!stable) {
                return fetched(runner.run(Endpoint.TOKEN, deadline, options -> CallRunner.attempt(Endpoint.TOKEN,
                        () -> api.token(account.appId().value(), account.appSecret().reveal(), options))
                        .redacting(account.appSecret().reveal())));
            }
            Either<WechatError, Fetched> current = stableToken(api, runner, account, deadline, false);
            if (current.isRight() && refused.contains(current.get().value())) {
                return stableToken(api, runner, account, deadline, true);
            }
            return current;
        };
    }

    private static Either<WechatError, Fetched> stableToken(OaApi api, CallRunner runner, WechatAccount account,
                                                            Deadline deadline, boolean force) {
        OaJson.StableTokenRequest request = new OaJson.StableTokenRequest("client_credential",
                account.appId().value(), account.appSecret().reveal(), force);
        return fetched(runner.run(Endpoint.STABLE_TOKEN, deadline, options -> CallRunner.attempt(Endpoint.STABLE_TOKEN,
                () -> api.stableToken(request, options)).redacting(account.appSecret().reveal())));
    }

    /** The {@code wx_card} ticket fetcher: a call with the access_token like any other. */
    static CredentialCache.Fetcher cardTicket(OaApi api, OaCalls calls) {
        return (account, deadline, refused) -> calls.call(account, Endpoint.CARD_TICKET, api::cardTicket, deadline)
                .flatMap(answer -> present(answer.ticket(), answer.expiresIn(), "ticket"));
    }

    private static Either<WechatError, Fetched> fetched(Either<WechatError, OaJson.TokenAnswer> answer) {
        return answer.flatMap(a -> present(a.accessToken(), a.expiresIn(), "access_token"));
    }

    private static Either<WechatError, Fetched> present(String value, Long expiresIn, String field) {
        if (value == null || value.isBlank() || expiresIn == null || expiresIn <= 0) {
            return Either.left(new WechatError(Kind.TRANSIENT, "unreadable_answer",
                    "WeChat answered without " + field + " or expires_in"));
        }
        return Either.right(new Fetched(value, expiresIn));
    }
}
