package io.wxcard.adapter.persistence;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the schema must get right on every database: case, characters, time, long keys, repeated migrations. */
abstract class SchemaBehaviour extends Behaviour {

    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card1");

    @Test
    void keeps_codes_and_openids_that_differ_only_in_case_apart() {
        StoreSet stores = stores();
        stores.cards().save(Fixtures.draftCard(tenant, card));
        stores.memberships().save(Fixtures.receivedMembership(tenant, card, "abc", "oMember"));
        stores.memberships().save(Fixtures.receivedMembership(tenant, card, "ABC", "OMEMBER"));

        assertThat(stores.memberships().find(new MembershipKey(tenant, card, new Code("ABC"))).get().openId())
                .isEqualTo(new OpenId("OMEMBER"));
        assertThat(stores.memberships().findByOpenId(tenant, card, new OpenId("oMember")).get().code())
                .isEqualTo(new Code("abc"));
        assertThat(stores.memberships().findByOpenId(tenant, card, new OpenId("omember"))).isEmpty();
    }

    @Test
    void keeps_characters_beyond_the_basic_multilingual_plane() {
        StoreSet stores = stores();
        Membership active = activatedMembership(stores, tenant, card);
        Membership answered = active.memberInfoRecorded(Map.of("喜欢的茶", "龙井 🍵", "𠀀字", "𝄞"), Option.none(),
                T0.plusSeconds(2)).get().membership();
        LedgerChange gift = LedgerChange.points(Points.of(5), "生日礼物 🎂", new IdempotencyKey("gift"),
                EntrySource.MERCHANT, true);
        LedgerResult withPoints = stores.memberships().save(answered).record(gift, Option.none(), T0.plusSeconds(3))
                .get();
        stores.ledger().append(active.key(), withPoints.entry());

        assertThat(stores.memberships().find(active.key()).get().formAnswers())
                .containsEntry("喜欢的茶", "龙井 🍵").containsEntry("𠀀字", "𝄞");
        assertThat(stores.ledger().history(active.key(), PageRequest.first(1)).items().get(0).reason())
                .isEqualTo("生日礼物 🎂");
    }

    @Test
    void refuses_a_ledger_entry_for_a_membership_that_is_not_stored() {
        StoreSet stores = stores();
        stores.cards().save(Fixtures.draftCard(tenant, card));
        MembershipKey unknown = new MembershipKey(tenant, card, new Code("999999"));
        LedgerEntry entry = new LedgerEntry(1, Asset.POINTS, 10, Points.of(10), Fen.ZERO, "gift",
                new IdempotencyKey("k1"), EntrySource.MERCHANT, false, T0);

        assertThatThrownBy(() -> stores.ledger().append(unknown, entry))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("refused by a constraint");
        assertThat(stores.ledger().history(unknown, PageRequest.first(1)).items()).isEmpty();
    }

    @Test
    void keeps_instants_to_the_microsecond() {
        StoreSet stores = stores();
        stores.cards().save(Fixtures.draftCard(tenant, card));
        Instant received = Instant.parse("2031-03-30T01:30:00.123456Z"); // a daylight-saving change in Europe
        Membership saved = stores.memberships().save(Membership.received(tenant, card, new Code("100001"),
                new OpenId("oAlice"), Option.none(), ActivationMode.MERCHANT_PAGE, received).membership());

        assertThat(stores.memberships().find(saved.key()).get().snapshot().receivedAt()).isEqualTo(received);
    }

    @Test
    void tells_apart_push_keys_longer_than_any_index() {
        StoreSet stores = stores();
        String longKey = "p".repeat(5_000);

        assertThat(stores.processedPushes().recordIfNew(tenant, longKey + "1", T0)).isTrue();
        assertThat(stores.processedPushes().recordIfNew(tenant, longKey + "2", T0)).isTrue();
        assertThat(stores.processedPushes().recordIfNew(tenant, longKey + "1", T0)).isFalse();
    }

    @Test
    void migrates_an_up_to_date_schema_without_changing_it() {
        stores().tenants().save(Fixtures.tenant(tenant));

        Persistence.migrate(database().database().settings());

        assertThat(stores().tenants().find(tenant).isDefined()).isTrue();
    }

    @Test
    void answers_a_readiness_check() {
        assertThat(database().persistence().isReachable(Runnable::run)).isTrue();
    }
}
