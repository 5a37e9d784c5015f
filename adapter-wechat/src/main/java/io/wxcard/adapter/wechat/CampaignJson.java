package io.wxcard.adapter.wechat;

import java.util.List;

/** The pay-to-join rules' requests and answers ({@code card/paygiftcard/*}, FIDELITY.md section 18). */
final class CampaignJson {

    private CampaignJson() {}

    record PayGiftAddRequest(RuleInfo ruleInfo) {}

    /** {@code begin_time}/{@code end_time} in seconds; costs in fen. */
    record RuleInfo(String type, RuleBase baseInfo, MemberRule memberRule) {}

    record RuleBase(List<String> mchidList, long beginTime, long endTime) {}

    record MemberRule(String cardId, long leastCost, long maxCost) {}

    record PayGiftAddAnswer(Long errcode, String errmsg, Long ruleId, List<String> succMchidList,
                            List<FailedMchid> failMchidList) implements WechatJson.Answer {}

    record FailedMchid(String mchid, Long occupyRuleId, String occupyAppid, Long errcode, String errmsg) {}

    record RuleIdRequest(long ruleId) {}

    record PayGiftGetAnswer(Long errcode, String errmsg, RuleInfo ruleInfo) implements WechatJson.Answer {}

    /** {@code effective} false: every rule, in force or not. */
    record BatchGetRequest(String type, boolean effective, int offset, int count) {}

    record PayGiftBatchAnswer(Long errcode, String errmsg, List<ListedRule> ruleList, Long totalCount)
            implements WechatJson.Answer {}

    record ListedRule(Long ruleId, RuleInfo ruleInfo) {}
}
