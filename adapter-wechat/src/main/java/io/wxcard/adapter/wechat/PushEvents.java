package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.push.DecodedPush;
import io.wxcard.application.port.out.wechat.push.EventHeader;
import io.wxcard.application.port.out.wechat.push.PushRejection;
import io.wxcard.application.port.out.wechat.push.PushRejection.Reason;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.membership.Code;
import java.util.Map;
import java.util.function.Function;

/**
 * A verified push's fields to the typed {@link DecodedPush} (wechat-api.md, section 5). Empty strings are no value;
 * events not modelled become {@link WechatEvent.Other}; anything that is not an event is a
 * {@link DecodedPush.Message}.
 */
final class PushEvents {

    private PushEvents() {}

    /** Thrown inside the mapping to give up on a push cleanly; never leaves this class. */
    private static final class Refused extends RuntimeException {
        final PushRejection rejection;

        Refused(String detail) {
            super(detail, null, false, false);
            this.rejection = new PushRejection(Reason.MALFORMED, detail);
        }
    }

    static Either<PushRejection, DecodedPush> decode(Map<String, String> f) {
        try {
            return Either.right(push(f));
        } catch (Refused refused) {
            return Either.left(refused.rejection);
        }
    }

    private static DecodedPush push(Map<String, String> f) {
        String msgType = required(f, "MsgType");
        String from = required(f, "FromUserName");
        long createTime = number(f, "CreateTime");
        if (!msgType.equals("event")) {
            return new DecodedPush.Message(msgType, from, text(f, "MsgId"), createTime);
        }
        EventHeader header = new EventHeader(text(f, "ToUserName").getOrElse(""), from, createTime,
                required(f, "Event"));
        return new DecodedPush.Event(switch (header.event()) {
            case "card_pass_check" -> new WechatEvent.CardReviewPassed(header, cardId(f));
            case "card_not_pass_check" -> new WechatEvent.CardReviewRejected(header, cardId(f),
                    text(f, "RefuseReason").getOrElse(""));
            case "user_get_card" -> new WechatEvent.CardReceived(header, cardId(f), code(f), text(f, "OuterStr"),
                    flag(f, "IsRestoreMemberCard"), optional(f, "OldUserCardCode", Code::new),
                    flag(f, "IsGiveByFriend"), text(f, "FriendUserName"), text(f, "UnionId"),
                    text(f, "SourceScene"));
            case "user_del_card" -> new WechatEvent.CardDeletedByMember(header, cardId(f), code(f));
            case "submit_membercard_user_info" -> new WechatEvent.ActivationFormSubmitted(header, cardId(f), code(f));
            case "update_member_card" -> new WechatEvent.MemberTotalsChanged(header, cardId(f), code(f),
                    numberOrZero(f, "ModifyBonus"), numberOrZero(f, "ModifyBalance"));
            case "user_consume_card" -> new WechatEvent.CardConsumed(header, cardId(f), code(f),
                    text(f, "ConsumeSource"), text(f, "LocationName"), text(f, "StaffOpenId"), text(f, "OuterStr"));
            case "user_gifting_card" -> new WechatEvent.CardGifting(header, cardId(f), code(f), flag(f, "IsReturnBack"),
                    text(f, "FriendUserName"), flag(f, "IsChatRoom"));
            case "user_view_card" -> new WechatEvent.CardViewed(header, cardId(f), code(f), text(f, "OuterStr"));
            case "user_enter_session_from_card" -> new WechatEvent.SessionFromCard(header, cardId(f), code(f));
            case "card_sku_remind" -> new WechatEvent.StockLow(header, cardId(f), text(f, "Detail").getOrElse(""));
            case "user_pay_from_pay_cell" -> new WechatEvent.PaidFromPayCell(header, cardId(f), code(f),
                    required(f, "TransId"), text(f, "LocationId"), fen(f, "Fee"), fen(f, "OriginalFee"));
            case "card_pay_order" -> new WechatEvent.CouponPointsOrder(header, required(f, "OrderId"),
                    text(f, "Status"), f);
            default -> new WechatEvent.Other(header, optional(f, "CardId", WechatCardId::new),
                    optional(f, "UserCardCode", Code::new), f);
        });
    }

    private static WechatCardId cardId(Map<String, String> f) {
        return value(f, "CardId", WechatCardId::new);
    }

    private static Code code(Map<String, String> f) {
        return value(f, "UserCardCode", Code::new);
    }

    private static <T> T value(Map<String, String> f, String field, Function<String, T> make) {
        String text = required(f, field);
        try {
            return make.apply(text);
        } catch (IllegalArgumentException e) {
            throw new Refused(field + " is not valid: " + e.getMessage());
        }
    }

    /** An optional value; present but unusable is refused rather than dropped. */
    private static <T> Option<T> optional(Map<String, String> f, String field, Function<String, T> make) {
        return text(f, field).isEmpty() ? Option.none() : Option.of(value(f, field, make));
    }

    private static String required(Map<String, String> f, String field) {
        return text(f, field).getOrElseThrow(() -> new Refused(field + " is missing"));
    }

    private static Option<String> text(Map<String, String> f, String field) {
        return Option.of(f.get(field)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static boolean flag(Map<String, String> f, String field) {
        return text(f, field).contains("1");
    }

    private static long number(Map<String, String> f, String field) {
        try {
            return Long.parseLong(required(f, field));
        } catch (NumberFormatException e) {
            throw new Refused(field + " is not a number");
        }
    }

    /** An amount in fen (the pay-cell event's {@code Fee}, {@code OriginalFee}); a fraction or a negative is refused. */
    private static Fen fen(Map<String, String> f, String field) {
        long fen = numberOrZero(f, field);
        if (fen < 0) {
            throw new Refused(field + " is negative");
        }
        return Fen.of(fen);
    }

    private static long numberOrZero(Map<String, String> f, String field) {
        return text(f, field).isEmpty() ? 0 : number(f, field);
    }
}
