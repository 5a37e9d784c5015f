package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Official Account's pay-to-join rules ({@code card/paygiftcard/add}, {@code getbyid}, {@code batchget},
 * {@code delete}; FIDELITY.md section 18). A rule names WeChat Pay merchants, a time window and an amount range
 * ({@code least_cost}..{@code max_cost}, fen) of a member card; a merchant already taken by another rule for the
 * same time is answered in {@code fail_mchid_list} (with the rule holding it), the others in {@code succ_mchid_list}.
 * Not kept in the state file (a sandbox decision).
 */
final class PayGiftRules {
    static final String TYPE = "RULE_TYPE_PAY_MEMBER_CARD";
    private final Cards cards;
    private final Map<Long, Rule> rules = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);

    private record Rule(long id, String appId, ObjectNode info, List<String> mchids, long begin, long end) {}

    PayGiftRules(Cards cards) {
        this.cards = cards;
    }

    synchronized ObjectNode add(String appId, ObjectNode body) {
        JsonNode info = body.path("rule_info");
        if (!TYPE.equals(Json.text(info, "type"))) {
            throw WxException.invalidArgs("rule_info.type must be " + TYPE);
        }
        JsonNode base = info.path("base_info");
        JsonNode member = info.path("member_rule");
        Card card = cards.of(appId, Json.requiredText(member, "card_id"));
        Long least = Json.integer(member, "least_cost");
        Long max = Json.integer(member, "max_cost");
        Long begin = Json.integer(base, "begin_time");
        Long end = Json.integer(base, "end_time");
        if (least == null || max == null || least < 0 || max < least) {
            throw WxException.invalidArgs("member_rule.least_cost and max_cost (fen) must be given, 0 <= least <= max");
        }
        if (begin == null || end == null || end <= begin) {
            throw WxException.invalidArgs("base_info.begin_time and end_time must be given, end after begin");
        }
        List<String> asked = new ArrayList<>();
        base.path("mchid_list").forEach(mchid -> asked.add(mchid.asText()));
        if (asked.isEmpty()) {
            throw WxException.missingField("base_info.mchid_list");
        }
        long id = ids.incrementAndGet();
        ObjectNode out = Json.object().put("rule_id", id);
        ArrayNode succ = out.putArray("succ_mchid_list");
        ArrayNode fail = out.putArray("fail_mchid_list");
        List<String> taken = new ArrayList<>();
        for (String mchid : asked) {
            Rule holder = rules.values().stream().filter(r -> r.mchids.contains(mchid) && r.begin < end
                    && begin < r.end).findFirst().orElse(null);
            if (holder == null) {
                succ.add(mchid);
                taken.add(mchid);
            } else {
                fail.addObject().put("mchid", mchid).put("occupy_rule_id", holder.id).put("occupy_appid",
                        holder.appId).put("errcode", 40097).put("errmsg", "mchid is used by another rule");
            }
        }
        if (!taken.isEmpty()) {
            ObjectNode stored = info.deepCopy();
            ((ObjectNode) stored.path("member_rule")).put("card_id", card.id);
            rules.put(id, new Rule(id, appId, stored, taken, begin, end));
        }
        return out;
    }

    ObjectNode get(String appId, long ruleId) {
        Rule rule = own(appId, ruleId);
        ObjectNode out = Json.object();
        out.set("rule_info", rule.info.deepCopy());
        return out;
    }

    ObjectNode batch(String appId, boolean effective, int offset, int count, long now) {
        List<Rule> mine = rules.values().stream().filter(r -> r.appId.equals(appId))
                .filter(r -> !effective || (r.begin <= now && now < r.end))
                .sorted(java.util.Comparator.comparingLong(Rule::id)).toList();
        ObjectNode out = Json.object().put("total_count", mine.size());
        ArrayNode list = out.putArray("rule_list");
        mine.stream().skip(Math.max(0, offset)).limit(Math.max(0, count))
                .forEach(r -> list.addObject().put("rule_id", r.id).set("rule_info", r.info.deepCopy()));
        return out;
    }

    /** A rule's card offered after a payment: the rule and its card. */
    record Offer(long ruleId, String cardId) {}

    /**
     * The account's rule in force at {@code now} for a payment of {@code amountFen} to {@code mchid}: its merchant
     * list holds the mchid and {@code least_cost <= amount <= max_cost}; null when none.
     */
    synchronized Offer offer(String appId, String mchid, long amountFen, long now) {
        return rules.values().stream().filter(r -> r.appId.equals(appId) && r.mchids.contains(mchid))
                .filter(r -> r.begin <= now && now < r.end)
                .filter(r -> r.info.path("member_rule").path("least_cost").asLong() <= amountFen
                        && amountFen <= r.info.path("member_rule").path("max_cost").asLong())
                .min(java.util.Comparator.comparingLong(Rule::id))
                .map(r -> new Offer(r.id, r.info.path("member_rule").path("card_id").asText())).orElse(null);
    }

    void delete(String appId, long ruleId) {
        rules.remove(own(appId, ruleId).id);
    }

    private Rule own(String appId, long ruleId) {
        Rule rule = rules.get(ruleId);
        if (rule == null || !rule.appId.equals(appId)) {
            throw WxException.invalidArgs("invalid rule_id " + ruleId);
        }
        return rule;
    }

    /** Control: the rule was deleted on WeChat's platform, whichever account holds it. */
    void deleteAnywhere(long ruleId) {
        if (rules.remove(ruleId) == null) {
            throw new IllegalArgumentException("no rule " + ruleId);
        }
    }

    void clear() {
        rules.clear();
    }
}
