package io.wxcard.application.service;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.CampaignJoinStore;
import io.wxcard.application.port.out.store.CampaignStore;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.domain.campaign.CampaignJoin;
import io.wxcard.domain.campaign.PayToJoin;
import io.wxcard.domain.membership.Membership;
import java.time.Instant;
import java.util.Objects;

/**
 * Attributes a new member to the pay-to-join campaign that brought them ({@link PayToJoin} decides which), and keeps
 * it once: the same push again finds the join kept and changes nothing. The time is the push's {@code CreateTime}
 * (when WeChat saw the card taken), not when the push was applied.
 */
final class PayToJoinAttribution {

    private final CampaignStore campaigns;
    private final CampaignJoinStore joins;

    PayToJoinAttribution(CampaignStore campaigns, CampaignJoinStore joins) {
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.joins = Objects.requireNonNull(joins, "campaign joins");
    }

    /** The campaign the receipt came through, now kept with the membership; none when it came through none. */
    Option<CampaignJoin> attribute(Membership membership, WechatEvent.CardReceived received) {
        if (!PayToJoin.afterPayment(received.sourceScene())) {
            return Option.none();
        }
        Instant receivedAt = Instant.ofEpochSecond(received.header().createTime());
        return PayToJoin.attribute(received.sourceScene(), receivedAt,
                        campaigns.ofCard(membership.tenantId(), membership.cardId()))
                .flatMap(campaign -> {
                    CampaignJoin join = new CampaignJoin(membership.tenantId(), campaign.id(), membership.cardId(),
                            membership.code(), membership.openId(), received.sourceScene().get(), receivedAt);
                    return joins.record(join) ? Option.of(join)
                            : joins.of(membership.tenantId(), membership.cardId(), membership.code());
                });
    }
}
