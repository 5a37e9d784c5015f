package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wxcard.domain.shared.Reason;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.ActivationMethod;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link MembershipStore} must do. */
public abstract class MembershipStoreContract {

    protected abstract StoreSet stores();

    private MembershipStore memberships;
    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card1");

    @BeforeEach
    void setUpStore() {
        memberships = stores().memberships();
        stores().cards().save(Fixtures.draftCard(tenant, card));
    }

    @Test
    void saves_a_new_membership_at_version_1_and_finds_it() {
        Membership saved = memberships.save(Fixtures.receivedMembership(tenant, card, "100001", "oMember1"));

        assertThat(saved.version()).isEqualTo(1);
        assertThat(memberships.find(new MembershipKey(tenant, card, new Code("100001")))).contains(saved);
    }

    @Test
    void keeps_every_field_of_a_membership_exactly() {
        Membership received = Fixtures.receivedMembership(tenant, card, "100001", "oMember1");
        Membership active = received.activate(ActivationMethod.API, Option.of(new MembershipNumber("VIP-0001")),
                T0.plusSeconds(1)).get().membership();
        Membership withInfo = active.memberInfoRecorded(Map.of("USER_FORM_INFO_FLAG_MOBILE", "13800000000", "喜欢的茶", "龙井"),
                Option.none(), T0.plusSeconds(2)).get().membership();
        Membership withPoints = withInfo.record(LedgerChange.points(Points.of(120), "welcome", new IdempotencyKey("k1"),
                EntrySource.MERCHANT, true), Option.none(), T0.plusSeconds(3)).get().membership();
        Membership withBalance = withPoints.record(LedgerChange.balance(Fen.of(5_000), "top-up", new IdempotencyKey("k2"),
                EntrySource.MERCHANT, false), Option.none(), T0.plusSeconds(4)).get().membership();
        Membership deleted = withBalance.deletedByMember(T0.plusSeconds(5)).get().membership();

        Membership saved = memberships.save(deleted);

        Membership found = memberships.find(saved.key()).get();
        assertThat(found.snapshot()).isEqualTo(saved.snapshot());
        assertThat(found.snapshot().stateBeforeDeletion()).contains(MembershipState.ACTIVATED);
        assertThat(found.totals().points()).isEqualTo(Points.of(120));
        assertThat(found.totals().balance()).isEqualTo(Fen.of(5_000));
        assertThat(found.totals().lastSequence()).isEqualTo(2);
        assertThat(found.formAnswers()).containsEntry("喜欢的茶", "龙井");
    }

