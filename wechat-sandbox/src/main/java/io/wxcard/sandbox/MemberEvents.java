package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * What members do with a card besides receiving and deleting it, played by the control API: gifting it to a friend
 * (the friend accepts, or it comes back), and the events WeChat pushes that change nothing here (viewing the card,
 * opening the chat from it, consumption, paying through its pay cell), plus the account-level stock and coupon-point
 * events. Each runs under the card's monitor, like {@link Members}; events are pushed after the change.
 */
final class MemberEvents {
    private final Apps apps;
    private final Cards cards;
    private final Datacube datacube;
    private final Members members;
    private final Identities ids;
    private final Pusher pusher;

    MemberEvents(Apps apps, Cards cards, Members members, Identities ids, Pusher pusher, Datacube datacube) {
        this.datacube = datacube;
        this.apps = apps;
        this.cards = cards;
        this.members = members;
        this.ids = ids;
        this.pusher = pusher;
    }

    /** The member sends the card to a friend: GIFTING until accepted or back; user_gifting_card is pushed. */
    void sendGift(Card card, String code, String friendOpenid, boolean chatRoom) {
        String openid;
        synchronized (card) {
            Membership member = card.member(code);
            member.requireUsable();
            member.status = Membership.GIFTING;
            openid = member.openid;
        }
        pusher.push(members.event(card, openid, "user_gifting_card").text("CardId", card.id).text("UserCardCode", code)
                .number("IsReturnBack", 0).text("FriendUserName", friendOpenid == null ? "" : friendOpenid)
                .number("IsChatRoom", chatRoom ? 1 : 0));
    }

    /**
     * The friend accepts: WeChat gives the card a new code (the old one answers 40056 from then on) and pushes
     * user_get_card from the friend with IsGiveByFriend=1, FriendUserName = the giver, OldUserCardCode = the old code.
     * Sandbox decision (no source says): points, stored value, activation and membership number go with the card.
     *
     * @return the friend's new code
     */
    String acceptGift(Card card, String code, String friendOpenid) {
        members.requireOpenidOf(card.appId, friendOpenid);
        Membership friends;
        String giver;
        synchronized (card) {
            Membership member = card.member(code);
            if (!Membership.GIFTING.equals(member.status)) {
                throw WxException.cardStatus("the card (code " + code + ") is not being given to a friend");
            }
            friends = new Membership(card.id, ids.newCode(), friendOpenid, cards.now(), member.outerStr, 0, null, null,
                    ids.newEncryptCode());
            if (member.active) {
                friends.activate(member.membershipNumber, cards.now());
            }
            friends.bonus = member.bonus;
            friends.balance = member.balance;
            card.receive(friends, cards.whitelisted(card.appId, friendOpenid), false);
            member.status = Membership.GIFT_SUCC;
            giver = member.openid;
        }
        ids.remember(friends, card.appId);
        pusher.push(members.event(card, friendOpenid, "user_get_card").text("CardId", card.id)
                .number("IsGiveByFriend", 1).text("UserCardCode", friends.code).text("FriendUserName", giver)
                .number("OuterId", 0).text("OldUserCardCode", code).text("OuterStr", "")
                .number("IsRestoreMemberCard", 0).number("IsRecommendByFriend", 0));
        return friends.code;
    }

    /** Nobody accepted in time (GIFT_TIMEOUT): the card is the giver's again; user_gifting_card IsReturnBack=1. */
    void returnGift(Card card, String code) {
        String openid;
        synchronized (card) {
            Membership member = card.member(code);
            if (!Membership.GIFTING.equals(member.status)) {
                throw WxException.cardStatus("the card (code " + code + ") is not being given to a friend");
            }
            member.status = Membership.NORMAL;
            openid = member.openid;
        }
        pusher.push(members.event(card, openid, "user_gifting_card").text("CardId", card.id).text("UserCardCode", code)
                .number("IsReturnBack", 1).text("FriendUserName", "").number("IsChatRoom", 0));
    }

    /** The member events that change nothing here, with the fields each carries (OA card events 2.5-2.8). */
    private static final Map<String, java.util.List<String>> MEMBER_EVENTS = Map.of(
            "user_consume_card", java.util.List.of("ConsumeSource", "LocationName", "StaffOpenId", "VerifyCode",
                    "RemarkAmount", "OuterStr"),
            "user_pay_from_pay_cell", java.util.List.of("TransId", "LocationId", "Fee", "OriginalFee"),
            "user_view_card", java.util.List.of("OuterStr"),
            "user_enter_session_from_card", java.util.List.of());

    /** Pushes one of {@link #MEMBER_EVENTS} for a member's code, with the fields the body gives (by WeChat's names). */
    void memberEvent(Card card, String code, String event, ObjectNode fields) {
        var names = MEMBER_EVENTS.get(event);
        if (names == null) {
            throw WxException.invalidArgs("event must be one of " + MEMBER_EVENTS.keySet());
        }
        String openid;
        synchronized (card) {
            openid = card.member(code).openid;
        }
        if (event.equals("user_view_card")) {
            datacube.viewed(card.appId, card.id, openid, cards.now());
        }
        EventXml xml = members.event(card, openid, event).text("CardId", card.id).text("UserCardCode", code);
        for (String name : names) {
            if (fields.path(name).isIntegralNumber()) {
                xml.number(name, fields.get(name).asLong());
            } else if (fields.hasNonNull(name)) {
                xml.text(name, fields.get(name).asText());
            }
        }
        pusher.push(xml);
    }

    /** card_sku_remind: the card's stock runs low (the sender is the system; the account's original id stands in). */
    void stockLow(Card card, String detail) {
        Apps.Registered app = apps.byAppId(card.appId).orElseThrow();
        pusher.push(EventXml.of(app, app.originalId(), cards.now(), "card_sku_remind").text("CardId", card.id)
                .text("Detail", detail == null ? "the stock of card " + card.id + " is low" : detail));
    }

    /** card_pay_order: a coupon-point order of the account changed. */
    void couponPointOrder(String appId, String orderId, String status) {
        Apps.Registered app = apps.byAppId(appId).orElseThrow(() -> new WxException(40013, "invalid appid: " + appId));
        pusher.push(EventXml.of(app, app.originalId(), cards.now(), "card_pay_order").text("OrderId", orderId)
                .text("Status", status).number("CreateOrderTime", cards.now()).number("PayFinishTime", cards.now())
                .text("Desc", "").number("FreeCoinCount", 0).number("PayCoinCount", 0));
    }
}
