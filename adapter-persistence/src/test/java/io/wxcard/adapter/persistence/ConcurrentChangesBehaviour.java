package io.wxcard.adapter.persistence;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.domain.shared.Reason;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.Ledger;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** No lost updates under real concurrency: threads changing one membership at once, each in its own transaction. */
abstract class ConcurrentChangesBehaviour extends Behaviour {

    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card1");

    @Test
    void lets_one_of_two_simultaneous_changes_to_a_membership_win_and_refuses_the_other() throws Exception {
        StoreSet stores = stores();
        MembershipKey key = activatedMembership(stores, tenant, card).key();
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (String reason : List.of("lost card", "stolen card")) {
                outcomes.add(pool.submit(() -> {
                    try {
                        return stores.transactions().inTransaction(() -> {
                            Membership read = stores.memberships().find(key).get();
                            await(bothHaveRead);
                            stores.memberships().save(read.invalidate(new Reason(reason), T0.plusSeconds(5)).get().membership());
                            return "saved: " + reason;
                        });
                    } catch (ConcurrentUpdateException refused) {
                        return "refused";
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }

            assertThat(results).containsOnlyOnce("refused").hasSize(2);
            String winner = results.stream().filter(r -> r.startsWith("saved")).findFirst().orElseThrow();
            Membership stored = stores.memberships().find(key).get();
            assertThat(stored.state()).isEqualTo(MembershipState.INVALIDATED);
            assertThat(stored.version()).isEqualTo(3);
            assertThat(winner).endsWith(stored.snapshot().invalidationReason().get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void loses_no_increment_when_eight_threads_change_one_memberships_points_at_once() throws Exception {
        StoreSet stores = stores();
        MembershipKey key = activatedMembership(stores, tenant, card).key();
        int threads = 8;
        int incrementsEach = 50;
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    await(start);
                    for (int i = 0; i < incrementsEach; i++) {
                        addPointsRetrying(stores, key, thread + 1, "t" + thread + "-" + i, conflicts);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        long expectedPoints = 0;
        for (int t = 0; t < threads; t++) {
            expectedPoints += (long) (t + 1) * incrementsEach;
        }
        Membership stored = stores.memberships().find(key).get();
        List<LedgerEntry> entries = new ArrayList<>(stores.ledger().history(key, new PageRequest(0, 200)).items());
        entries.addAll(stores.ledger().history(key, new PageRequest(200, 200)).items());
        entries.addAll(stores.ledger().history(key, new PageRequest(400, 200)).items());

        assertThat(stored.totals().points()).isEqualTo(Points.of(expectedPoints));
        assertThat(entries).hasSize(threads * incrementsEach);
        assertThat(entries).extracting(LedgerEntry::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 400).boxed().toList());
        assertThat(Ledger.replay(entries).totals()).isEqualTo(stored.totals());
        assertThat(conflicts.get()).as("the threads really raced").isPositive();
    }

    /** What a service does: read, decide, write the entry and the totals in one transaction; on a conflict, again. */
    private static void addPointsRetrying(StoreSet stores, MembershipKey key, long points, String idempotencyKey,
                                          AtomicInteger conflicts) {
        while (true) {
            try {
                stores.transactions().inTransaction(() -> {
                    Membership membership = stores.memberships().find(key).get();
                    LedgerChange change = LedgerChange.points(Points.of(points), "concurrent test",
                            new IdempotencyKey(idempotencyKey), EntrySource.MERCHANT, false);
                    LedgerResult result = membership.record(change,
                            stores.ledger().findByKey(key, change.key()), T0.plusSeconds(10)).get();
                    stores.ledger().append(key, result.entry());
                    stores.memberships().save(result.membership());
                    return null;
                });
                return;
            } catch (ConcurrentUpdateException lostTheRace) {
                conflicts.incrementAndGet();
                sleepAWhile();
            }
        }
    }

    private static void sleepAWhile() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(3));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException("the other thread did not arrive", failed);
        }
    }
}
