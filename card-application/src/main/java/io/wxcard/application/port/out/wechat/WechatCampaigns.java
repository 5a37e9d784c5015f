package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.MerchantCredentials;

/**
 * Campaigns on WeChat's side (FIDELITY.md section 18): the Official Account's pay-to-join rules
 * ({@code card/paygiftcard/add}, {@code delete}) and WeChat Pay's member-card activities
 * ({@code /v3/marketing/membercard-activity/activities}, create and terminate).
 */
public interface WechatCampaigns {

    /** Adds a pay-to-join rule; answers WeChat's {@code rule_id}. NOT safe to repeat: each add is a new rule. */
    Either<WechatError, String> addPayToJoinRule(WechatAccount account, WechatCardId cardId, CampaignTerms terms);

    Either<WechatError, Done> deletePayToJoinRule(WechatAccount account, String ruleId);

    /**
     * Creates a WeChat Pay member-card activity; answers its {@code activity_id}. Safe to repeat with the same
     * {@code outRequestNo}.
     */
    Either<WechatError, String> createPayActivity(MerchantCredentials merchant, WechatCardId cardId,
                                                  CampaignTerms terms, String outRequestNo);

    Either<WechatError, Done> terminatePayActivity(MerchantCredentials merchant, String activityId);
}
