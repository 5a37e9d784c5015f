package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import java.util.List;

/** WeChat's card definitions: {@code /card/create}, {@code update}, {@code get}, {@code batchget}, {@code delete}, {@code modifystock}. */
public interface WechatCardCatalog {

    /** Creates the card on WeChat, which puts it under review. */
    Either<WechatError, WechatCardId> create(WechatAccount account, MemberCardDefinition definition);

    /**
     * Changes the card's definition.
     *
     * @return WeChat's {@code send_check}: true when the change sends the card back to review
     */
    Either<WechatError, Boolean> update(WechatAccount account, WechatCardId cardId, MemberCardDefinition definition);

    Either<WechatError, WechatCardStatus> get(WechatAccount account, WechatCardId cardId);

    /** One page of the account's card ids ({@code count} at most 50). */
    Either<WechatError, List<WechatCardId>> list(WechatAccount account, int offset, int count);

    Either<WechatError, Done> delete(WechatAccount account, WechatCardId cardId);

    /** Adds stock (positive {@code delta}) or takes it away (negative). */
    Either<WechatError, Done> changeStock(WechatAccount account, WechatCardId cardId, long delta);
}
