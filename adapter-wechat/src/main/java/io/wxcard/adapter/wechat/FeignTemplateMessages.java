package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.TemplateMessage;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatTemplateMessages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link WechatTemplateMessages} over {@code cgi-bin/message/template/send}. Never repeated by the adapter: a repeat
 * after a lost answer would be a second message, so a failure goes back to the outbox, which decides.
 */
final class FeignTemplateMessages implements WechatTemplateMessages {

    private final OaClients calls;

    FeignTemplateMessages(OaClients calls) {
        this.calls = calls;
    }

    @Override
    public Either<WechatError, Long> send(WechatAccount account, TemplateMessage message) {
        Map<String, OaJson.TemplateValue> data = new LinkedHashMap<>();
        message.data().forEach((key, value) -> data.put(key, new OaJson.TemplateValue(value)));
        OaJson.TemplateSendRequest body = new OaJson.TemplateSendRequest(message.toUser().value(),
                message.templateId(), message.url().getOrNull(), data);
        return calls.call(account, api -> api.sendTemplate(body))
                .flatMap(answer -> answer.msgid() == null ? Either.left(Answers.missing("msgid"))
                        : Either.right(answer.msgid()));
    }
}
