package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WeChat Pay's member import: a member who registered elsewhere gets the card silently. The code is activated at
 * once (membership_number = code), no user_get_card is pushed, no stock is taken and get_limit does not apply.
 */
final class PayImport {
    private record Done(String fingerprint, String code) {
    }

    private final Cards cards;
    private final Identities ids;
    private final Stats stats;
    private final Map<String, Done> byRequestNo = new ConcurrentHashMap<>(); // mchid|out_request_no -> result

    PayImport(Cards cards, Identities ids, Stats stats) {
        this.cards = cards;
        this.ids = ids;
        this.stats = stats;
    }

    /**
     * Imports the openid into the card. The same out_request_no with the same parameters answers the same code;
     * with other parameters 400 INVALID_REQUEST. An openid already holding the card is refused with 400
     * ALREADY_EXISTS naming its code in {@code detail.code}.
     */
    String importMember(Apps.Registered merchant, String cardId, String openid, String code, String outRequestNo) {
        String key = merchant.app().merchantId() + "|" + outRequestNo;
        String fingerprint = cardId + "|" + openid + "|" + (code == null ? "" : code);
        synchronized (byRequestNo) { // imports are rare: one at a time keeps the out_request_no check atomic
            Done previous = byRequestNo.get(key);
            if (previous != null) {
                if (previous.fingerprint.equals(fingerprint)) {
                    return previous.code;
                }
                throw new PayException(400, "INVALID_REQUEST",
                        "out_request_no " + outRequestNo + " was already used with other parameters");
            }
            Card card = cards.find(cardId);
            if (card == null) {
                throw new PayException(404, "RESOURCE_NOT_EXISTS", "card " + cardId + " does not exist");
            }
            if (!card.appId.equals(merchant.appId())) {
                throw new PayException(403, "NO_AUTH", "the card belongs to an account not bound to this merchant");
            }
            if (ids.belongsElsewhere(openid, merchant.appId())) {
                throw new PayException(403, "NO_AUTH", "the openid does not belong to the card's account");
            }
            Membership member = addActiveMember(card, merchant.appId(), openid, code);
            ids.remember(member, merchant.appId());
            byRequestNo.put(key, new Done(fingerprint, member.code));
            stats.imports.increment();
            return member.code;
        }
    }

    private Membership addActiveMember(Card card, String appId, String openid, String code) {
        synchronized (card) {
            List<String> held = card.codesHeldBy(openid);
            if (!held.isEmpty()) {
                ObjectNode detail = Json.object().put("location", "body").put("field", "openid")
                        .put("value", openid).put("issue", "already holds this card").put("code", held.get(0));
                throw new PayException(400, "ALREADY_EXISTS", "the openid already holds this card (code "
                        + held.get(0) + ")", detail);
            }
            if (code != null && card.hasCode(code)) {
                throw new PayException(400, "INVALID_REQUEST", "code " + code + " is already used on this card");
            }
            try {
                card.requireIssuable(cards.whitelisted(appId, openid));
            } catch (WxException e) {
                throw new PayException(400, "INVALID_REQUEST", e.errmsg());
            }
            Membership member = new Membership(card.id, code == null ? ids.newCode() : code, openid, cards.now(),
                    null, 0, null, null, ids.newEncryptCode());
            member.activate(member.code);
            return card.receive(member, true, false);
        }
    }

    void clear() {
        byRequestNo.clear();
    }

    // ---- the state file ------------------------------------------------------------------------------------------

    /** The out_request_nos seen, with what they answered. */
    com.fasterxml.jackson.databind.node.ArrayNode snapshot() {
        var out = Json.array();
        synchronized (byRequestNo) {
            byRequestNo.forEach((key, done) -> out.addObject().put("key", key)
                    .put("fingerprint", done.fingerprint).put("code", done.code));
        }
        return out;
    }

    void restore(com.fasterxml.jackson.databind.node.ArrayNode requests) {
        for (var row : requests) {
            byRequestNo.put(StateJson.text(row, "key"),
                    new Done(StateJson.text(row, "fingerprint"), StateJson.text(row, "code")));
        }
    }
}
