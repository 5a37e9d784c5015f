package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.LedgerBatchStore;
import io.wxcard.application.port.out.store.LedgerBatchStore.LineFailure;
import io.wxcard.application.port.out.store.LedgerStore.MembershipEntry;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerBatch;
import io.wxcard.domain.ledger.LedgerBatchId;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.ActivationMethod;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LedgerBatchStore} must do, and the bulk reads and writes of the other stores that a chunk of a
 * batch makes ({@code findAll}, {@code saveTotalsAll}, {@code findByKeys}, {@code appendAll}): all-or-nothing, like
 * the single calls they stand for.
 */
public abstract class LedgerBatchStoreContract {

    protected abstract StoreSet stores();

    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card1");
    private LedgerBatchStore batches;

    @BeforeEach
    void setUpStore() {
        batches = stores().ledgerBatches();
        stores().cards().save(Fixtures.draftCard(tenant, card));
    }

    private Membership activated(String code) {
        Membership received = stores().memberships().save(Fixtures.receivedMembership(tenant, card, code, "o" + code));
        return stores().memberships().save(received.activate(ActivationMethod.API, Option.none(), T0).get().membership());
    }

    private static LedgerResult plus(Membership membership, long points, String key) {
        return membership.record(LedgerChange.points(Points.of(points), "sync", new IdempotencyKey(key),
                EntrySource.MERCHANT, false), Option.none(), T0.plusSeconds(1)).get();
    }

    @Test
    void adds_the_counts_and_failures_of_each_chunk_and_ends_the_batch() {
        LedgerBatchId id = new LedgerBatchId("lb-1");
        batches.create(LedgerBatch.started(id, tenant, card, T0));

        stores().transactions().inTransaction(() -> {
            batches.chunkApplied(id, new LedgerBatch.Counts(3, 1, 0, 2),
                    List.of(new LineFailure(9, "points: would go negative"), new LineFailure(4, "code: no such")));
            return null;
        });
        batches.chunkApplied(id, new LedgerBatch.Counts(1, 0, 1, 0), List.of());

        LedgerBatch running = batches.find(tenant, id).get();
        assertThat(running.status()).isEqualTo(LedgerBatch.Status.RUNNING);
        assertThat(running.counts()).isEqualTo(new LedgerBatch.Counts(4, 1, 1, 2));
        assertThat(running.counts().lines()).isEqualTo(8);
        assertThat(batches.failures(id, PageRequest.first(10)).items())
                .containsExactly(new LineFailure(4, "code: no such"), new LineFailure(9, "points: would go negative"));
        assertThat(batches.failures(id, new PageRequest(1, 10)).total()).isEqualTo(2);

        batches.finished(id, LedgerBatch.Status.COMPLETED, T0.plusSeconds(5));
        LedgerBatch done = batches.find(tenant, id).get();
        assertThat(done.status()).isEqualTo(LedgerBatch.Status.COMPLETED);
        assertThat(done.finishedAt()).contains(T0.plusSeconds(5));
        assertThat(done.createdAt()).isEqualTo(T0);
    }

