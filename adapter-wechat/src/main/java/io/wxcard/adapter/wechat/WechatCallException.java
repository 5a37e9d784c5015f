package io.wxcard.adapter.wechat;

import feign.FeignException;
import io.wxcard.application.port.out.wechat.WechatError;

/**
 * A failed call to WeChat, as the adapter's Feign stack reports it: the typed error the ports answer and whether the
 * call may be repeated. Its message is the error's (never a URL: URLs carry the access_token); the token WeChat
 * refused, if that is why, is kept for compare-and-expire and never printed.
 */
final class WechatCallException extends FeignException {

    /** Whether a failure may be repeated. */
    enum Repeat {
        /** Never: quota, permission, our request, or any other answer WeChat gave on purpose. */
        NEVER,
        /** The request never reached WeChat: repeat on any endpoint. */
        NOT_APPLIED,
        /** WeChat may or may not have applied it: repeat only on a {@link RepeatSafe} endpoint. */
        MAYBE_APPLIED
    }

    private final transient WechatError error;
    private final Repeat repeat;
    private final transient String refusedToken;

    WechatCallException(WechatError error, Repeat repeat) {
        this(error, repeat, null);
    }

    WechatCallException(WechatError error, Repeat repeat, String refusedToken) {
        super(-1, error.toString());
        this.error = error;
        this.repeat = repeat;
        this.refusedToken = refusedToken;
    }

    WechatError error() {
        return error;
    }

    Repeat repeat() {
        return repeat;
    }

    /** The access_token WeChat refused (40001, 40014, 42001), or null. */
    String refusedToken() {
        return refusedToken;
    }
}
