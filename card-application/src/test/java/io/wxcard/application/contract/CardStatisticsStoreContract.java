package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.CardStatisticsStore;
import io.wxcard.application.port.out.store.StoreStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.ActivationMethod;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.segment.MemberFacts;
import io.wxcard.domain.statistics.OurFigures;
import io.wxcard.domain.statistics.WechatDailyFigures;
import io.wxcard.domain.store.StoreId;
import io.wxcard.domain.store.StoreVisit;
import io.wxcard.domain.tenant.TenantId;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CardStatisticsStore} must do, over the membership, ledger and store stores it reads. */
public abstract class CardStatisticsStoreContract {

    protected abstract StoreSet stores();

    protected abstract StoreStore storeStore();

    protected abstract CardStatisticsStore statistics();

    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card_stats");

    @BeforeEach
    void setUpCard() {
        stores().cards().save(Fixtures.draftCard(tenant, card));
    }

    private static WechatDailyFigures day(WechatDailyFigures.Scope scope, String cardId, LocalDate day, long received) {
        return new WechatDailyFigures(scope, Option.of(cardId).map(WechatCardId::new), day, 10, 9, received, received,
                1, 1, 2, 80, received, 0, 0);
    }

    @Test
    void keeps_wechats_figures_by_scope_card_and_day_and_replaces_a_day_pulled_again() {
        LocalDate first = LocalDate.of(2026, 11, 20);
        statistics().saveWechatFigures(tenant, List.of(day(WechatDailyFigures.Scope.CARD, "pWx1", first, 3),
                day(WechatDailyFigures.Scope.CARD, "pWx1", first.plusDays(1), 4),
                day(WechatDailyFigures.Scope.CARD, "pWx2", first, 7),
                new WechatDailyFigures(WechatDailyFigures.Scope.ALL_CARDS, Option.none(), first, 1, 1, 11, 11, 0, 0, 0,
                        0, 0, 2, 3)));
        WechatDailyFigures revised = day(WechatDailyFigures.Scope.CARD, "pWx1", first, 5);
        statistics().saveWechatFigures(tenant, List.of(revised));

        assertThat(statistics().wechatFigures(tenant, WechatDailyFigures.Scope.CARD, Option.of(new WechatCardId("pWx1")),
                first, first.plusDays(1))).containsExactly(revised, day(WechatDailyFigures.Scope.CARD, "pWx1",
                first.plusDays(1), 4));
        assertThat(statistics().wechatFigures(tenant, WechatDailyFigures.Scope.ALL_CARDS, Option.none(), first, first))
                .singleElement().satisfies(all -> assertThat(all.givenCount()).isEqualTo(2));
        assertThat(statistics().wechatFigures(Fixtures.uniqueTenantId(), WechatDailyFigures.Scope.CARD,
                Option.of(new WechatCardId("pWx1")), first, first)).isEmpty();
    }

    private Membership received(String code, String openId, Option<String> outerStr, int secondsAfterT0) {
        Membership membership = Membership.received(tenant, card, new Code(code), new OpenId(openId), outerStr,
                ActivationMode.MERCHANT_PAGE, T0.plusSeconds(secondsAfterT0)).membership();
        return stores().memberships().save(membership);
    }

    private Membership activated(Membership membership, int secondsAfterT0) {
        return stores().memberships().save(membership.activate(ActivationMethod.API, Option.none(),
                T0.plusSeconds(secondsAfterT0)).get().membership());
    }

    private Membership withPoints(Membership membership, long points, String key, int secondsAfterT0) {
        LedgerResult result = membership.record(LedgerChange.points(Points.of(points), "test", new IdempotencyKey(key),
                EntrySource.MERCHANT, false), Option.none(), T0.plusSeconds(secondsAfterT0)).get();
        stores().ledger().append(membership.key(), result.entry());
        return stores().memberships().save(result.membership());
    }

    @Test
    void reads_the_receipts_activations_and_ledger_movements_within_the_range() {
        Membership atStore = received("200001", "oStore1", Option.of("store-store_j"), 10);
        Membership activated = stores().memberships().save(atStore.activate(ActivationMethod.API, Option.none(),
                T0.plusSeconds(20)).get().membership());
        withPoints(activated, 300, "k1", 30);
        Membership before = received("200002", "oEarly", Option.none(), -100);
        withPoints(activated(before, -90), 50, "k2", -50);

        List<OurFigures.Received> receipts = statistics().receipts(tenant, card, T0, T0.plusSeconds(3600));
        assertThat(receipts).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("200001");
            assertThat(r.outerStr()).contains("store-store_j");
            assertThat(r.activatedAt()).contains(T0.plusSeconds(20));
        });
        assertThat(statistics().movements(tenant, card, T0, T0.plusSeconds(3600)))
                .containsExactly(new OurFigures.Movement("200001", Asset.POINTS, 300, T0.plusSeconds(30),
                        EntrySource.MERCHANT));
    }

    @Test
    void a_tenants_daily_pull_of_a_day_is_claimed_once_and_claimed_again_after_it_is_released() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        TenantId other = Fixtures.uniqueTenantId();
        assertThat(statistics().claimDailyPull(tenant, day, T0)).isTrue();
        assertThat(statistics().claimDailyPull(tenant, day, T0.plusSeconds(5))).as("taken").isFalse();
        assertThat(statistics().claimDailyPull(tenant, day.plusDays(1), T0)).as("another day").isTrue();
        assertThat(statistics().claimDailyPull(other, day, T0)).as("another tenant").isTrue();

        statistics().releaseDailyPull(tenant, day);
        assertThat(statistics().claimDailyPull(tenant, day, T0.plusSeconds(60))).as("released, tried again").isTrue();
        assertThat(statistics().claimDailyPull(other, day, T0)).isFalse();
    }

    @Test
    void reads_each_holders_facts_for_segments_points_store_imported_and_latest_activity() {
        Membership atStore = withPoints(activated(received("300001", "oFacts1", Option.of("store-store_f"), 0), 1),
                120, "k3", 5);
        storeStore().recordVisit(new StoreVisit(tenant, new StoreId("store_f"), card, atStore.code(),
                T0.plusSeconds(90)));
        Membership imported = Membership.imported(tenant, card, new Code("300002"), new OpenId("oFacts2"),
                Option.none(), T0).membership();
        stores().memberships().save(imported);

        List<MemberFacts> facts = statistics().memberFacts(tenant, card);

        assertThat(facts).hasSize(2);
        MemberFacts first = facts.stream().filter(f -> f.code().value().equals("300001")).findFirst().orElseThrow();
        assertThat(first.points()).isEqualTo(120);
        assertThat(first.store()).contains(new StoreId("store_f"));
        assertThat(first.lastActivity()).contains(T0.plusSeconds(90));
        assertThat(first.imported()).isFalse();
        MemberFacts second = facts.stream().filter(f -> f.code().value().equals("300002")).findFirst().orElseThrow();
        assertThat(second.imported()).isTrue();
        assertThat(second.lastActivity()).isEmpty();
    }
}
