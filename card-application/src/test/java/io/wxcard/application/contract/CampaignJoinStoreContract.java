package io.wxcard.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.store.CampaignJoinStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.campaign.CampaignId;
import io.wxcard.domain.campaign.CampaignJoin;
import io.wxcard.domain.campaign.PayToJoin;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CampaignJoinStore} must do. */
public abstract class CampaignJoinStoreContract {

    protected abstract CampaignJoinStore joins();

    private CampaignJoinStore joins;
    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card_1");
    private final CampaignId rule = new CampaignId("campaign_rule");

    @BeforeEach
    void setUpStore() {
        joins = joins();
    }

    private CampaignJoin join(CampaignId campaign, String code, long minutes) {
        return new CampaignJoin(tenant, campaign, card, new Code(code), new OpenId("o" + code),
                PayToJoin.SOURCE_SCENE_PAY, Fixtures.T0.plus(Duration.ofMinutes(minutes)));
    }

    @Test
    void keeps_each_memberships_join_once_and_counts_a_campaigns_members() {
        assertThat(joins.record(join(rule, "100001", 1))).isTrue();
        assertThat(joins.record(join(rule, "100002", 2))).isTrue();
        assertThat(joins.record(join(new CampaignId("campaign_other"), "100003", 3))).isTrue();

        assertThat(joins.record(join(rule, "100001", 9))).as("the same push again").isFalse();

        assertThat(joins.joined(tenant, rule)).isEqualTo(2);
        assertThat(joins.joined(Fixtures.uniqueTenantId(), rule)).isZero();
        assertThat(joins.of(tenant, card, new Code("100001"))).contains(join(rule, "100001", 1));
        assertThat(joins.of(tenant, card, new Code("999999"))).isEmpty();
        assertThat(joins.of(tenant, new CardId("card_2"), new Code("100001"))).isEmpty();
    }
}
