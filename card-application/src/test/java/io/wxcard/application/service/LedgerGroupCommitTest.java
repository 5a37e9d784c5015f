package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.Ledger;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Changes committed in groups (issue 16 item 3): each keeps its own answer, and the group is written once. */
class LedgerGroupCommitTest {

    private final Harness h = new Harness();
    private final Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
    private final Membership alice = h.received(card, "oAlice");
    private final Membership bob = h.received(card, "oBob");
    private final Membership carol = h.received(card, "oCarol");
    private final GatedLeaders leaders = new GatedLeaders();
    /** When set, the next read of memberships answers this copy: another instance changed it since. */
    private final AtomicReference<Membership> stale = new AtomicReference<>();
    private final CardServices grouped = h.whole.builder().memberships(new StaleOnce(h.stores.memberships(), stale))
            .ledgerGroups(new LedgerGroupSettings(32, 1), leaders).build();

    private static LedgerChange points(long delta, String key) {
        return LedgerChange.points(Points.of(delta), "purchase", new IdempotencyKey(key), EntrySource.MERCHANT, true);
    }

    /** The changes queued while the leader is held, so that they form one group; their answers in order. */
    private List<Either<Failure, LedgerResult>> inOneGroup(List<ChangeLedgerCommand> commands) throws Exception {
        leaders.hold();
        List<CompletableFuture<Either<Failure, LedgerResult>>> answers = new ArrayList<>();
        for (ChangeLedgerCommand command : commands) {
            answers.add(CompletableFuture.supplyAsync(() -> grouped.changeLedger().change(command),
                    InMemoryApplication_THREADS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (((LedgerService) grouped.changeLedger()).queuedForGroups() < answers.size()) { // in order
                assertThat(System.nanoTime()).as("the change was queued").isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
        assertThat(leaders.held()).isEqualTo(1);
        leaders.release();
        List<Either<Failure, LedgerResult>> results = new ArrayList<>();
        for (CompletableFuture<Either<Failure, LedgerResult>> answer : answers) {
            results.add(answer.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    private static final java.util.concurrent.ExecutorService InMemoryApplication_THREADS =
            io.wxcard.application.testing.InMemoryApplication.IMPORT_SENDERS;

    private Membership stored(Membership membership) {
        return h.stores.memberships().find(membership.key()).get();
    }

    @Test
    void a_refused_change_in_a_group_is_answered_as_refused_and_its_neighbours_are_written() throws Exception {
        var answers = inOneGroup(List.of(new ChangeLedgerCommand(bob.key(), points(10, "b1")),
                new ChangeLedgerCommand(alice.key(), LedgerChange.balance(Fen.of(-1), "refund",
                        new IdempotencyKey("a1"), EntrySource.MERCHANT, false)),
                new ChangeLedgerCommand(carol.key(), points(20, "c1"))));

        assertThat(answers.get(1).getLeft()).isInstanceOfSatisfying(Failure.Rejected.class,
                r -> assertThat(r.rejection().code()).isEqualTo(RejectionCode.BALANCE_WOULD_GO_NEGATIVE));
        assertThat(answers.get(0).get().membership()).isEqualTo(stored(bob));
        assertThat(answers.get(0).get().membership().version()).isEqualTo(bob.version() + 1);
        assertThat(answers.get(2).get().membership().totals().points()).isEqualTo(Points.of(20));
        assertThat(stored(alice)).isEqualTo(alice);
        assertThat(h.stores.ledger().history(alice.key(), PageRequest.first(10)).items()).isEmpty();
        assertThat(h.stores.outbox().stats(h.clock.now()).pending()).isEqualTo(2);
    }

    @Test
    void a_key_repeated_within_one_group_is_a_replay_and_another_change_of_that_member_waits_for_the_next_group()
            throws Exception {
        var answers = inOneGroup(List.of(new ChangeLedgerCommand(alice.key(), points(10, "a1")),
                new ChangeLedgerCommand(alice.key(), points(10, "a1")),
                new ChangeLedgerCommand(alice.key(), points(99, "a1")),
                new ChangeLedgerCommand(alice.key(), points(5, "a2")),
                new ChangeLedgerCommand(bob.key(), points(7, "b1"))));

        LedgerResult first = answers.get(0).get();
        assertThat(answers.get(1).get().replayed()).isTrue();
        assertThat(answers.get(1).get().entry()).isEqualTo(first.entry());
        assertThat(answers.get(1).get().membership()).isEqualTo(first.membership());
        assertThat(answers.get(2).getLeft()).isInstanceOfSatisfying(Failure.Rejected.class,
                r -> assertThat(r.rejection().code()).isEqualTo(RejectionCode.IDEMPOTENCY_KEY_REUSED));
        assertThat(answers.get(3).get().membership().version()).isEqualTo(alice.version() + 2);
        assertThat(stored(alice).totals().points()).isEqualTo(Points.of(15));
        var entries = h.stores.ledger().history(alice.key(), PageRequest.first(10)).items();
        assertThat(entries).extracting(e -> e.key().value()).containsExactly("a1", "a2");
        assertThat(Ledger.replay(entries).totals()).isEqualTo(stored(alice).totals());
        assertThat(answers.get(4).get().membership().totals().points()).isEqualTo(Points.of(7));
    }

    @Test
    void a_key_the_ledger_has_from_before_undoes_the_group_which_then_reads_the_keys_and_answers_a_replay() throws Exception {
        LedgerResult before = ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), points(10, "a1"))));

        var answers = inOneGroup(List.of(new ChangeLedgerCommand(bob.key(), points(7, "b1")),
                new ChangeLedgerCommand(alice.key(), points(10, "a1"))));

        assertThat(answers.get(1).get().replayed()).isTrue();
        assertThat(answers.get(1).get().entry()).isEqualTo(before.entry());
        assertThat(answers.get(0).get().membership()).isEqualTo(stored(bob));
        assertThat(stored(alice).totals().points()).isEqualTo(Points.of(10));
        assertThat(h.stores.ledger().history(bob.key(), PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void a_lost_race_with_another_instance_reruns_the_changes_alone_and_loses_none() throws Exception {
        Membership asReadBefore = stored(alice);
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), points(10, "elsewhere"))));
        stale.set(asReadBefore);

        var answers = inOneGroup(List.of(new ChangeLedgerCommand(alice.key(), points(5, "a1")),
                new ChangeLedgerCommand(bob.key(), points(7, "b1"))));

        assertThat(stale.get()).as("the group read the stale copy").isNull();
        assertThat(answers.get(0).get().membership()).isEqualTo(stored(alice));
        assertThat(stored(alice).totals().points()).isEqualTo(Points.of(15));
        assertThat(stored(alice).version()).isEqualTo(asReadBefore.version() + 2);
        assertThat(answers.get(1).get().membership()).isEqualTo(stored(bob));
        var entries = h.stores.ledger().history(alice.key(), PageRequest.first(10)).items();
        assertThat(entries).extracting(e -> e.key().value()).containsExactly("elsewhere", "a1");
        assertThat(h.stores.outbox().stats(h.clock.now()).pending()).isEqualTo(3);
    }

    @Test
    void a_change_alone_is_taken_at_once_and_answers_as_without_groups() {
        LedgerResult result = ok(grouped.changeLedger().change(new ChangeLedgerCommand(carol.key(), points(3, "c1"))));

        assertThat(result.replayed()).isFalse();
        assertThat(result.membership()).isEqualTo(stored(carol));
        assertThat(result.entry().sequence()).isEqualTo(1);
        assertThat(grouped.changeLedger().change(new ChangeLedgerCommand(h.key(card.id(), new Code("404404")),
                points(1, "x"))).getLeft()).isInstanceOf(Failure.NotFound.class);
        assertThat(grouped.changeLedger().change(new ChangeLedgerCommand(h.key(new CardId("no-such-card"),
                carol.code()), points(1, "x"))).getLeft()).isInstanceOf(Failure.NotFound.class);
    }

    /** The memberships, except that one read answers a copy set beforehand (as read before another instance saved). */
    private record StaleOnce(MembershipStore store, AtomicReference<Membership> stale) implements MembershipStore {
        @Override
        public Option<Membership> find(MembershipKey key) {
            return store.find(key);
        }

        @Override
        public Option<Membership> findByOpenId(TenantId tenantId, CardId cardId, OpenId openId) {
            return store.findByOpenId(tenantId, cardId, openId);
        }

        @Override
        public Membership save(Membership membership) {
            return store.save(membership);
        }

        @Override
        public Membership saveTotals(Membership membership) {
            return store.saveTotals(membership);
        }

        @Override
        public Page<Membership> list(TenantId tenantId, CardId cardId, Option<MembershipState> state,
                                     PageRequest page) {
            return store.list(tenantId, cardId, state, page);
        }

        @Override
        public Map<Code, Membership> findAll(TenantId tenantId, CardId cardId, Collection<Code> codes) {
            Map<Code, Membership> found = new java.util.HashMap<>(store.findAll(tenantId, cardId, codes));
            Membership old = stale.getAndSet(null);
            if (old != null) {
                found.put(old.code(), old);
            }
            return found;
        }
    }
}
