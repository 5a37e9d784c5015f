package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LedgerStore} must do. */
public abstract class LedgerStoreContract {

    protected abstract StoreSet stores();

    private LedgerStore ledger;
    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card1");
    private MembershipKey alice;
    private MembershipKey bob;

    @BeforeEach
    void setUpStore() {
        ledger = stores().ledger();
        stores().cards().save(Fixtures.draftCard(tenant, card));
        alice = stores().memberships().save(Fixtures.receivedMembership(tenant, card, "100001", "oAlice")).key();
        bob = stores().memberships().save(Fixtures.receivedMembership(tenant, card, "100002", "oBob")).key();
    }

    private static LedgerEntry entry(long sequence, Asset asset, long delta, long pointsAfter, long balanceAfter, String key) {
        return new LedgerEntry(sequence, asset, delta, Points.of(pointsAfter), Fen.of(balanceAfter), "reason " + key,
                new IdempotencyKey(key), EntrySource.MERCHANT, sequence % 2 == 0, T0.plusSeconds(sequence));
    }

    @Test
    void appends_entries_and_gives_them_back_in_sequence_order() {
        LedgerEntry first = entry(1, Asset.POINTS, 100, 100, 0, "k1");
        LedgerEntry second = entry(2, Asset.BALANCE, 2_500, 100, 2_500, "k2");
        LedgerEntry third = new LedgerEntry(3, Asset.POINTS, -40, Points.of(60), Fen.of(2_500), "兑换 coffee",
                new IdempotencyKey("wechat:oAlice:1764208278"), EntrySource.WECHAT, false, T0.plusSeconds(3));
        ledger.append(alice, first);
        ledger.append(alice, second);
        ledger.append(alice, third);

        assertThat(ledger.history(alice, PageRequest.first(10)).items()).containsExactly(first, second, third);
        assertThat(ledger.history(alice, new PageRequest(1, 1)).items()).containsExactly(second);
        assertThat(ledger.history(alice, PageRequest.first(10)).total()).isEqualTo(3);
    }

    @Test
    void finds_an_entry_by_its_idempotency_key_within_one_membership() {
        LedgerEntry first = entry(1, Asset.POINTS, 100, 100, 0, "order-7");
        ledger.append(alice, first);

        assertThat(ledger.findByKey(alice, new IdempotencyKey("order-7"))).contains(first);
        assertThat(ledger.findByKey(bob, new IdempotencyKey("order-7"))).isEmpty();
        assertThat(ledger.findByKey(alice, new IdempotencyKey("order-8"))).isEmpty();
    }

    @Test
    void finds_an_entry_by_its_sequence_within_one_membership() {
        LedgerEntry first = entry(1, Asset.POINTS, 100, 100, 0, "k1");
        LedgerEntry second = entry(2, Asset.BALANCE, 2_500, 100, 2_500, "k2");
        ledger.append(alice, first);
        ledger.append(alice, second);
        ledger.append(bob, entry(1, Asset.POINTS, 7, 7, 0, "k1"));

        assertThat(ledger.entry(alice, 2)).contains(second);
        assertThat(ledger.entry(alice, 1)).contains(first);
        assertThat(ledger.entry(alice, 3)).isEmpty();
        assertThat(ledger.entry(bob, 2)).isEmpty();
        assertThat(ledger.entry(new MembershipKey(tenant, card, new Code("999")), 1)).isEmpty();
    }

    @Test
    void reads_the_entries_with_given_sequences_in_one_call_in_sequence_order() {
        LedgerEntry first = entry(1, Asset.POINTS, 100, 100, 0, "k1");
        LedgerEntry second = entry(2, Asset.BALANCE, 2_500, 100, 2_500, "k2");
        LedgerEntry third = entry(3, Asset.POINTS, -30, 70, 2_500, "k3");
        ledger.append(alice, first);
        ledger.append(alice, second);
        ledger.append(alice, third);
        ledger.append(bob, entry(1, Asset.POINTS, 7, 7, 0, "k1"));

        assertThat(ledger.entries(alice, List.of(3L, 1L, 9L))).containsExactly(first, third);
        assertThat(ledger.entries(alice, List.of(2L))).containsExactly(second);
        assertThat(ledger.entries(bob, List.of(2L, 3L))).isEmpty();
        assertThat(ledger.entries(alice, List.of())).isEmpty();
    }

    @Test
    void refuses_a_second_entry_with_the_same_sequence() {
        ledger.append(alice, entry(1, Asset.POINTS, 100, 100, 0, "k1"));

        assertThatThrownBy(() -> ledger.append(alice, entry(1, Asset.POINTS, 5, 5, 0, "k2")))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(ledger.history(alice, PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void refuses_a_second_entry_with_the_same_key() {
        ledger.append(alice, entry(1, Asset.POINTS, 100, 100, 0, "k1"));

        assertThatThrownBy(() -> ledger.append(alice, entry(2, Asset.POINTS, 100, 200, 0, "k1")))
                .isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void appends_unless_the_sequence_or_the_key_is_taken_and_the_transaction_goes_on() {
        LedgerEntry first = entry(1, Asset.POINTS, 100, 100, 0, "k1");

        stores().transactions().inTransaction(() -> {
            assertThat(ledger.appendIfAbsent(alice, first)).isTrue();
            assertThat(ledger.appendIfAbsent(alice, entry(1, Asset.POINTS, 5, 5, 0, "k2"))).isFalse();
            assertThat(ledger.appendIfAbsent(alice, entry(2, Asset.POINTS, 100, 200, 0, "k1"))).isFalse();
            assertThat(ledger.appendIfAbsent(alice, entry(2, Asset.POINTS, 5, 105, 0, "k2"))).isTrue();
            return null;
        });

        assertThat(ledger.history(alice, PageRequest.first(10)).items()).extracting(LedgerEntry::key)
                .containsExactly(new IdempotencyKey("k1"), new IdempotencyKey("k2"));
        assertThat(ledger.appendIfAbsent(bob, entry(1, Asset.POINTS, 7, 7, 0, "k1"))).isTrue();
    }

    @Test
    void keeps_each_memberships_ledger_apart() {
        ledger.append(alice, entry(1, Asset.POINTS, 100, 100, 0, "k1"));
        ledger.append(bob, entry(1, Asset.POINTS, 7, 7, 0, "k1"));

        assertThat(ledger.history(alice, PageRequest.first(10)).items()).extracting(LedgerEntry::delta).containsExactly(100L);
        assertThat(ledger.history(bob, PageRequest.first(10)).items()).extracting(LedgerEntry::delta).containsExactly(7L);
        assertThat(ledger.history(new MembershipKey(tenant, card, new Code("999")), PageRequest.first(10)).items()).isEmpty();
    }
}
