package io.wxcard.application.service;

import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageCampaignsUseCase.CampaignReport;
import io.wxcard.application.port.in.ManageCampaignsUseCase.WechatView;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.CampaignStore;
import io.wxcard.application.port.out.wechat.WechatCampaigns;
import io.wxcard.application.port.out.wechat.WechatCampaigns.WechatCampaignState;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What WeChat says of our campaigns (issue 17 item 5, issue 20 item 3): a pay-to-join rule read by {@code getbyid}
 * and, when WeChat no longer knows it, looked for in the account's whole list ({@code batchget}) before it is taken
 * as deleted; an activity by its WeChat Pay state. A campaign WeChat has ended while ours ran is recorded as terminated
 * (so the overlap guard no longer counts it). WeChat unreachable or refusing: our view, flagged not confirmed.
 */
final class CampaignsOnWechat {

    private final CampaignStore campaigns;
    private final WechatCampaigns wechat;
    private final Lookups lookups;
    private final Clock clock;

    CampaignsOnWechat(CampaignStore campaigns, WechatCampaigns wechat, Lookups lookups, Clock clock) {
        this.campaigns = campaigns;
        this.wechat = wechat;
        this.lookups = lookups;
        this.clock = clock;
    }

    CampaignReport report(Campaign campaign) {
        return reconcile(campaign, read(campaign));
    }

    /** One list read for the rules, one for the card's activities, whatever the number of campaigns. */
    List<CampaignReport> reports(TenantId tenantId, WechatCardId cardId, List<Campaign> ofCard) {
        Either<String, Map<String, WechatCampaignState>> rules = ofCard.stream().anyMatch(c -> !payActivity(c))
                ? lookups.account(tenantId).mapLeft(Failure::detail)
                        .flatMap(account -> wechat.payToJoinRules(account).mapLeft(CampaignsOnWechat::problem))
                        .map(CampaignsOnWechat::byId)
                : Either.right(Map.of());
        Either<String, Map<String, WechatCampaignState>> activities = ofCard.stream().anyMatch(this::payActivity)
                ? merchant(tenantId).flatMap(merchant -> wechat.payActivities(merchant, cardId)
                        .mapLeft(CampaignsOnWechat::problem)).map(CampaignsOnWechat::byId)
                : Either.right(Map.of());
        return ofCard.stream().map(c -> {
            Either<String, Map<String, WechatCampaignState>> listed = payActivity(c) ? activities : rules;
            Either<String, WechatCampaignState> seen = listed.map(byId -> byId.getOrDefault(c.wechatId(),
                    absent(c)));
            return reconcile(c, seen);
        }).toList();
    }

    private Either<String, WechatCampaignState> read(Campaign c) {
        if (payActivity(c)) {
            return merchant(c.tenantId()).flatMap(merchant -> wechat.payActivity(merchant, c.wechatId())
                    .mapLeft(CampaignsOnWechat::problem));
        }
        return lookups.account(c.tenantId()).mapLeft(Failure::detail).flatMap(account -> {
            Either<WechatError, WechatCampaignState> one = wechat.payToJoinRule(account, c.wechatId());
            if (one.isRight() || one.getLeft().kind().worthRetryingLater()) {
                return one.mapLeft(CampaignsOnWechat::problem);
            }
            // WeChat refused the id: only its whole list can say the rule is gone rather than the call wrong.
            return wechat.payToJoinRules(account).mapLeft(CampaignsOnWechat::problem).flatMap(all -> {
                WechatCampaignState listed = byId(all).get(c.wechatId());
                return listed == null ? Either.right(absent(c)) : Either.left(problem(one.getLeft()));
            });
        });
    }

    private CampaignReport reconcile(Campaign ours, Either<String, WechatCampaignState> seen) {
        if (seen.isLeft()) {
            return new CampaignReport(ours, WechatView.unconfirmed(seen.getLeft()));
        }
        WechatCampaignState state = seen.get();
        if (state.ended() && ours.terminatedAt().isEmpty() && ours.runningAt(clock.now())) {
            Campaign ended = ours.terminate(clock.now()).get();
            campaigns.terminated(ended);
            return new CampaignReport(ended, WechatView.seen(state.state(), true));
        }
        return new CampaignReport(ours, WechatView.seen(state.state(), false));
    }

    private Either<String, io.wxcard.domain.tenant.MerchantCredentials> merchant(TenantId tenantId) {
        return lookups.tenant(tenantId).mapLeft(Failure::detail)
                .flatMap(tenant -> tenant.checkCanImportMembers().mapLeft(rejection -> rejection.reason()));
    }

    private boolean payActivity(Campaign c) {
        return c.terms().kind().payActivity();
    }

    private static WechatCampaignState absent(Campaign c) {
        return new WechatCampaignState(c.wechatId(), c.terms().kind().payActivity() ? "NOT_LISTED"
                : WechatCampaigns.RULE_DELETED, !c.terms().kind().payActivity());
    }

    private static Map<String, WechatCampaignState> byId(List<WechatCampaignState> states) {
        return states.stream().collect(Collectors.toMap(WechatCampaignState::wechatId, Function.identity(),
                (a, b) -> a));
    }

    private static String problem(WechatError error) {
        return (error.kind().worthRetryingLater() ? "WeChat could not be reached or was busy" : "WeChat refused the read")
                + " (" + error.code() + ": " + error.message() + "): this is our stored view, not confirmed by WeChat";
    }
}
