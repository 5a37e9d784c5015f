package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Members' codes as the merchant sees them through the Official Account API (look up, decrypt, make unavailable, list
 * an openid's cards, the answers behind an activate_ticket); what members themselves do is {@link MemberActions}, the
 * member-card calls (activate, update totals, user info) are {@link MemberCards}.
 * Each operation runs under the monitor of the card involved.
 */
final class Members {
    private final Apps apps;
    private final Cards cards;
    private final Identities ids;
    private final Map<String, Ticket> activateTickets = new ConcurrentHashMap<>();

    /**
     * How long WeChat answers {@code activatetempinfo/get} for a ticket: no source states it (FIDELITY.md section 17),
     * so this is the sandbox's choice; {@link #expireTicket} ends one at once for tests.
     */
    static final long TICKET_VALID_FOR_SECONDS = 30 * 60;

    private record Ticket(String appId, String cardId, String code, ObjectNode info, long issuedAt) {
    }

    Members(Apps apps, Cards cards, Identities ids) {
        this.apps = apps;
        this.cards = cards;
        this.ids = ids;
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

    /** A new activate_ticket for the answers a member just submitted ({@link MemberActions#submitForm}). */
    String issueTicket(Card card, String code, ObjectNode answers) {
        String ticket = ids.newTicket();
        activateTickets.put(ticket, new Ticket(card.appId, card.id, code, answers, cards.now()));
        return ticket;
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