    @Test
    void shows_a_batch_to_its_tenant_only_and_lists_a_card_s_batches_newest_first() {
        batches.create(LedgerBatch.started(new LedgerBatchId("lb-old"), tenant, card, T0));
        batches.create(LedgerBatch.started(new LedgerBatchId("lb-new"), tenant, card, T0.plusSeconds(60)));

        assertThat(batches.find(Fixtures.uniqueTenantId(), new LedgerBatchId("lb-old"))).isEmpty();
        assertThat(batches.list(tenant, card, PageRequest.first(10)).items()).extracting(b -> b.id().value())
                .containsExactly("lb-new", "lb-old");
        assertThat(batches.list(Fixtures.uniqueTenantId(), card, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void refuses_a_chunk_of_an_unknown_batch() {
        assertThatThrownBy(() -> batches.chunkApplied(new LedgerBatchId("lb-none"), LedgerBatch.Counts.NONE, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reads_a_chunk_s_memberships_and_entries_under_its_keys_in_bulk() {
        Membership alice = activated("200001");
        Membership bob = activated("200002");
        LedgerResult aliceFirst = plus(alice, 10, "k1");
        stores().memberships().saveTotals(aliceFirst.membership());
        stores().ledger().append(alice.key(), aliceFirst.entry());
        LedgerResult bobFirst = plus(bob, 20, "k1");
        stores().memberships().saveTotals(bobFirst.membership());
        stores().ledger().append(bob.key(), bobFirst.entry());

        Map<Code, Membership> found = stores().memberships().findAll(tenant, card,
                List.of(alice.code(), bob.code(), new Code("299999")));
        assertThat(found).containsOnlyKeys(alice.code(), bob.code());
        assertThat(found.get(bob.code()).totals().points()).isEqualTo(Points.of(20));

        List<MembershipEntry> entries = stores().ledger().findByKeys(tenant, card, Map.of(
                alice.code(), Set.of(new IdempotencyKey("k1"), new IdempotencyKey("k2")),
                bob.code(), Set.of(new IdempotencyKey("k2"))));
        assertThat(entries).containsExactly(new MembershipEntry(alice.key(), aliceFirst.entry()));
    }

    @Test
    void reads_the_entries_under_a_full_chunk_s_thousand_keys_and_no_other() {
        Membership alice = activated("200001");
        Membership bob = activated("200002");
        LedgerResult aliceFirst = plus(alice, 10, "k7");
        stores().ledger().append(alice.key(), aliceFirst.entry());
        LedgerResult bobFirst = plus(bob, 20, "k499");
        stores().ledger().append(bob.key(), bobFirst.entry());
        LedgerResult bobUnasked = plus(bobFirst.membership(), 30, "other");
        stores().ledger().append(bob.key(), bobUnasked.entry());
        Set<IdempotencyKey> keys = new java.util.HashSet<>();
        for (int i = 0; i < 500; i++) {
            keys.add(new IdempotencyKey("k" + i));
        }

        List<MembershipEntry> entries = stores().ledger().findByKeys(tenant, card, Map.of(alice.code(), keys,
                bob.code(), keys));

        assertThat(entries).containsExactlyInAnyOrder(new MembershipEntry(alice.key(), aliceFirst.entry()),
                new MembershipEntry(bob.key(), bobFirst.entry()));
        assertThat(stores().ledger().findByKeys(Fixtures.uniqueTenantId(), card, Map.of(alice.code(), keys)))
                .isEmpty();
    }

    @Test
    void saves_a_chunk_s_totals_and_entries_together_or_not_at_all() {
        Membership alice = activated("200001");
        Membership bob = activated("200002");
        LedgerResult toAlice = plus(alice, 10, "k1");
        LedgerResult toBob = plus(bob, 20, "k1");

        List<Membership> saved = stores().transactions().inTransaction(() -> {
            List<Membership> stored = stores().memberships().saveTotalsAll(List.of(toAlice.membership(),
                    toBob.membership()));
            stores().ledger().appendAll(List.of(new MembershipEntry(alice.key(), toAlice.entry()),
                    new MembershipEntry(bob.key(), toBob.entry())));
            return stored;
        });
        assertThat(saved).extracting(Membership::version).containsExactly(alice.version() + 1, bob.version() + 1);
        assertThat(stores().memberships().find(bob.key()).get().totals().points()).isEqualTo(Points.of(20));
        assertThat(stores().ledger().findByKey(alice.key(), new IdempotencyKey("k1"))).contains(toAlice.entry());

        // Bob's version is stale now: the whole chunk is refused, Alice's part included.
        LedgerResult again = plus(saved.get(0), 5, "k2");
        LedgerResult stale = plus(bob, 7, "k2");
        assertThatThrownBy(() -> stores().transactions().inTransaction(() -> stores().memberships()
                .saveTotalsAll(List.of(again.membership(), stale.membership()))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(stores().memberships().find(alice.key()).get().totals().points()).isEqualTo(Points.of(10));

        // An entry whose sequence is taken fails the batch of entries as a lost race; none of it stays.
        LedgerResult second = plus(saved.get(0), 5, "k2");
        assertThatThrownBy(() -> stores().transactions().inTransaction(() -> {
            stores().ledger().appendAll(List.of(new MembershipEntry(alice.key(), second.entry()),
                    new MembershipEntry(bob.key(), toBob.entry())));
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(stores().ledger().findByKey(alice.key(), new IdempotencyKey("k2"))).isEmpty();
    }
}
