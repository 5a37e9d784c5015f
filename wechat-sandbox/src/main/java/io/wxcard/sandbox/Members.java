package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Members and their codes: what members do (receive, delete, restore, fill in the form), what the merchant does
 * through the Official Account API with codes (look up, decrypt, make unavailable); the member-card calls
 * (activate, update totals, user info) are {@link MemberCards}.
 * Each operation runs under the monitor of the card involved; events are pushed after the change.
 */
final class Members {
    private final Apps apps;
    private final Cards cards;
    private final Pusher pusher;
    private final Stats stats;
    private final Identities ids;
    private final Map<String, Ticket> activateTickets = new ConcurrentHashMap<>();

    /**
     * How long WeChat answers {@code activatetempinfo/get} for a ticket: no source states it (FIDELITY.md section 17),
     * so this is the sandbox's choice; {@link #expireTicket} ends one at once for tests.
     */
    static final long TICKET_VALID_FOR_SECONDS = 30 * 60;

    private record Ticket(String appId, String cardId, String code, ObjectNode info, long issuedAt) {
    }

    Members(Apps apps, Cards cards, Identities ids, Pusher pusher, Stats stats) {
        this.apps = apps;
        this.cards = cards;
        this.ids = ids;
        this.pusher = pusher;
        this.stats = stats;
    }

    // ---- what members do (the control API plays the member) ---------------------------------------------------

    /** What a member gets with a card. */
    record Received(String code, String encryptCode, String activateUrl) {
    }

