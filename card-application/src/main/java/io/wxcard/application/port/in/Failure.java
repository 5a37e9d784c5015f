package io.wxcard.application.port.in;

import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.shared.Rejection;

/**
 * Why a use case did not do what was asked. A business rejection and WeChat's refusal are normal answers, carried to
 * the caller with their reasons; technical failures (a database down) are exceptions instead.
 */
public sealed interface Failure {

    /** A sentence a person can act on. */
    String detail();

    /** The domain said no: an illegal transition, or input that breaks WeChat's rules. */
    record Rejected(Rejection rejection) implements Failure {
        public String detail() {
            return rejection.reason();
        }
    }

    /** What the caller named does not exist (or belongs to another tenant). */
    record NotFound(String what) implements Failure {
        public String detail() {
            return what + " was not found";
        }
    }

    /** WeChat refused the call or could not be reached; nothing was changed here. */
    record WechatFailed(WechatError error) implements Failure {
        public String detail() {
            return "WeChat answered " + error.code() + " (" + error.message() + ")";
        }
    }

    /** Others kept changing the same thing; nothing was changed. Trying again later may succeed. */
    record Conflict(String detail) implements Failure {}
}
