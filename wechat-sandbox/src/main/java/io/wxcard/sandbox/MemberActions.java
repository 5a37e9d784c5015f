package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What members do, played through the control API: receive a card (or open the one they hold), delete and restore
 * it, fill in the one-click form. The merchant's side of the same codes (look-ups, decrypt, unavailable, the
 * activate_ticket answers) is {@link Members}. Each action runs under the monitor of the card involved; events are
 * pushed after the change.
 */
final class MemberActions {
    private final Members members;
    private final Cards cards;
    private final Identities ids;
    private final Pusher pusher;

    MemberActions(Members members, Cards cards, Identities ids, Pusher pusher) {
        this.members = members;
        this.cards = cards;
        this.ids = ids;
        this.pusher = pusher;
    }

    /** What a member gets with a card. */
    record Received(String code, String encryptCode, String activateUrl) {
    }

    /** A member receives the card (QR code, landing page, addCard...): user_get_card is pushed. */
    Received receive(Card card, String openid, String outerStr, long outerId, String code, String nickname,
                     String sex, String unionId) {
        members.requireOpenidOf(card.appId, openid);
        if (code == null && card.options().useCustomCode()) {
            throw WxException.missingField("code (the card uses custom codes: use_custom_code)");
        }
        Membership member = new Membership(card.id, code == null ? ids.newCode() : code, openid, cards.now(),
                outerStr, outerId, nickname, sex, ids.newEncryptCode());
        if (card.options().autoActivate()) {
            member.activate(member.code, cards.now());
        }
        card.receive(member, cards.whitelisted(card.appId, openid), true);
        ids.remember(member, card.appId);
        String activateUrl = card.options().activateUrl() == null ? null : card.options().activateUrl()
                + (card.options().activateUrl().contains("?") ? "&" : "?") + "card_id=" + card.id
                + "&encrypt_code=" + urlEncode(member.encryptCode) + "&outer_str=" + urlEncode(outerStr);
        EventXml event = members.event(card, openid, "user_get_card")
                .text("CardId", card.id).number("IsGiveByFriend", 0).text("UserCardCode", member.code)
                .text("FriendUserName", "").number("OuterId", outerId).text("OldUserCardCode", "")
                .text("OuterStr", outerStr).number("IsRestoreMemberCard", 0).number("IsRecommendByFriend", 0);
        if (unionId != null) {
            event.text("UnionId", unionId);
        }
        pusher.push(event);
        return new Received(member.code, member.encryptCode, activateUrl);
    }

    /**
     * A member scans a card's QR code: when they already hold the card (its get_limit reached), WeChat opens their
     * card instead of offering a second and pushes user_view_card with the code's outer_str; answers that code, or
     * null when they may receive the card.
     */
    String openIfHeld(Card card, String openid, String outerStr, Datacube datacube) {
        members.requireOpenidOf(card.appId, openid);
        Membership held = card.heldInsteadOfNew(openid);
        if (held == null) {
            return null;
        }
        String code;
        synchronized (card) {
            code = held.code;
        }
        datacube.viewed(card.appId, card.id, openid, cards.now());
        EventXml event = members.event(card, openid, "user_view_card").text("CardId", card.id).text("UserCardCode", code);
        if (outerStr != null) {
            event.text("OuterStr", outerStr);
        }
        pusher.push(event);
        return code;
    }

    /** The member deletes the card from their wallet: user_del_card is pushed. */
    void deleteByMember(Card card, String code) {
        String openid;
        synchronized (card) {
            Membership member = card.member(code);
            if (Membership.DELETE.equals(member.status)) {
                throw new WxException(40127, "the member has already deleted this card");
            }
            member.statusBeforeDelete = member.status;
            member.status = Membership.DELETE;
            openid = member.openid;
        }
        pusher.push(members.event(card, openid, "user_del_card").text("CardId", card.id).text("UserCardCode", code));
    }

    /** The member restores a deleted card: user_get_card with IsRestoreMemberCard=1 is pushed. */
    void restoreByMember(Card card, String code) {
        String openid;
        synchronized (card) {
            Membership member = card.member(code);
            if (!Membership.DELETE.equals(member.status)) {
                throw WxException.invalidArgs("the code " + code + " is not deleted, nothing to restore");
            }
            member.status = member.statusBeforeDelete;
            openid = member.openid;
        }
        pusher.push(members.event(card, openid, "user_get_card")
                .text("CardId", card.id).number("IsGiveByFriend", 0).text("UserCardCode", code)
                .text("FriendUserName", "").number("OuterId", 0).text("OldUserCardCode", "")
                .text("OuterStr", "").number("IsRestoreMemberCard", 1).number("IsRecommendByFriend", 0));
    }

    /**
     * The member submits the one-click form: the answers are stored, the card is activated (unless the card hands
     * over to the merchant's page with wx_activate_after_submit) and submit_membercard_user_info is pushed.
     */
    ObjectNode submitForm(Card card, String code, ObjectNode body) {
        ObjectNode answers = ActivationForm.answers(body);
        String openid;
        String encryptCode;
        boolean active;
        synchronized (card) {
            Membership member = card.member(code);
            member.requireUsable();
            if (!card.options().wxActivate()) {
                throw WxException.invalidArgs("the card does not use one-click activation (wx_activate)");
            }
            ActivationForm.requireAnswered(card.activateForm(), answers);
            member.userInfo = answers.deepCopy();
            if (!member.active && !card.options().wxActivateAfterSubmit()) {
                member.activate(member.code, cards.now());
            }
            openid = member.openid;
            encryptCode = member.encryptCode;
            active = member.active;
        }
        String ticket = members.issueTicket(card, code, answers);
        pusher.push(members.event(card, openid, "submit_membercard_user_info").text("CardId", card.id)
                .text("UserCardCode", code));
        return Json.object().put("activate_ticket", ticket).put("encrypt_code", encryptCode)
                .put("openid", openid).put("has_active", active);
    }

    /** The member as the sandbox sees it. */
    ObjectNode state(Card card, String code) {
        synchronized (card) {
            return card.member(code).toState();
        }
    }

    private static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
