package io.wxcard.sandbox;

/** The pay-gift rule endpoints ({@code /card/paygiftcard/...}): add, get by id, batch get, delete. */
final class PayGiftRuleRoutes {
    private final PayGiftRules rules;
    private final Cards cards;

    PayGiftRuleRoutes(PayGiftRules rules, Cards cards) {
        this.rules = rules;
        this.cards = cards;
    }

    void register(OaEndpoint oa) {
        oa.post("/card/paygiftcard/add", call -> rules.add(call.appId, call.body()));
        oa.query("/card/paygiftcard/getbyid", call -> rules.get(call.appId, requiredRuleId(call)));
        oa.query("/card/paygiftcard/batchget", call -> rules.batch(call.appId,
                Json.bool(call.body(), "effective", false), call.body().path("offset").asInt(0),
                call.body().path("count").asInt(10), cards.now()));
        oa.post("/card/paygiftcard/delete", call -> {
            rules.delete(call.appId, requiredRuleId(call));
            return null;
        });
    }

    private static long requiredRuleId(OaCall call) {
        Long ruleId = call.integer("rule_id");
        if (ruleId == null) {
            throw WxException.missingField("rule_id");
        }
        return ruleId;
    }
}
