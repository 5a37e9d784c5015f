package io.wxcard.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.LedgerGroupSettings;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryApplication;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.Ledger;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.ActivationMethod;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Group commit (issue 16 item 3) on a real database: many callers on two instances change a few memberships at once,
 * with replays and refused changes among them. Nothing is lost or doubled: every change answered as recorded is in the
 * ledger once, nothing else is, and each membership's totals are the sum of its entries.
 */
abstract class GroupCommitBehaviour extends Behaviour {

    private static final int MEMBERS = 6;
    private static final int CALLERS = 16;
    private static final int CHANGES_EACH = 40;

    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card1");

    @Test
    void many_callers_on_two_instances_lose_and_double_nothing() throws Exception {
        StoreSet stores = stores();
        List<MembershipKey> members = members(stores);
        ExecutorService leaders = Executors.newFixedThreadPool(4);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<CardServices> instances = List.of(instance(stores, "one", leaders), instance(stores, "two", leaders));
        Map<MembershipKey, List<LedgerEntry>> answered = new ConcurrentHashMap<>();
        AtomicInteger replays = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        try {
            CyclicBarrier start = new CyclicBarrier(CALLERS);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                int caller = c;
                done.add(callers.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    CardServices app = instances.get(caller % 2);
                    for (int i = 0; i < CHANGES_EACH; i++) {
                        MembershipKey member = members.get(random.nextInt(MEMBERS));
                        boolean refusedOne = i % 10 == 7;
                        LedgerChange change = refusedOne
                                ? LedgerChange.balance(Fen.of(-1), "refund", new IdempotencyKey("r" + caller + "-" + i),
                                EntrySource.MERCHANT, false)
                                : LedgerChange.points(Points.of(1 + random.nextInt(9)), "purchase",
                                new IdempotencyKey("k" + caller + "-" + i), EntrySource.MERCHANT, false);
                        Either<Failure, LedgerResult> answer = app.changeLedger()
                                .change(new ChangeLedgerCommand(member, change));
                        if (refusedOne) {
                            assertThat(answer.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class, r ->
                                    assertThat(r.rejection().code()).isEqualTo(RejectionCode.BALANCE_WOULD_GO_NEGATIVE));
                            refused.incrementAndGet();
                            continue;
                        }
                        if (answer.isLeft()) {
                            assertThat(answer.getLeft()).isInstanceOf(Failure.Conflict.class);
                            conflicts.incrementAndGet();
                            continue;
                        }
                        assertThat(answer.get().replayed()).isFalse();
                        answered.computeIfAbsent(member, m -> new ArrayList<>()).add(answer.get().entry());
                        if (i % 10 == 3) { // the caller did not hear the answer, say, and sends the change again
                            LedgerResult again = instances.get((caller + 1) % 2).changeLedger()
                                    .change(new ChangeLedgerCommand(member, change)).get();
                            assertThat(again.replayed()).isTrue();
                            assertThat(again.entry()).isEqualTo(answer.get().entry());
                            replays.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> caller : done) {
                caller.get(180, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
            leaders.shutdownNow();
        }

        long recorded = 0;
        for (MembershipKey member : members) {
            Membership stored = stores.memberships().find(member).get();
            List<LedgerEntry> entries = new ArrayList<>();
            for (int offset = 0; offset == entries.size(); offset += 200) {
                entries.addAll(stores.ledger().history(member, new PageRequest(offset, 200)).items());
                if (entries.size() == offset) {
                    break;
                }
            }
            List<LedgerEntry> expected = answered.getOrDefault(member, List.of());
            assertThat(entries).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(entries).extracting(LedgerEntry::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, entries.size()).boxed().toList());
            assertThat(Ledger.replay(entries).totals()).isEqualTo(stored.totals());
            assertThat(stored.version()).isEqualTo(2 + entries.size());
            recorded += entries.size();
        }
        assertThat(recorded + refused.get() + conflicts.get()).isEqualTo((long) CALLERS * CHANGES_EACH);
        assertThat(replays.get()).isPositive();
        assertThat(stores.outbox().stats(Fixtures.T0.plusSeconds(3600)).pending()).isEqualTo(recorded);
    }

    /** An instance of the application on these stores, committing changes in groups on the leaders given. */
    private static CardServices instance(StoreSet stores, String name, ExecutorService leaders) {
        return new InMemoryApplication().builder().cards(stores.cards()).memberships(stores.memberships())
                .ledger(stores.ledger()).tenants(stores.tenants()).outbox(stores.outbox())
                .inbox(stores.processedPushes()).imports(stores.imports()).ledgerBatches(stores.ledgerBatches())
                .transactions(stores.transactions()).events(stores.events()).profiles(stores.profiles())
                .webhooks(stores.webhooks()).ids(IdGenerator.random()).instanceName(name)
                .ledgerGroups(new LedgerGroupSettings(32, 2), leaders).build();
    }

    private List<MembershipKey> members(StoreSet stores) {
        activatedMembership(stores, tenant, card);
        List<MembershipKey> keys = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            Membership received = stores.memberships().save(Fixtures.receivedMembership(tenant, card,
                    "20000" + m, "oMember" + m));
            keys.add(stores.memberships().save(received.activate(ActivationMethod.API, Option.none(),
                    Fixtures.T0.plusSeconds(1)).get().membership()).key());
        }
        return keys;
    }
}
