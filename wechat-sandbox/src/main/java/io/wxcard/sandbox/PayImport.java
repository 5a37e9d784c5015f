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
    static final String UNKNOWN_CARD = "会员卡ID无效";
    static final String OTHER_MERCHANTS_CARD = "会员卡的创建商户号不等于调用方商户号";
    static final String NOT_UPGRADED = "请先升级会员卡才能使用此功能";
    static final String ALREADY_UPGRADED = "会员卡已经迁移";
    static final String ALREADY_HOLDS_THE_CARD = "会员已经领取过该卡";
    private record Done(String fingerprint, String code) {
    }

    private final Cards cards;
    private final Identities ids;
    private final Stats stats;
    private final Map<String, Done> byRequestNo = new ConcurrentHashMap<>(); // mchid|out_request_no -> result
    private final Map<String, String> updateRequests = new ConcurrentHashMap<>(); // mchid|out_request_no -> what

    /** card_id -> brand_id of the cards upgraded (kept in the state file: WeChat Pay never undoes an upgrade). */
    private final java.util.Map<String, String> upgraded = new java.util.concurrent.ConcurrentHashMap<>();
    private final Apps apps;

    PayImport(Apps apps, Cards cards, Identities ids, Stats stats) {
        this.apps = apps;
        this.cards = cards;
        this.ids = ids;
        this.stats = stats;
    }

    /**
     * The merchant's card that WeChat Pay's member-card calls may touch, or WeChat Pay's documented refusal: an unknown
     * card, another merchant's card, or (where the account requires it) a card not upgraded yet.
     */
    Card upgradedCard(Apps.Registered merchant, String cardId) {
        Card card = cards.find(cardId);
        if (card == null) {
            throw new PayException(400, "INVALID_REQUEST", UNKNOWN_CARD);
        }
        if (!card.appId.equals(merchant.appId())) {
            throw new PayException(400, "INVALID_REQUEST", OTHER_MERCHANTS_CARD);
        }
        if (apps.requiresCardUpgrade(card.appId) && !upgraded.containsKey(card.id)) {
            throw new PayException(400, "INVALID_REQUEST", NOT_UPGRADED);
        }
        return card;
    }

    /**
     * Imports the openid into the card. The same out_request_no with the same parameters answers the same code;
     * with other parameters 400 INVALID_REQUEST. The refusals are WeChat Pay's documented ones (the membercard-open
     * error table, shared by its pages): 400 INVALID_REQUEST with the message "会员卡ID无效" (unknown card),
     * "会员卡的创建商户号不等于调用方商户号" (another merchant's card) and "会员已经领取过该卡" (the openid already holds
     * the card: WeChat names no code, {@code GET .../user/cards} tells it). An openid of another account: 403 NO_AUTH
     * (no documented answer).
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
            Card card = upgradedCard(merchant, cardId);
            if (ids.belongsElsewhere(openid, merchant.appId())) {
                // WeChat documents no answer for this (the brand table's closest is 400 INVALID_REQUEST "OpenID 无效"):
                // kept 403 NO_AUTH, which the product's end-to-end tests rely on
                throw new PayException(403, "NO_AUTH", "the openid does not belong to the card's account");
            }
            Membership member = addActiveMember(card, merchant.appId(), openid, code);
            ids.remember(member, merchant.appId());
            byRequestNo.put(key, new Done(fingerprint, member.code));
            stats.imports.increment();
            return member.code;
        }
    }

    /**
     * {@code POST /v3/marketing/membercard-open/cards/{card_id}/upgrade}: binds the card to a brand; card_id and
     * members stay. Again on an upgraded card: 400 INVALID_REQUEST "会员卡已经迁移" (a community report). The appid must
     * be the card's account (the sandbox's stand-in for WeChat's "B-A relation" with the brand).
     */
    void upgrade(Apps.Registered merchant, String cardId, String brandId, String appId) {
        Card card = cards.find(cardId);
        if (card == null) {
            throw new PayException(400, "INVALID_REQUEST", UNKNOWN_CARD);
        }
        if (!card.appId.equals(merchant.appId())) {
            throw new PayException(400, "INVALID_REQUEST", OTHER_MERCHANTS_CARD);
        }
        if (!card.appId.equals(appId)) {
            throw new PayException(400, "INVALID_REQUEST", "appid " + appId + " is not bound to the brand of this card");
        }
        if (upgraded.putIfAbsent(card.id, brandId) != null) {
            throw new PayException(400, "INVALID_REQUEST", ALREADY_UPGRADED);
        }
    }

    private Membership addActiveMember(Card card, String appId, String openid, String code) {
        synchronized (card) {
            List<String> held = card.codesHeldBy(openid);
            if (!held.isEmpty()) {
                throw new PayException(400, "INVALID_REQUEST", ALREADY_HOLDS_THE_CARD);
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
            member.activate(member.code, cards.now());
            return card.receive(member, true, false);
        }
    }

    /**
     * {@code GET /v3/marketing/membercard-open/user/cards}: the cards (card_id, code) the openid holds among the
     * merchant's account's cards, a page of at most {@code limit} (1..20) from {@code offset}.
     */
    ObjectNode userCards(Apps.Registered merchant, String openid, int offset, int limit) {
        List<String[]> held = new java.util.ArrayList<>();
        for (Card card : cards.ofApp(merchant.appId())) {
            card.codesHeldBy(openid).forEach(code -> held.add(new String[] {card.id, code}));
        }
        ObjectNode answer = Json.object();
        var data = answer.putArray("data");
        held.stream().skip((long) offset * limit).limit(limit)
                .forEach(row -> data.addObject().put("card_id", row[0]).put("code", row[1]));
        return answer.put("total_count", held.size()).put("offset", offset).put("limit", limit);
    }

    void clear() {
        upgraded.clear();
        byRequestNo.clear();
        updateRequests.clear();
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

    /** The cards upgraded, with their brands. */
    com.fasterxml.jackson.databind.node.ArrayNode upgradesSnapshot() {
        var out = Json.array();
        upgraded.forEach((cardId, brandId) -> out.addObject().put("card_id", cardId).put("brand_id", brandId));
        return out;
    }

    void restoreUpgrades(com.fasterxml.jackson.databind.node.ArrayNode upgrades) {
        for (var row : upgrades) {
            upgraded.put(StateJson.text(row, "card_id"), StateJson.text(row, "brand_id"));
        }
    }

    /**
     * What a member-card update ({@link PayCodes}) did under this merchant's out_request_no, if any: kept here beside
     * the imports' request numbers, and cleared with them.
     */
    String updateRequest(Apps.Registered merchant, String outRequestNo) {
        return updateRequests.get(merchant.app().merchantId() + "|" + outRequestNo);
    }

    void rememberUpdateRequest(Apps.Registered merchant, String outRequestNo, String fingerprint) {
        updateRequests.put(merchant.app().merchantId() + "|" + outRequestNo, fingerprint);
    }

    boolean isUpgraded(String cardId) {
        return upgraded.containsKey(cardId);
    }

    void restore(com.fasterxml.jackson.databind.node.ArrayNode requests) {
        for (var row : requests) {
            byRequestNo.put(StateJson.text(row, "key"),
                    new Done(StateJson.text(row, "fingerprint"), StateJson.text(row, "code")));
        }
    }
}
