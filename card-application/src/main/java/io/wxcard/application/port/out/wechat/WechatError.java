package io.wxcard.application.port.out.wechat;

import java.util.Objects;

/**
 * WeChat said no, or could not be reached. Carries WeChat's own code and message (never a token or secret) and what
 * kind of failure it is, which decides what the caller may do about it.
 *
 * @param code    WeChat's {@code errcode} as text (for example {@code "45009"}), or WeChat Pay's {@code code}
 *                (for example {@code "PARAM_ERROR"}), or {@code "network"} when WeChat did not answer
 * @param message WeChat's {@code errmsg} / {@code message}, or what went wrong on the way
 */
public record WechatError(Kind kind, String code, String message) {

    public WechatError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** What the caller can do about a failure (wechat-api.md, section 7). */
    public enum Kind {
        /** The code, card or member does not exist (40056, 40116, 404). */
        NOT_FOUND(false),
        /** The thing is in the wrong state for the call (40078, 40099, 40127, 45031, 45033). */
        CONFLICT(false),
        /** The account may not do this (40164, 43010, 45030, 48001, 403). */
        FORBIDDEN(false),
        /** Over the quota or too frequent (45009, 45011, 429): back off, never loop. */
        QUOTA(true),
        /** WeChat is busy or failing (-1, 5xx, timeouts): the same call may succeed later. */
        TRANSIENT(true),
        /** The token was refused even after one refresh (40001, 40014, 42001). */
        INVALID_TOKEN(true),
        /** Our request was wrong (41011, 45021, 40122, 40124, 400): do not retry it unchanged. */
        CLIENT_ERROR(false),
        /** The member does not follow the account (43004): no message reaches them until they follow it again. */
        NOT_FOLLOWING(false),
        /** An answer we cannot trust (a WeChat Pay answer without a valid signature). */
        UNTRUSTED_ANSWER(true);

        private final boolean worthRetryingLater;

        Kind(boolean worthRetryingLater) {
            this.worthRetryingLater = worthRetryingLater;
        }

        /** Whether the same call, sent again later, may succeed. */
        public boolean worthRetryingLater() {
            return worthRetryingLater;
        }
    }

    @Override
    public String toString() {
        return "WeChat " + kind + " " + code + ": " + message;
    }
}
