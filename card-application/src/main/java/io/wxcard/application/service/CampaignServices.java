package io.wxcard.application.service;

import io.wxcard.application.port.in.ManageCampaignsUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.CampaignJoinStore;
import io.wxcard.application.port.out.store.CampaignStore;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.wechat.WechatCampaigns;
import java.util.Objects;

/**
 * Gift-on-joining campaigns, wired (issue 20 item 3): kept apart like {@link OperatorServices}, so that an embedding
 * without campaigns needs none of their ports.
 */
public final class CampaignServices {

    public record Dependencies(CampaignStore campaigns, ImportJobStore imports, WechatCampaigns wechat,
                               TenantStore tenants, CardStore cards,
                               MembershipStore memberships, Clock clock, IdGenerator ids,
                               CampaignJoinStore joins) {
        public Dependencies {
            Objects.requireNonNull(campaigns, "campaigns");
            Objects.requireNonNull(imports, "imports");
            Objects.requireNonNull(wechat, "WeChat campaigns");
            Objects.requireNonNull(tenants, "tenants");
            Objects.requireNonNull(cards, "cards");
            Objects.requireNonNull(memberships, "memberships");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(ids, "ids");
            Objects.requireNonNull(joins, "campaign joins");
        }
    }

    private final CampaignService campaigns;

    public CampaignServices(Dependencies d) {
        Lookups lookups = new Lookups(new RecentTenants(d.tenants()), new RecentCards(d.cards()), d.memberships());
        this.campaigns = new CampaignService(d.campaigns(), d.imports(), d.wechat(), lookups,
                d.clock(), d.ids(), d.joins());
    }

    public ManageCampaignsUseCase campaigns() {
        return campaigns;
    }
}
