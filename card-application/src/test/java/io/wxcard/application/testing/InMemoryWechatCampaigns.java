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
import java.util.List;
import java.util.Map;
import java.util.Set;

/** WeChat's rules and activities in memory. */
public final class InMemoryWechatCampaigns implements WechatCampaigns {

    private final Map<String, CampaignTerms> rules = new LinkedHashMap<>();
    private final Map<String, CampaignTerms> activities = new LinkedHashMap<>();
    private final Map<String, String> activityByRequest = new LinkedHashMap<>();
    private final Map<String, String> activityStatus = new LinkedHashMap<>();
    private final Map<String, WechatCardId> activityCard = new LinkedHashMap<>();
    private long next;
    private boolean unreachable;

    /** Every read fails as WeChat unreachable would (TRANSIENT), or works again. */
    public synchronized void unreachable(boolean unreachable) {
        this.unreachable = unreachable;
    }

    /** Someone deleted the rule on WeChat's side (the merchant platform, another tool). */
    public synchronized void deletedOnWechat(String ruleId) {
        rules.remove(ruleId);
    }

    /** Someone terminated the activity on WeChat Pay's side. */
    public synchronized void terminatedOnWechat(String activityId) {
        activityStatus.put(activityId, "TERMINATED");
    }

    @Override
    public synchronized Either<WechatError, WechatCampaignState> payToJoinRule(WechatAccount account, String ruleId) {
        if (unreachable) {
            return Either.left(down());
        }
        return rules.containsKey(ruleId) ? Either.right(new WechatCampaignState(ruleId, RULE_PRESENT, false))
                : Either.left(new WechatError(WechatError.Kind.CLIENT_ERROR, "40097", "invalid rule_id"));
    }

    @Override
    public synchronized Either<WechatError, List<WechatCampaignState>> payToJoinRules(WechatAccount account) {
        return unreachable ? Either.left(down()) : Either.right(rules.keySet().stream()
                .map(id -> new WechatCampaignState(id, RULE_PRESENT, false)).toList());
    }

    @Override
    public synchronized Either<WechatError, WechatCampaignState> payActivity(MerchantCredentials merchant,
                                                                             String activityId) {
        if (unreachable) {
            return Either.left(down());
        }
        String status = activityStatus.get(activityId);
        return status == null ? Either.left(new WechatError(WechatError.Kind.NOT_FOUND, "RESOURCE_NOT_EXISTS", "活动不存在"))
                : Either.right(new WechatCampaignState(activityId, status, !"ONGOING".equals(status)
                        && !"CREATED".equals(status)));
    }

    @Override
    public synchronized Either<WechatError, List<WechatCampaignState>> payActivities(MerchantCredentials merchant,
                                                                                     WechatCardId cardId) {
        return unreachable ? Either.left(down()) : Either.right(activityStatus.keySet().stream()
                .filter(id -> cardId.equals(activityCard.get(id))).map(id -> payActivity(merchant, id).get()).toList());
    }

    private static WechatError down() {
        return new WechatError(WechatError.Kind.TRANSIENT, "network", "connection refused");
    }

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
        activityStatus.putIfAbsent(id, "ONGOING");
        activityCard.put(id, cardId);
        return Either.right(id);
    }

    @Override
    public synchronized Either<WechatError, Done> terminatePayActivity(MerchantCredentials merchant,
                                                                       String activityId) {
        if (!activityStatus.containsKey(activityId)) {
            return Either.left(new WechatError(WechatError.Kind.NOT_FOUND, "RESOURCE_NOT_EXISTS", "活动不存在"));
        }
        activityStatus.put(activityId, "TERMINATED");
        return Either.right(Done.DONE);
    }
}
