package io.wxcard.adapter.persistence;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wxcard.domain.shared.Reason;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.ActivationMethod;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Beyond the TransactionBoundary contract (which covers a failing nested transaction): nested work that succeeds, a
 * nested unit retried after a conflict, and a refused write inside a transaction, which must leave the transaction
 * usable on every database (PostgreSQL would otherwise refuse every later statement); what a transaction does after
 * a statement failed unexpectedly (PostgreSQL refuses the rest of it).
 */
abstract class TransactionBehaviour extends Behaviour {

    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card1");

    private Membership prepare(StoreSet stores) {
        stores.tenants().save(Fixtures.tenant(tenant));
        stores.cards().save(Fixtures.draftCard(tenant, card));
        return stores.memberships().save(Fixtures.receivedMembership(tenant, card, "100001", "oAlice"));
    }

    private void writeEverything(StoreSet stores, Membership membership) {
        stores.memberships().save(membership.invalidate(new Reason("test"), T0.plusSeconds(1)).get().membership());
        stores.ledger().append(membership.key(), new LedgerEntry(1, Asset.POINTS, 10, Points.of(10), Fen.ZERO, "r",
                new IdempotencyKey("k1"), EntrySource.WECHAT, false, T0));
        stores.outbox().enqueue("ob-tx", new OutboxTask.PullMemberInfo(tenant, card, membership.code()), T0);
        stores.processedPushes().recordIfNew(tenant, "push-1", T0);
    }

