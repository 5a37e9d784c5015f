package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wxcard.domain.shared.Reason;
import io.vavr.control.Either;
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
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@link io.wxcard.application.port.out.store.TransactionBoundary} must do across all stores. */
public abstract class TransactionBoundaryContract {

    protected abstract StoreSet stores();

    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId card = new CardId("card1");

    private Membership prepare() {
        stores().tenants().save(Fixtures.tenant(tenant));
        stores().cards().save(Fixtures.draftCard(tenant, card));
        return stores().memberships().save(Fixtures.receivedMembership(tenant, card, "100001", "oAlice"));
    }

    private void writeEverything(Membership membership) {
        stores().memberships().save(membership.invalidate(new Reason("test"), T0.plusSeconds(1)).get().membership());
        stores().ledger().append(membership.key(), new LedgerEntry(1, Asset.POINTS, 10, Points.of(10), Fen.ZERO, "r",
                new IdempotencyKey("k1"), EntrySource.WECHAT, false, T0));
        stores().outbox().enqueue("ob-tx", new OutboxTask.PullMemberInfo(tenant, card, membership.code()), T0);
        stores().processedPushes().recordIfNew(tenant, "push-1", T0);
    }

    @Test
    void keeps_everything_the_work_wrote_when_it_succeeds() {
        Membership membership = prepare();

        stores().transactions().inTransaction(() -> {
            writeEverything(membership);
            return null;
        });

        assertThat(stores().memberships().find(membership.key()).get().version()).isEqualTo(2);
        assertThat(stores().ledger().history(membership.key(), PageRequest.first(10)).items()).hasSize(1);
        assertThat(stores().outbox().claim("d", 10, T0.plusSeconds(1), Duration.ofSeconds(30))).hasSize(1);
        assertThat(stores().processedPushes().recordIfNew(tenant, "push-1", T0)).isFalse();
    }

    @Test
    void keeps_nothing_the_work_wrote_when_it_throws() {
        Membership membership = prepare();

        assertThatThrownBy(() -> stores().transactions().inTransaction(() -> {
            writeEverything(membership);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertNothingWritten(membership);
    }

    @Test
    void keeps_nothing_the_work_wrote_when_it_answers_a_left() {
        Membership membership = prepare();

        Either<String, String> result = stores().transactions().inTransactionUnlessLeft(() -> {
            writeEverything(membership);
            return Either.left("rejected");
        });

        assertThat(result).isEqualTo(Either.left("rejected"));
        assertNothingWritten(membership);
    }

    @Test
    void undoes_only_the_inner_work_when_a_nested_transaction_fails() {
        Membership membership = prepare();

        stores().transactions().inTransaction(() -> {
            stores().processedPushes().recordIfNew(tenant, "outer-push", T0);
            Either<String, String> inner = stores().transactions().inTransactionUnlessLeft(() -> {
                writeEverything(membership);
                return Either.left("inner rejected");
            });
            assertThat(inner).isEqualTo(Either.left("inner rejected"));
            return null;
        });

        assertNothingWritten(membership);
        assertThat(stores().processedPushes().recordIfNew(tenant, "outer-push", T0)).isFalse();
    }

    @Test
    void rolls_back_nested_work_with_the_outer_transaction() {
        Membership membership = prepare();

        assertThatThrownBy(() -> stores().transactions().inTransaction(() -> {
            stores().transactions().inTransaction(() -> {
                writeEverything(membership);
                return null;
            });
            throw new IllegalStateException("outer fails after the inner succeeded");
        })).hasMessageContaining("outer fails");

        assertNothingWritten(membership);
    }

    @Test
    void keeps_everything_the_work_wrote_when_it_answers_a_right() {
        Membership membership = prepare();

        Either<String, String> result = stores().transactions().inTransactionUnlessLeft(() -> {
            writeEverything(membership);
            return Either.right("done");
        });

        assertThat(result).isEqualTo(Either.right("done"));
        assertEverythingWritten(membership);
    }

    @Test
    void keeps_nothing_the_work_wrote_when_work_that_may_answer_a_left_throws() {
        Membership membership = prepare();

        assertThatThrownBy(() -> stores().transactions().<String, String>inTransactionUnlessLeft(() -> {
            writeEverything(membership);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertNothingWritten(membership);
    }

    @Test
    void undoes_only_the_inner_work_when_a_nested_transaction_throws() {
        Membership membership = prepare();

        Either<String, String> outer = stores().transactions().inTransactionUnlessLeft(() -> {
            stores().processedPushes().recordIfNew(tenant, "outer-push", T0);
            assertThatThrownBy(() -> stores().transactions().inTransaction(() -> {
                writeEverything(membership);
                throw new IllegalStateException("inner fails");
            })).hasMessage("inner fails");
            return Either.right("outer done");
        });

        assertThat(outer).isEqualTo(Either.right("outer done"));
        assertNothingWritten(membership);
        assertThat(stores().processedPushes().recordIfNew(tenant, "outer-push", T0)).isFalse();
    }

    @Test
    void keeps_nested_work_that_answered_a_right_when_the_outer_work_succeeds() {
        Membership membership = prepare();

        stores().transactions().inTransaction(() -> stores().transactions().inTransactionUnlessLeft(() -> {
            writeEverything(membership);
            return Either.right("inner done");
        }));

        assertEverythingWritten(membership);
    }

    @Test
    void rolls_back_nested_work_when_the_outer_work_answers_a_left() {
        Membership membership = prepare();

        Either<String, String> outer = stores().transactions().inTransactionUnlessLeft(() -> {
            stores().transactions().inTransactionUnlessLeft(() -> {
                writeEverything(membership);
                return Either.right("inner done");
            });
            return Either.left("outer rejected after the inner succeeded");
        });

        assertThat(outer).isEqualTo(Either.left("outer rejected after the inner succeeded"));
        assertNothingWritten(membership);
    }

    private void assertEverythingWritten(Membership membership) {
        assertThat(stores().memberships().find(membership.key()).get().version()).isEqualTo(2);
        assertThat(stores().ledger().history(membership.key(), PageRequest.first(10)).items()).hasSize(1);
        assertThat(stores().outbox().claim("d", 10, T0.plusSeconds(1), Duration.ofSeconds(30))).hasSize(1);
        assertThat(stores().processedPushes().recordIfNew(tenant, "push-1", T0)).isFalse();
    }

    private void assertNothingWritten(Membership membership) {
        assertThat(stores().memberships().find(membership.key()).get().version()).isEqualTo(1);
        assertThat(stores().ledger().history(membership.key(), PageRequest.first(10)).items()).isEmpty();
        assertThat(stores().outbox().claim("d", 10, T0.plusSeconds(1), Duration.ofSeconds(30))).isEmpty();
        assertThat(stores().processedPushes().recordIfNew(tenant, "push-1", T0)).isTrue();
    }
}
