package io.wxcard.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.CampaignStore;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.ImportReview;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignId;
import io.wxcard.domain.campaign.CampaignKind;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CampaignStore} must do. */
public abstract class CampaignStoreContract {

    protected abstract CampaignStore campaigns();

    private CampaignStore campaigns;
    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card_1");

    @BeforeEach
    void setUpStore() {
        campaigns = campaigns();
    }

    private Campaign campaign(CampaignTerms terms, Option<Reason> override, long startedAfterSeconds) {
        return new Campaign(new CampaignId("cmp_" + UUID.randomUUID().toString().replace("-", "")), tenant, card,
                terms, "rule-" + startedAfterSeconds, 42, override, Fixtures.T0.plusSeconds(startedAfterSeconds),
                Option.none());
    }

    private static CampaignTerms payToJoin() {
        return new CampaignTerms(CampaignKind.PAY_TO_JOIN, "满10元开卡", List.of("1900000109", "1900000110"),
                Fixtures.T0, Fixtures.T0.plus(Duration.ofDays(7)), Option.of(Fen.of(1_000)), Option.of(Fen.of(50_000)));
    }

    @Test
    void keeps_every_field_of_a_campaign_lists_the_cards_oldest_first_and_records_its_end() {
        Campaign rule = campaign(payToJoin(), Option.of(new Reason("staff cards only")), 1);
        Campaign activity = campaign(new CampaignTerms(CampaignKind.NON_MEMBER_AFTERPAY, "开卡有礼",
                List.of("1900000109"), Fixtures.T0, Fixtures.T0.plus(Duration.ofDays(1)), Option.none(), Option.none(),
                Option.of(new io.wxcard.domain.campaign.PayActivityTerms(List.of(
                        io.wxcard.domain.campaign.PayActivityTerms.GiftStock.parse("1900000109:98065001"),
                        io.wxcard.domain.campaign.PayActivityTerms.GiftStock.parse("1900000110:98065002")),
                        Fixtures.payActivitySettings().logoUrl(), "开卡送券"))), Option.none(), 2);
        campaigns.add(activity);
        campaigns.add(rule);

        assertThat(campaigns.find(tenant, rule.id())).contains(rule);
        assertThat(campaigns.find(Fixtures.uniqueTenantId(), rule.id())).isEmpty();
        assertThat(campaigns.ofCard(tenant, card)).containsExactly(rule, activity);
        Campaign ended = rule.terminate(Fixtures.T0.plusSeconds(60)).get();
        campaigns.terminated(ended);
        assertThat(campaigns.find(tenant, rule.id())).contains(ended);
        assertThatThrownBy(() -> campaigns.add(rule)).isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void keeps_the_latest_review_of_an_imports_failures_for_its_tenant_only() {
        ImportJobId job = new ImportJobId("imp_" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(campaigns.review(tenant, job)).isEmpty();
        campaigns.failuresReviewed(new ImportReview(tenant, job, new Reason("looked"), Fixtures.T0));
        ImportReview again = new ImportReview(tenant, job, new Reason("looked again"), Fixtures.T0.plusSeconds(5));
        campaigns.failuresReviewed(again);

        assertThat(campaigns.review(tenant, job)).contains(again);
        assertThat(campaigns.review(Fixtures.uniqueTenantId(), job)).isEmpty();
    }
}
