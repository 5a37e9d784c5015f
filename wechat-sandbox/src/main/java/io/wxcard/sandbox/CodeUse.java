package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a merchant does with a code at the till and after a gift: {@code /card/code/consume} (irreversible; the code
 * becomes CONSUMED, a second consume answers 40099, and WeChat pushes {@code user_consume_card} with
 * {@code ConsumeSource FROM_API}) and {@code /card/code/update} (a new code for a card with the merchant's own codes).
 */
final class CodeUse {
    private final Members members;
    private final Pusher pusher;

    CodeUse(Members members, Pusher pusher) {
        this.members = members;
        this.pusher = pusher;
    }

    /** Consumes the code; answers {@code card{card_id}} and {@code openid}. */
    ObjectNode consume(String appId, String cardId, String code) {
        Card card = members.locate(appId, cardId, code);
        String openid;
        synchronized (card) {
            Membership member = card.member(code);
            member.requireUsable();
            member.status = Membership.CONSUMED;
            openid = member.openid;
        }
        pusher.push(members.event(card, openid, "user_consume_card").text("CardId", card.id)
                .text("UserCardCode", code).text("ConsumeSource", "FROM_API").text("LocationName", "")
                .text("StaffOpenId", "").text("VerifyCode", "").text("RemarkAmount", "").text("OuterStr", ""));
        ObjectNode out = Json.object().put("openid", openid);
        out.putObject("card").put("card_id", card.id);
        return out;
    }

    /**
     * Gives the member the new code. Only a card with {@code use_custom_code} may change codes (WeChat: "微信允许自定义
     * Code的商户对已下发的code进行更改"); the sandbox answers 40078 otherwise, 40056 for an unknown code and 40097 for a
     * new code the card already has (the codes WeChat really answers for these are unconfirmed).
     */
    void changeCode(String appId, String cardId, String code, String newCode) {
        if (newCode == null || newCode.isBlank()) {
            throw WxException.missingField("new_code");
        }
        Card card = members.locate(appId, cardId, code);
        card.changeCode(code, newCode);
    }
}
