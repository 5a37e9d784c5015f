package io.wxcard.application.port.out.wechat.push;

import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.membership.Code;

/** The events WeChat pushes about cards (wechat-api.md, section 5), typed. */
public sealed interface WechatEvent {

    EventHeader header();

    /**
     * What makes a push unique, for de-duplication: WeChat retries with the same {@code FromUserName} and
     * {@code CreateTime}; card events add the card and code, since one member can trigger several in one second.
     */
    default String dedupeKey() {
        return header().fromUserName() + "|" + header().createTime() + "|" + header().event() + "|" + detailKey();
    }

    /** The part of the de-duplication key beyond the header. */
    String detailKey();

    /** {@code card_pass_check} */
    record CardReviewPassed(EventHeader header, WechatCardId cardId) implements WechatEvent {
        public String detailKey() {
            return cardId.value();
        }
    }

    /** {@code card_not_pass_check} */
    record CardReviewRejected(EventHeader header, WechatCardId cardId, String refuseReason) implements WechatEvent {
        public String detailKey() {
            return cardId.value();
        }
    }

    /**
     * {@code user_get_card}; {@code restored} when the member restored a card they had deleted; {@code sourceScene}
     * WeChat's {@code SourceScene} (e.g. {@code SOURCE_SCENE_QRCODE}), when the push carries one.
     */
    record CardReceived(EventHeader header, WechatCardId cardId, Code code, Option<String> outerStr, boolean restored,
                        Option<Code> oldCode, boolean givenByFriend, Option<String> friendUserName,
                        Option<String> unionId, Option<String> sourceScene) implements WechatEvent {
        public CardReceived(EventHeader header, WechatCardId cardId, Code code, Option<String> outerStr,
                            boolean restored, Option<Code> oldCode, boolean givenByFriend,
                            Option<String> friendUserName, Option<String> unionId) {
            this(header, cardId, code, outerStr, restored, oldCode, givenByFriend, friendUserName, unionId,
                    Option.none());
        }

        public String detailKey() {
            return cardId.value() + "|" + code.value();
        }
    }

    /** {@code user_del_card} */
    record CardDeletedByMember(EventHeader header, WechatCardId cardId, Code code) implements WechatEvent {
        public String detailKey() {
            return cardId.value() + "|" + code.value();
        }
    }

    /** {@code submit_membercard_user_info}: the member submitted the one-click form. */
    record ActivationFormSubmitted(EventHeader header, WechatCardId cardId, Code code) implements WechatEvent {
        public String detailKey() {
            return cardId.value() + "|" + code.value();
        }
    }

    /** {@code update_member_card}: the member's totals changed on WeChat's side. */
    record MemberTotalsChanged(EventHeader header, WechatCardId cardId, Code code, long modifyBonus,
                               long modifyBalance) implements WechatEvent {
        public String detailKey() {
            return cardId.value() + "|" + code.value() + "|" + modifyBonus + "|" + modifyBalance;
        }
    }

    /** {@code user_consume_card} */
    record CardConsumed(EventHeader header, WechatCardId cardId, Code code, Option<String> consumeSource,
                        Option<String> locationName, Option<String> staffOpenId, Option<String> outerStr)
            implements WechatEvent {
        public String detailKey() {
            return cardId.value() + "|" + code.value();
        }
    }

    /**
     * {@code user_gifting_card}: the member sent the card to a friend ({@code returnedBack} false), or the gift came
     * back unaccepted ({@code IsReturnBack=1}).
     */
    record CardGifting(EventHeader header, WechatCardId cardId, Code code, boolean returnedBack,
                       Option<String> friendUserName, boolean toChatRoom) implements WechatEvent {
        public String detailKey() {
            return cardId.value() + "|" + code.value() + "|" + (returnedBack ? "back" : "sent");
        }
    }

    /** {@code user_view_card}: the member opened the card; {@code outerStr} names the channel that brought them. */
    record CardViewed(EventHeader header, WechatCardId cardId, Code code, Option<String> outerStr) implements WechatEvent {
        public String detailKey() {
            return cardId.value() + "|" + code.value();
        }
    }

    /** {@code user_enter_session_from_card}: the member went from the card to the account's chat. */
    record SessionFromCard(EventHeader header, WechatCardId cardId, Code code) implements WechatEvent {
        public String detailKey() {
            return cardId.value() + "|" + code.value();
        }
    }

    /** {@code card_sku_remind}: the card's stock runs low; {@code detail} is WeChat's sentence. */
    record StockLow(EventHeader header, WechatCardId cardId, String detail) implements WechatEvent {
        public String detailKey() {
            return cardId.value();
        }
    }

    /** {@code user_pay_from_pay_cell}: the member paid through the card's pay cell (amounts in fen). */
    record PaidFromPayCell(EventHeader header, WechatCardId cardId, Code code, String transId,
                           Option<String> locationId, Fen fee, Fen originalFee) implements WechatEvent {
        public String detailKey() {
            return cardId.value() + "|" + code.value() + "|" + transId;
        }
    }

    /** {@code card_pay_order}: an order of coupon points (券点) changed; its other fields are kept as sent. */
    record CouponPointsOrder(EventHeader header, String orderId, Option<String> status,
                             java.util.Map<String, String> fields) implements WechatEvent {
        public CouponPointsOrder {
            fields = java.util.Map.copyOf(fields);
        }

        public String detailKey() {
            return orderId + "|" + status.getOrElse("");
        }
    }

    /** Any event not listed above: recorded, not acted on. */
    record Other(EventHeader header, Option<WechatCardId> cardId, Option<Code> code,
                 java.util.Map<String, String> fields) implements WechatEvent {
        public Other {
            fields = java.util.Map.copyOf(fields);
        }

        public String detailKey() {
            return cardId.map(WechatCardId::value).getOrElse("") + "|" + code.map(Code::value).getOrElse("");
        }
    }
}
