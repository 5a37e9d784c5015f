package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;

/**
 * Template messages to members ({@code cgi-bin/message/template/send}). A member who no longer follows the account
 * cannot be reached (43004): {@link WechatError.Kind#NOT_FOLLOWING}, which a retry does not change.
 */
public interface WechatTemplateMessages {

    /** Sends the message; answers WeChat's {@code msgid}. Not repeat-safe: a repeat is a second message. */
    Either<WechatError, Long> send(WechatAccount account, TemplateMessage message);
}
