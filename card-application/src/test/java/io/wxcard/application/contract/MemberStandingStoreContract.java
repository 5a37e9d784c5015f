package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.MemberStandingStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.loyalty.LevelChange;
import io.wxcard.domain.loyalty.LevelName;
import io.wxcard.domain.loyalty.MemberStanding;
import io.wxcard.domain.loyalty.Purchase;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link MemberStandingStore} must do. */
public abstract class MemberStandingStoreContract {

    protected abstract StoreSet stores();

    private MemberStandingStore standings;
    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card-" + tenant.value());
    private final MembershipKey alice = new MembershipKey(tenant, card, new Code("100000000001"));
    private final MembershipKey bob = new MembershipKey(tenant, card, new Code("100000000002"));

    @BeforeEach
    void setUpStore() {
        standings = stores().standings();
        stores().tenants().save(Fixtures.tenant(tenant));
    }

    private Purchase purchase(MembershipKey member, String key, long fen) {
        return new Purchase(member, new IdempotencyKey(key), Fen.of(fen), Points.of(fen / 100), 3, T0);
    }

    @Test
    void lifetime_spend_is_what_the_purchases_add_up_to_and_a_key_is_recorded_once() {
        assertThat(standings.find(alice)).isEmpty();
        assertThat(standings.recordPurchase(purchase(alice, "order-1", 12_345))).isTrue();
        assertThat(standings.recordPurchase(purchase(alice, "order-2", 655))).isTrue();
        assertThat(standings.recordPurchase(purchase(alice, "order-1", 12_345))).isFalse();
        assertThat(standings.recordPurchase(purchase(bob, "order-1", 100))).isTrue();
        assertThat(standings.find(alice).get().lifetimeSpend()).isEqualTo(Fen.of(13_000));
        assertThat(standings.find(alice).get().level()).isEmpty();
        assertThat(standings.purchase(alice, new IdempotencyKey("order-1"))).contains(purchase(alice, "order-1", 12_345));
        assertThat(standings.purchase(alice, new IdempotencyKey("order-9"))).isEmpty();
    }

    @Test
    void keeps_a_level_and_lists_the_members_of_a_card_that_hold_one() {
        standings.recordPurchase(purchase(alice, "order-1", 500));
        standings.saveLevel(new MemberStanding(alice, Option.of(new LevelName("银卡")), Fen.ZERO, T0));
        MemberStanding found = standings.find(alice).get();
        assertThat(found.level()).contains(new LevelName("银卡"));
        assertThat(found.lifetimeSpend()).as("the spend is the purchases', never the saved value").isEqualTo(Fen.of(500));
        assertThat(found.since()).isEqualTo(T0);
        assertThat(standings.withLevel(tenant, card)).containsExactly(found);
        assertThat(standings.withLevel(tenant, new CardId("other"))).isEmpty();
        standings.saveLevel(new MemberStanding(alice, Option.of(new LevelName("金卡")), Fen.ZERO, T0.plusSeconds(5)));
        assertThat(standings.find(alice).get().level()).contains(new LevelName("金卡"));
    }

    @Test
    void keeps_level_changes_in_order_per_member() {
        LevelChange up = new LevelChange(alice, Option.of(new LevelName("普通")), new LevelName("银卡"),
                LevelChange.Direction.UP, "entry 3: order 1", T0);
        LevelChange down = new LevelChange(alice, Option.of(new LevelName("银卡")), new LevelName("普通"),
                LevelChange.Direction.DOWN, "review at the period end", T0.plus(Duration.ofDays(90)));
        LevelChange first = new LevelChange(bob, Option.none(), new LevelName("员工"),
                LevelChange.Direction.SET_BY_MERCHANT, "staff", T0);
        standings.appendLevelChange(up);
        standings.appendLevelChange(first);
        standings.appendLevelChange(down);
        assertThat(standings.levelChanges(alice)).containsExactly(up, down);
        assertThat(standings.levelChanges(bob)).containsExactly(first);
    }
}
