package io.wxcard.adapter.wechat;

import feign.Request;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.adapter.wechat.CallRunner.Outcome;
import io.wxcard.adapter.wechat.CallRunner.Repeat;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import java.util.function.Function;

/**
 * Calls to the Official Account API with the account's access_token: the token from the {@link CredentialCache},
 * the attempts and back-off from the {@link CallRunner}, and on a token error (40001, 40014, 42001) the
 * compare-and-expire, one refresh and exactly one more try.
 */
final class OaCalls {

    private final CallRunner runner;
    private final CredentialCache accessTokens;

    OaCalls(CallRunner runner, CredentialCache accessTokens) {
        this.runner = runner;
        this.accessTokens = accessTokens;
    }

    <A extends WechatJson.Answer> Either<WechatError, A> call(WechatAccount account, Endpoint endpoint,
                                                              Function<TokenOptions, A> invocation) {
        return call(account, endpoint, invocation, runner.newDeadline());
    }

    <A extends WechatJson.Answer> Either<WechatError, A> call(WechatAccount account, Endpoint endpoint,
                                                              Function<TokenOptions, A> invocation,
                                                              Deadline deadline) {
        boolean[] tokenRetried = {false}; // one token retry per call, whatever the number of attempts
        return runner.run(endpoint, deadline, options -> attempt(account, endpoint, invocation, options, deadline,
                tokenRetried));
    }

    private <A extends WechatJson.Answer> Outcome<A> attempt(WechatAccount account, Endpoint endpoint,
                                                             Function<TokenOptions, A> invocation,
                                                             Request.Options options, Deadline deadline,
                                                             boolean[] tokenRetried) {
        Either<WechatError, String> token = accessTokens.current(account, deadline);
        if (token.isLeft()) {
            return Outcome.failure(token.getLeft(), Repeat.NEVER); // the token fetch had its own attempts
        }
        Outcome<A> outcome = invoke(endpoint, invocation, token.get(), options);
        if (refusedToken(outcome) && !tokenRetried[0]) {
            tokenRetried[0] = true;
            accessTokens.expire(account, token.get());
            Either<WechatError, String> fresh = accessTokens.current(account, deadline);
            if (fresh.isLeft()) {
                return Outcome.failure(fresh.getLeft(), Repeat.NEVER);
            }
            outcome = invoke(endpoint, invocation, fresh.get(), runner.optionsWithin(deadline));
        }
        if (refusedToken(outcome)) {
            WechatError refusal = outcome.error();
            return Outcome.failure(new WechatError(Kind.INVALID_TOKEN, refusal.code(),
                    refusal.message() + " (refused again with a freshly fetched token)"), Repeat.NEVER);
        }
        return outcome;
    }

    private static <A extends WechatJson.Answer> Outcome<A> invoke(Endpoint endpoint,
                                                                   Function<TokenOptions, A> invocation,
                                                                   String token, Request.Options options) {
        return CallRunner.attempt(endpoint, () -> invocation.apply(new TokenOptions(options, token))).redacting(token);
    }

    private static boolean refusedToken(Outcome<?> outcome) {
        return !outcome.succeeded() && Option.of(outcome.error().code()).exists(OaCalls::isTokenErrcode);
    }

    private static boolean isTokenErrcode(String code) {
        try {
            return ErrorCodes.isTokenError(Long.parseLong(code));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
