package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCampaigns;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link WechatCampaigns}: the Official Account API's pay-to-join rules ({@code card/paygiftcard/*}) and WeChat Pay's
 * member-card activities ({@link PayActivities}, signed WeChat Pay v3 calls).
 */
final class FeignCampaigns implements WechatCampaigns {
    /** batchget's page: WeChat's limit is not documented in what was read; 50 a page. */
    static final int RULES_PAGE = 50;
    /** A bound on the pages read (10,000 rules), not WeChat's limit. */
    static final int MAX_RULE_PAGES = 200;

    private final OaClients calls;
    private final PayActivities activities;

    FeignCampaigns(OaClients calls, PayActivities activities) {
        this.calls = calls;
        this.activities = activities;
    }

    @Override
    public Either<WechatError, String> addPayToJoinRule(WechatAccount account, WechatCardId cardId,
                                                        CampaignTerms terms) {
        CampaignJson.PayGiftAddRequest body = new CampaignJson.PayGiftAddRequest(new CampaignJson.RuleInfo(
                "RULE_TYPE_PAY_MEMBER_CARD", new CampaignJson.RuleBase(terms.mchids(),
                        terms.begin().getEpochSecond(), terms.end().getEpochSecond()),
                new CampaignJson.MemberRule(cardId.value(), terms.leastCost().get().value(),
                        terms.maxCost().get().value())));
        return calls.call(account, api -> api.addPayGiftRule(body)).flatMap(answer -> {
            List<CampaignJson.FailedMchid> failed = answer.failMchidList() == null ? List.of() : answer.failMchidList();
            if (answer.ruleId() == null) {
                return Either.left(Answers.missing("rule_id"));
            }
            if (!failed.isEmpty()) {
                // WeChat made the rule for the other merchants only: undo it, so that nothing half-applies.
                calls.call(account, api -> api.deletePayGiftRule(new CampaignJson.RuleIdRequest(answer.ruleId())));
                CampaignJson.FailedMchid first = failed.get(0);
                return Either.left(new WechatError(WechatError.Kind.CONFLICT, "fail_mchid_list", "mchid "
                        + first.mchid() + " is already used by rule " + first.occupyRuleId() + " ("
                        + first.errmsg() + ")"));
            }
            return Either.right(Long.toString(answer.ruleId()));
        });
    }

    @Override
    public Either<WechatError, Done> deletePayToJoinRule(WechatAccount account, String ruleId) {
        return calls.call(account, api -> api.deletePayGiftRule(new CampaignJson.RuleIdRequest(Long.parseLong(ruleId))))
                .map(answer -> Done.DONE);
    }

    @Override
    public Either<WechatError, WechatCampaignState> payToJoinRule(WechatAccount account, String ruleId) {
        return calls.call(account, api -> api.payGiftRule(new CampaignJson.RuleIdRequest(Long.parseLong(ruleId))))
                .flatMap(answer -> answer.ruleInfo() == null ? Either.left(Answers.missing("rule_info"))
                        : Either.right(new WechatCampaignState(ruleId, RULE_PRESENT, false)));
    }

    @Override
    public Either<WechatError, List<WechatCampaignState>> payToJoinRules(WechatAccount account) {
        List<WechatCampaignState> all = new ArrayList<>();
        for (int page = 0; page < MAX_RULE_PAGES; page++) {
            int offset = page * RULES_PAGE;
            Either<WechatError, CampaignJson.PayGiftBatchAnswer> answer = calls.call(account, api -> api.payGiftRules(
                    new CampaignJson.BatchGetRequest("RULE_TYPE_PAY_MEMBER_CARD", false, offset, RULES_PAGE)));
            if (answer.isLeft()) {
                return Either.left(answer.getLeft());
            }
            List<CampaignJson.ListedRule> rules = answer.get().ruleList() == null ? List.of() : answer.get().ruleList();
            rules.stream().filter(rule -> rule.ruleId() != null).forEach(rule -> all.add(new WechatCampaignState(
                    Long.toString(rule.ruleId()), RULE_PRESENT, false)));
            long total = answer.get().totalCount() == null ? 0 : answer.get().totalCount();
            if (rules.isEmpty() || offset + rules.size() >= total) {
                return Either.right(all);
            }
        }
        return Either.left(new WechatError(WechatError.Kind.CLIENT_ERROR, "too_many_rules", "the account has more "
                + "than " + MAX_RULE_PAGES * RULES_PAGE + " pay-to-join rules: not read whole"));
    }

    @Override
    public Either<WechatError, String> createPayActivity(MerchantCredentials merchant, WechatCardId cardId,
                                                         CampaignTerms terms, String outRequestNo) {
        return activities.create(merchant, cardId, terms, outRequestNo);
    }

    @Override
    public Either<WechatError, Done> terminatePayActivity(MerchantCredentials merchant, String activityId) {
        return activities.terminate(merchant, activityId);
    }

    @Override
    public Either<WechatError, WechatCampaignState> payActivity(MerchantCredentials merchant, String activityId) {
        return activities.get(merchant, activityId);
    }

    @Override
    public Either<WechatError, List<WechatCampaignState>> payActivities(MerchantCredentials merchant,
                                                                        WechatCardId cardId) {
        return activities.list(merchant, cardId);
    }
}