    @Test
    void keeps_what_a_nested_transaction_wrote_when_everything_succeeds() {
        StoreSet stores = stores();
        Membership membership = prepare(stores);

        stores.transactions().inTransaction(() -> stores.transactions().inTransaction(() -> {
            writeEverything(stores, membership);
            return null;
        }));

        assertThat(stores.memberships().find(membership.key()).get().version()).isEqualTo(2);
        assertThat(stores.ledger().history(membership.key(), PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void goes_on_with_a_transaction_after_one_of_its_writes_was_refused() {
        StoreSet stores = stores();
        Membership membership = prepare(stores);

        stores.transactions().inTransaction(() -> {
            stores.processedPushes().recordIfNew(tenant, "before", T0);
            Membership again = Fixtures.receivedMembership(tenant, card, "100001", "oAlice");
            assertThatThrownBy(() -> stores.memberships().save(again)).isInstanceOf(ConcurrentUpdateException.class);
            assertThat(stores.processedPushes().recordIfNew(tenant, "before", T0)).isFalse();
            stores.processedPushes().recordIfNew(tenant, "after", T0);
            return null;
        });

        assertThat(stores.processedPushes().recordIfNew(tenant, "before", T0)).isFalse();
        assertThat(stores.processedPushes().recordIfNew(tenant, "after", T0)).isFalse();
        assertThat(stores.memberships().find(membership.key()).get()).isEqualTo(membership);
    }

    @Test
    void commits_a_nested_unit_retried_after_a_conflict_together_with_the_outer_work() {
        StoreSet stores = stores();
        Membership membership = prepare(stores);
        Membership stale = membership;
        stores.memberships().save(membership.activate(ActivationMethod.API, Option.none(), T0.plusSeconds(1))
                .get().membership());

        stores.transactions().inTransaction(() -> {
            stores.processedPushes().recordIfNew(tenant, "push", T0);
            assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
                stores.outbox().enqueue("ob-stale", new OutboxTask.PullMemberInfo(tenant, card, stale.code()), T0);
                return stores.memberships().save(stale.invalidate(new Reason("stale"), T0.plusSeconds(2)).get().membership());
            })).isInstanceOf(ConcurrentUpdateException.class);
            return stores.transactions().inTransaction(() -> {
                Membership fresh = stores.memberships().find(stale.key()).get();
                return stores.memberships().save(fresh.invalidate(new Reason("fresh"), T0.plusSeconds(3)).get().membership());
            });
        });

        Membership stored = stores.memberships().find(stale.key()).get();
        assertThat(stored.snapshot().invalidationReason()).contains("fresh");
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stores.processedPushes().recordIfNew(tenant, "push", T0)).isFalse();
        assertThat(stores.outbox().claim("d", 10, T0.plusSeconds(1), Duration.ofSeconds(30))).isEmpty();
    }

    private static LedgerEntry entry(long sequence, String key) {
        return new LedgerEntry(sequence, Asset.POINTS, 10, Points.of(10 * sequence), Fen.ZERO, "r",
                new IdempotencyKey(key), EntrySource.WECHAT, false, T0);
    }

    private boolean isPostgres() {
        return database().database().vendorName().equals("PostgreSQL");
    }

    @Test
    void goes_on_with_a_transaction_after_a_ledger_entry_was_refused() {
        StoreSet stores = stores();
        Membership membership = prepare(stores);

        stores.transactions().inTransaction(() -> {
            stores.ledger().append(membership.key(), entry(1, "k1"));
            assertThatThrownBy(() -> stores.ledger().append(membership.key(), entry(2, "k1")))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThatThrownBy(() -> stores.ledger().append(membership.key(), entry(1, "k2")))
                    .isInstanceOf(ConcurrentUpdateException.class);
            stores.ledger().append(membership.key(), entry(2, "k2"));
            stores.processedPushes().recordIfNew(tenant, "after", T0);
            return null;
        });

        assertThat(stores.ledger().history(membership.key(), PageRequest.first(10)).items())
                .extracting(LedgerEntry::sequence).containsExactly(1L, 2L);
        assertThat(stores.processedPushes().recordIfNew(tenant, "after", T0)).isFalse();
    }

    @Test
    void goes_on_with_a_transaction_after_a_failed_statement_in_a_nested_one_was_undone() {
        StoreSet stores = stores();
        Membership membership = prepare(stores);
        MembershipKey unknown = new MembershipKey(tenant, card, new Code("999999"));

        stores.transactions().inTransaction(() -> {
            stores.processedPushes().recordIfNew(tenant, "before", T0);
            assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
                stores.outbox().enqueue("ob-undone", new OutboxTask.PullMemberInfo(tenant, card, membership.code()),
                        T0);
                stores.ledger().append(unknown, entry(1, "k1"));
                return null;
            })).isInstanceOf(IllegalStateException.class);
            assertThat(stores.memberships().find(membership.key())).contains(membership);
            stores.processedPushes().recordIfNew(tenant, "after", T0);
            return null;
        });

        assertThat(stores.processedPushes().recordIfNew(tenant, "before", T0)).isFalse();
        assertThat(stores.processedPushes().recordIfNew(tenant, "after", T0)).isFalse();
        assertThat(stores.outbox().claim("d", 10, T0.plusSeconds(1), Duration.ofSeconds(30))).isEmpty();
    }

    /**
     * A statement of the hot path that fails (here a broken foreign key, a mistake of the caller's) has no savepoint
     * around it: PostgreSQL then refuses the rest of the transaction, so the store refuses it too, and its commit,
     * rather than let the caller believe it goes on. H2 and MariaDB undo only the failed statement.
     */
    @Test
    void after_a_failed_hot_path_statement_goes_on_only_where_the_database_does() {
        StoreSet stores = stores();
        Membership membership = prepare(stores);
        MembershipKey unknown = new MembershipKey(tenant, card, new Code("999999"));

        Runnable work = () -> stores.transactions().inTransaction(() -> {
            stores.processedPushes().recordIfNew(tenant, "before", T0);
            assertThatThrownBy(() -> stores.ledger().append(unknown, entry(1, "k1")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("refused by a constraint");
            if (isPostgres()) {
                assertThatThrownBy(() -> stores.memberships().find(membership.key()))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("an earlier statement");
            } else {
                assertThat(stores.memberships().find(membership.key())).contains(membership);
            }
            return null;
        });

        if (isPostgres()) {
            assertThatThrownBy(work::run).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("nothing was written");
            assertThat(stores.processedPushes().recordIfNew(tenant, "before", T0)).isTrue();
        } else {
            work.run();
            assertThat(stores.processedPushes().recordIfNew(tenant, "before", T0)).isFalse();
        }
    }

    @Test
    void saves_a_ledger_change_and_then_other_changes_read_in_the_same_transaction() {
        StoreSet stores = stores();
        Membership membership = prepare(stores);

        Membership last = stores.transactions().inTransaction(() -> {
            Membership found = stores.memberships().find(membership.key()).get();
            LedgerResult first = found.record(change(30, "k1"), Option.none(), T0.plusSeconds(5)).get();
            Membership saved = stores.memberships().save(first.membership());
            assertThat(saved.totals().points()).isEqualTo(Points.of(30));
            LedgerResult second = saved.record(change(12, "k2"), Option.none(), T0.plusSeconds(6)).get();
            Membership again = stores.memberships().save(second.membership());
            return stores.memberships().save(again.invalidate(new Reason("lost"), T0.plusSeconds(7)).get().membership());
        });

        Membership stored = stores.memberships().find(membership.key()).get();
        assertThat(stored.snapshot()).isEqualTo(last.snapshot());
        assertThat(stored.version()).isEqualTo(4);
        assertThat(stored.totals().points()).isEqualTo(Points.of(42));
        assertThat(stored.totals().lastSequence()).isEqualTo(2);
        assertThat(stored.snapshot().invalidationReason()).contains("lost");
        assertThat(stored.snapshot().updatedAt()).isEqualTo(T0.plusSeconds(7));
    }

    private static LedgerChange change(long points, String key) {
        return LedgerChange.points(Points.of(points), "test", new IdempotencyKey(key), EntrySource.WECHAT, false);
    }

    /** White-box: a card row changed behind the store's back (same version) is read as changed, not from memory. */
    @Test
    void reads_a_card_afresh_whenever_its_row_changed() throws SQLException {
        StoreSet stores = stores();
        prepare(stores);
        assertThat(stores.cards().find(tenant, card).get().snapshot().refusalReason()).isEmpty();

        try (Connection connection = database().connect();
             PreparedStatement update = connection.prepareStatement("UPDATE cards SET refusal_reason = ?")) {
            update.setString(1, "changed elsewhere");
            update.executeUpdate();
        }

        assertThat(stores.cards().find(tenant, card).get().snapshot().refusalReason()).contains("changed elsewhere");
    }

    /**
     * The server drops the connection a store call just used; the next call on the same thread (which the pool would
     * hand the same connection) may fail, the one after must not: the pool learns of the broken connection.
     */
    @Test
    void does_not_keep_using_a_connection_the_server_dropped() throws SQLException {
        if (!isPostgres()) {
            return; // terminating another session's connection is PostgreSQL's pg_terminate_backend
        }
        StoreSet stores = stores();
        Membership membership = prepare(stores);
        int pid = ((PersistenceStoreSet) stores).persistence().jdbi()
                .withHandle(handle -> handle.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one());

        try (Connection admin = database().connect();
             PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
            terminate.setInt(1, pid);
            terminate.executeQuery().close();
        }

        try {
            stores.memberships().find(membership.key());
        } catch (RuntimeException brokenConnection) {
            // the pool handed out the dropped connection once; it must not do so again
        }
        assertThat(stores.memberships().find(membership.key())).contains(membership);
        assertThat(stores.memberships().find(membership.key())).contains(membership);
    }
}
