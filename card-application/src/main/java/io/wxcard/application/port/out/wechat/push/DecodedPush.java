package io.wxcard.application.port.out.wechat.push;

import io.vavr.control.Option;

/** A push that passed verification. */
public sealed interface DecodedPush {

    /** WeChat checking the callback URL: answer {@code echostr} unchanged. */
    record Handshake(String echostr) implements DecodedPush {}

    /** An event ({@code MsgType=event}). */
    record Event(WechatEvent event) implements DecodedPush {}

    /** A message we do not act on (text, image, ...), with its {@code MsgId} for de-duplication. */
    record Message(String msgType, String fromUserName, Option<String> msgId, long createTime) implements DecodedPush {}
}
