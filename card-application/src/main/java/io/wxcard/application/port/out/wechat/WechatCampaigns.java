package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.util.List;

/**
 * Campaigns on WeChat's side (FIDELITY.md section 18): the Official Account's pay-to-join rules
 * ({@code card/paygiftcard/add}, {@code delete}) and WeChat Pay's member-card activities
 * ({@code /v3/marketing/membercard-activity/activities}: create, get, list, terminate); FIDELITY.md section 27.
 */
public interface WechatCampaigns {

    /** What WeChat says a rule or activity is. A rule has no state of its own: {@link #RULE_PRESENT} while WeChat
     * has it. {@code ended}: WeChat has ended it (terminated, over time, a rule no longer there). */
    record WechatCampaignState(String wechatId, String state, boolean ended) {}

    /** A pay-to-join rule WeChat has (getbyid answered it, or batchget listed it). */
    String RULE_PRESENT = "RULE_PRESENT";
    /** A pay-to-join rule WeChat's whole list (batchget) no longer holds: deleted on WeChat's side. */
    String RULE_DELETED = "RULE_DELETED";

    /** {@code card/paygiftcard/getbyid}: the rule as WeChat has it (WeChat's refusal for an unknown id as an error). */
    Either<WechatError, WechatCampaignState> payToJoinRule(WechatAccount account, String ruleId);

    /** {@code card/paygiftcard/batchget}, page after page: every rule the account has on WeChat. */
    Either<WechatError, List<WechatCampaignState>> payToJoinRules(WechatAccount account);

    /** {@code GET .../activities/{activity_id}}: WeChat Pay's activity_status (CREATED, ONGOING, TERMINATED, OVER_TIME). */
    Either<WechatError, WechatCampaignState> payActivity(MerchantCredentials merchant, String activityId);

    /** {@code GET .../activities?card_id=}, page after page: every activity of the card on WeChat Pay. */
    Either<WechatError, List<WechatCampaignState>> payActivities(MerchantCredentials merchant, WechatCardId cardId);

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
