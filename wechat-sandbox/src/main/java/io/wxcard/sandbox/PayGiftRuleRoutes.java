package io.wxcard.sandbox;

import io.javalin.Javalin;

/**
 * The pay-gift rule endpoints on the Official Account API ({@code /card/paygiftcard/...}: add, get by id, batch get,
 * delete), and the control API's payment that makes one give its card: {@code POST /sandbox/payments {appid, mchid,
 * openid, amount_fen}} plays a member paying that merchant with WeChat Pay. When a rule of the account in force covers the merchant and the amount, WeChat
 * offers the rule's card after the payment ("支持开发者设置微信支付后为用户下发领卡消息"); the sandbox has the member
 * take it at once and pushes {@code user_get_card} with {@code SourceScene} {@link #SOURCE_SCENE_PAY}. That value is
 * the sandbox's (and the product's) <b>inference</b>: no page read names the scene WeChat sends for such a receipt
 * (FIDELITY section 26). A payer who holds the card already (its get_limit reached) is offered nothing.
 */
final class PayGiftRuleRoutes {
    static final String SOURCE_SCENE_PAY = "SOURCE_SCENE_PAY";

    private final PayGiftRules rules;
    private final Cards cards;
    private final MemberActions members;

    PayGiftRuleRoutes(PayGiftRules rules, Cards cards, MemberActions members) {
        this.rules = rules;
        this.cards = cards;
        this.members = members;
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

    void register(Javalin server, ControlRoutes control) {
        control.post(server, "/sandbox/payments", (ctx, body) -> {
            String appId = Json.requiredText(body, "appid");
            String mchid = Json.requiredText(body, "mchid");
            String openid = Json.requiredText(body, "openid");
            Long amount = Json.integer(body, "amount_fen");
            if (amount == null || amount <= 0) {
                throw WxException.invalidArgs("amount_fen must be a positive number of fen");
            }
            PayGiftRules.Offer offer = rules.offer(appId, mchid, amount, cards.now());
            if (offer == null) {
                return Json.object().put("offered", false).put("why", "no pay-to-join rule of " + appId
                        + " in force covers mchid " + mchid + " and " + amount + " fen");
            }
            Card card = cards.of(appId, offer.cardId());
            if (card.heldInsteadOfNew(openid) != null) {
                return Json.object().put("offered", false).put("rule_id", offer.ruleId())
                        .put("why", openid + " holds card " + card.id + " already");
            }
            MemberActions.Received received = members.receive(card, openid, "", 0, null, null, null, null,
                    SOURCE_SCENE_PAY);
            return Json.object().put("offered", true).put("rule_id", offer.ruleId()).put("card_id", card.id)
                    .put("code", received.code());
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
