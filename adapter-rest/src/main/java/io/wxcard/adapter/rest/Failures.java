package io.wxcard.adapter.rest;

import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.wechat.WechatError;

/** Turns a use case's {@link Failure} into the problem the caller sees. */
final class Failures {

    private Failures() {}

    static ApiProblem problemOf(Failure failure) {
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

    /** The value on the right, or the failure answered as a problem. */
    static <T> T orAnswer(Either<Failure, T> result) {
        if (result.isLeft()) {
            throw problemOf(result.getLeft()).toAnswer();
        }
        return result.get();
    }

    /** Like {@link #orAnswer(Either)}, with field paths of the domain's problems put under a prefix. */
    static <T> T orAnswer(Either<Failure, T> result, String fieldPrefix) {
        if (result.isLeft()) {
            throw problemOf(result.getLeft()).prefixed(fieldPrefix).toAnswer();
        }
        return result.get();
    }
}
