package io.wxcard.application.testing;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCampaigns;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** WeChat's rules and activities in memory. */
public final class InMemoryWechatCampaigns implements WechatCampaigns {

    private final Map<String, CampaignTerms> rules = new LinkedHashMap<>();
    private final Map<String, CampaignTerms> activities = new LinkedHashMap<>();
    private final Map<String, String> activityByRequest = new LinkedHashMap<>();
    private long next;

    public synchronized Set<String> rules() {
        return Set.copyOf(rules.keySet());
    }

    public synchronized Set<String> activities() {
        return Set.copyOf(activities.keySet());
    }

    @Override
    public synchronized Either<WechatError, String> addPayToJoinRule(WechatAccount account, WechatCardId cardId,
                                                                     CampaignTerms terms) {
        String ruleId = Long.toString(++next);
        rules.put(ruleId, terms);
        return Either.right(ruleId);
    }

    @Override
    public synchronized Either<WechatError, Done> deletePayToJoinRule(WechatAccount account, String ruleId) {
        return rules.remove(ruleId) == null
                ? Either.left(new WechatError(WechatError.Kind.NOT_FOUND, "40097", "invalid rule_id"))
                : Either.right(Done.DONE);
    }

    @Override
    public synchronized Either<WechatError, String> createPayActivity(MerchantCredentials merchant,
                                                                      WechatCardId cardId, CampaignTerms terms,
                                                                      String outRequestNo) {
        String id = activityByRequest.computeIfAbsent(outRequestNo, request -> Long.toString(++next));
        activities.put(id, terms);
        return Either.right(id);
    }

    @Override
    public synchronized Either<WechatError, Done> terminatePayActivity(MerchantCredentials merchant,
                                                                       String activityId) {
        return activities.remove(activityId) == null
                ? Either.left(new WechatError(WechatError.Kind.NOT_FOUND, "RESOURCE_NOT_EXISTS", "活动不存在"))
                : Either.right(Done.DONE);
    }
}
