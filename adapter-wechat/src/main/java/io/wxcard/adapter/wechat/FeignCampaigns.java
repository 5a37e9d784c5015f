package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCampaigns;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.util.List;

/**
 * {@link WechatCampaigns} over the Official Account API's pay-to-join rules. WeChat Pay's member-card activities
 * are not connected yet (issue 20 item 3, left for the next session): they are refused, never pretended.
 */
final class FeignCampaigns implements WechatCampaigns {

    private final OaClients calls;

    FeignCampaigns(OaClients calls) {
        this.calls = calls;
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
    public Either<WechatError, String> createPayActivity(MerchantCredentials merchant, WechatCardId cardId,
                                                         CampaignTerms terms, String outRequestNo) {
        return Either.left(notConnected());
    }

    @Override
    public Either<WechatError, Done> terminatePayActivity(MerchantCredentials merchant, String activityId) {
        return Either.left(notConnected());
    }

    private static WechatError notConnected() {
        return new WechatError(WechatError.Kind.CLIENT_ERROR, "not-connected", "WeChat Pay member-card activities "
                + "(/v3/marketing/membercard-activity) are not connected in this version; use a pay-to-join rule");
    }
}