    /**
     * A member receives the card (QR code, landing page, addCard, a pay-to-join offer...): user_get_card is pushed,
     * with {@code SourceScene} when given.
     */
    Received receive(Card card, String openid, String outerStr, long outerId, String code, String nickname,
                     String sex, String unionId, String sourceScene) {
        requireOpenidOf(card.appId, openid);
        if (code == null && card.useCustomCode()) {
            throw WxException.missingField("code (the card uses custom codes: use_custom_code)");
        }
        Membership member = new Membership(card.id, code == null ? ids.newCode() : code, openid, cards.now(),
                outerStr, outerId, nickname, sex, ids.newEncryptCode());
        if (card.autoActivate()) {
            member.activate(member.code, cards.now());
        }
        card.receive(member, cards.whitelisted(card.appId, openid), true);
        ids.remember(member, card.appId);
        String activateUrl = card.activateUrl() == null ? null : card.activateUrl()
                + (card.activateUrl().contains("?") ? "&" : "?") + "card_id=" + card.id
                + "&encrypt_code=" + urlEncode(member.encryptCode) + "&outer_str=" + urlEncode(outerStr);
        EventXml event = event(card, openid, "user_get_card")
                .text("CardId", card.id).number("IsGiveByFriend", 0).text("UserCardCode", member.code)
                .text("FriendUserName", "").number("OuterId", outerId).text("OldUserCardCode", "")
                .text("OuterStr", outerStr).number("IsRestoreMemberCard", 0).number("IsRecommendByFriend", 0);
        if (sourceScene != null) {
            event.text("SourceScene", sourceScene);
        }
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
        requireOpenidOf(card.appId, openid);
        Membership held = card.heldInsteadOfNew(openid);
        if (held == null) {
            return null;
        }
        String code;
        synchronized (card) {
            code = held.code;
        }
        datacube.viewed(card.appId, card.id, openid, cards.now());
        EventXml event = event(card, openid, "user_view_card").text("CardId", card.id).text("UserCardCode", code);
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
        pusher.push(event(card, openid, "user_del_card").text("CardId", card.id).text("UserCardCode", code));
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
        pusher.push(event(card, openid, "user_get_card")
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
            if (!card.wxActivate()) {
                throw WxException.invalidArgs("the card does not use one-click activation (wx_activate)");
            }
            ActivationForm.requireAnswered(card.activateForm(), answers);
            member.userInfo = answers.deepCopy();
            if (!member.active && !card.wxActivateAfterSubmit()) {
                member.activate(member.code, cards.now());
            }
            openid = member.openid;
            encryptCode = member.encryptCode;
            active = member.active;
        }
        String ticket = ids.newTicket();
        activateTickets.put(ticket, new Ticket(card.appId, card.id, code, answers, cards.now()));
        pusher.push(event(card, openid, "submit_membercard_user_info").text("CardId", card.id)
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

    // ---- the Official Account API ------------------------------------------------------------------------------

    /** The card holding the account's code: by card_id when given, else by searching the account's cards. */
    Card locate(String appId, String cardId, String code) {
        if (code == null || code.isEmpty()) {
            throw WxException.missingField("code");
        }
        if (cardId != null && !cardId.isEmpty()) {
            Card card = cards.of(appId, cardId);
            if (!card.hasCode(code)) {
                throw WxException.invalidCode(code);
            }
            return card;
        }
        List<Card> holding = cards.ofApp(appId).stream().filter(c -> c.hasCode(code)).toList();
        if (holding.isEmpty()) {
            throw WxException.invalidCode(code);
        }
        if (holding.size() > 1) {
            throw new WxException(41012, "missing card_id: code " + code + " exists on several cards");
        }
        return holding.get(0);
    }

    /**
     * {@code /card/code/get}. With check_consume, a deleted or unavailable code is refused with 40127 (WeChat's example)
     * and a consumed one with 40099.
     */
    ObjectNode codeInfo(String appId, String cardId, String code, boolean checkConsume) {
        Card card = locate(appId, cardId, code);
        synchronized (card) {
            Membership member = card.member(code);
            if (checkConsume && Membership.UNAVAILABLE.equals(member.status)) {
                // WeChat's own example for an abnormal code under check_consume ("核销卡券", 查询Code接口)
                throw new WxException(40127, "invalid user-card status! Hint: the card was given to user, but may be "
                        + "deleted or set unavailable !");
            }
            if (checkConsume) {
                member.requireUsable();
            }
            long[] validity = card.validity(member);
            ObjectNode out = Json.object();
            out.putObject("card").put("card_id", card.id).put("begin_time", validity[0])
                    .put("end_time", validity[1]).put("code", code);
            return out.put("openid", member.openid).put("can_consume", Membership.NORMAL.equals(member.status))
                    .put("user_card_status", member.status).put("outer_str", member.outerStr);
        }
    }

    /** {@code /card/code/decrypt}: the code behind an encrypt_code of this account, or 40075. */
    String decrypt(String appId, String encryptCode) {
        Identities.CodeRef ref = ids.decrypt(encryptCode);
        Card card = ref == null ? null : cards.find(ref.cardId());
        if (card == null || !card.appId.equals(appId)) {
            throw new WxException(40075, "invalid encrypt code");
        }
        return ref.code();
    }

    /** {@code /card/code/unavailable}: irreversible; 40099 when already unavailable, 40127 when deleted. */
    void makeUnavailable(String appId, String cardId, String code, String reason) {
        Card card = locate(appId, cardId, code);
        synchronized (card) {
            Membership member = card.member(code);
            member.requireUsable();
            member.status = Membership.UNAVAILABLE;
            member.unavailableReason = reason;
        }
    }

    /** {@code /card/user/getcardlist}: the openid's codes still in the wallet. */
    ArrayNode cardList(String appId, String openid, String cardId) {
        List<Card> scope = cardId == null || cardId.isEmpty() ? cards.ofApp(appId) : List.of(cards.of(appId, cardId));
        ArrayNode list = Json.array();
        for (Card card : scope) {
            card.codesHeldBy(openid).forEach(code -> list.addObject().put("code", code).put("card_id", card.id));
        }
        return list;
    }

    /** {@code /card/membercard/activatetempinfo/get}: the answers behind an activate_ticket, or 40097. */
    ObjectNode activationAnswers(String appId, String activateTicket) {
        Ticket ticket = activateTicket == null ? null : activateTickets.get(activateTicket);
        if (ticket == null || !ticket.appId.equals(appId)) {
            throw WxException.invalidArgs("invalid activate_ticket");
        }
        if (cards.now() - ticket.issuedAt >= TICKET_VALID_FOR_SECONDS) {
            throw WxException.invalidArgs("activate_ticket expired");
        }
        return ticket.info.deepCopy();
    }

    /** The ticket stops working, as if its time had passed (control API, for tests of a stale ticket). */
    void expireTicket(String activateTicket) {
        Ticket ticket = activateTickets.get(activateTicket);
        if (ticket == null) {
            throw WxException.invalidArgs("invalid activate_ticket");
        }
        activateTickets.put(activateTicket, new Ticket(ticket.appId, ticket.cardId, ticket.code, ticket.info,
                ticket.issuedAt - TICKET_VALID_FOR_SECONDS));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** 40003 when the openid already belongs to another account. */
    void requireOpenidOf(String appId, String openid) {
        if (openid == null || openid.isBlank()) {
            throw WxException.missingField("openid");
        }
        if (ids.belongsElsewhere(openid, appId)) {
            throw new WxException(40003, "invalid openid: it belongs to another account");
        }
    }

    EventXml event(Card card, String openid, String name) {
        Apps.Registered app = apps.byAppId(card.appId).orElseThrow();
        return EventXml.of(app, openid, cards.now(), name);
    }

    private static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    void clear() {
        activateTickets.clear();
    }

    // ---- the state file ------------------------------------------------------------------------------------------

    ArrayNode snapshotTickets() {
        ArrayNode out = Json.array();
        activateTickets.forEach((ticket, t) -> {
            ObjectNode row = out.addObject().put("ticket", ticket).put("appid", t.appId).put("card_id", t.cardId)
                    .put("code", t.code).put("issued_at", t.issuedAt);
            row.set("info", t.info.deepCopy());
        });
        return out;
    }

    void restoreTickets(ArrayNode tickets) {
        for (var row : tickets) {
            activateTickets.put(StateJson.text(row, "ticket"), new Ticket(StateJson.text(row, "appid"),
                    StateJson.text(row, "card_id"), StateJson.text(row, "code"), StateJson.object(row, "info"),
                    row.path("issued_at").asLong(cards.now())));
        }
    }
}