    @Test
    void refuses_a_stale_version_and_keeps_the_newer_membership() {
        Membership saved = memberships.save(Fixtures.receivedMembership(tenant, card, "100001", "oMember1"));
        memberships.save(saved.activate(ActivationMethod.API, Option.none(), T0.plusSeconds(1)).get().membership());

        Membership stale = saved.invalidate(new Reason("lost card"), T0.plusSeconds(2)).get().membership();

        assertThatThrownBy(() -> memberships.save(stale)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(memberships.find(saved.key()).get().state()).isEqualTo(MembershipState.ACTIVATED);
    }

    @Test
    void saves_the_totals_of_a_ledger_change_at_the_next_version() {
        Membership saved = memberships.save(Fixtures.receivedMembership(tenant, card, "100001", "oMember1"));
        Membership active = memberships.save(saved.activate(ActivationMethod.API, Option.none(), T0.plusSeconds(1))
                .get().membership());
        Membership withInfo = memberships.save(active.memberInfoRecorded(Map.of("喜欢的茶", "龙井"), Option.none(),
                T0.plusSeconds(1)).get().membership());
        Membership changed = withInfo.record(LedgerChange.points(Points.of(120), "welcome", new IdempotencyKey("k1"),
                EntrySource.MERCHANT, true), Option.none(), T0.plusSeconds(2)).get().membership();

        Membership stored = memberships.saveTotals(changed);

        assertThat(stored.version()).isEqualTo(withInfo.version() + 1);
        Membership found = memberships.find(saved.key()).get();
        assertThat(found.snapshot()).isEqualTo(stored.snapshot());
        assertThat(found.totals().points()).isEqualTo(Points.of(120));
        assertThat(found.totals().lastSequence()).isEqualTo(1);
        assertThat(found.snapshot().updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(found.formAnswers()).containsEntry("喜欢的茶", "龙井");
    }

    @Test
    void refuses_totals_of_a_stale_version_or_of_a_membership_not_stored() {
        Membership received = memberships.save(Fixtures.receivedMembership(tenant, card, "100001", "oMember1"));
        Membership saved = memberships.save(received.activate(ActivationMethod.API, Option.none(), T0)
                .get().membership());
        Membership first = saved.record(LedgerChange.points(Points.of(1), "one", new IdempotencyKey("k1"),
                EntrySource.MERCHANT, false), Option.none(), T0.plusSeconds(1)).get().membership();
        Membership second = saved.record(LedgerChange.points(Points.of(2), "two", new IdempotencyKey("k2"),
                EntrySource.MERCHANT, false), Option.none(), T0.plusSeconds(2)).get().membership();
        memberships.saveTotals(first);

        assertThatThrownBy(() -> memberships.saveTotals(second)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(memberships.find(saved.key()).get().totals().points()).isEqualTo(Points.of(1));
        Membership unsaved = Fixtures.receivedMembership(tenant, card, "100002", "oMember2");
        assertThatThrownBy(() -> memberships.saveTotals(unsaved)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(memberships.find(unsaved.key())).isEmpty();
    }

    @Test
    void refuses_to_insert_the_same_code_twice() {
        memberships.save(Fixtures.receivedMembership(tenant, card, "100001", "oMember1"));

        assertThatThrownBy(() -> memberships.save(Fixtures.receivedMembership(tenant, card, "100001", "oMember2")))
                .isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void finds_the_membership_an_openid_holds_of_a_card() {
        memberships.save(Fixtures.receivedMembership(tenant, card, "100001", "oMember1"));
        memberships.save(Fixtures.receivedMembership(tenant, card, "100002", "oMember2"));

        assertThat(memberships.findByOpenId(tenant, card, new OpenId("oMember2")).map(Membership::code))
                .contains(new Code("100002"));
        assertThat(memberships.findByOpenId(tenant, card, new OpenId("oNobody"))).isEmpty();
        assertThat(memberships.findByOpenId(Fixtures.uniqueTenantId(), card, new OpenId("oMember2"))).isEmpty();
    }

    @Test
    void does_not_show_a_membership_to_another_tenant() {
        memberships.save(Fixtures.receivedMembership(tenant, card, "100001", "oMember1"));

        assertThat(memberships.find(new MembershipKey(Fixtures.uniqueTenantId(), card, new Code("100001")))).isEmpty();
    }

    @Test
    void lists_a_cards_memberships_by_state_a_page_at_a_time() {
        for (int i = 1; i <= 4; i++) {
            Membership saved = memberships.save(Membership.received(tenant, card, new Code("10000" + i),
                    new OpenId("o" + i), Option.none(), io.wxcard.domain.card.definition.ActivationMode.MERCHANT_PAGE,
                    T0.plusSeconds(i)).membership());
            if (i >= 3) {
                memberships.save(saved.activate(ActivationMethod.API, Option.none(), T0.plusSeconds(10 + i)).get().membership());
            }
        }

        var activated = memberships.list(tenant, card, Option.of(MembershipState.ACTIVATED), PageRequest.first(1));
        var all = memberships.list(tenant, card, Option.none(), PageRequest.first(10));

        assertThat(activated.total()).isEqualTo(2);
        assertThat(activated.items()).extracting(m -> m.code().value()).containsExactly("100003");
        assertThat(all.items()).extracting(m -> m.code().value()).containsExactly("100001", "100002", "100003", "100004");
    }
}
