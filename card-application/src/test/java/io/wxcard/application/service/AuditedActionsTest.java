package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.AuditTrailUseCase.Change;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.OperatorSignInUseCase.SignInCommand;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.application.port.out.store.AuditEntry;
import io.wxcard.application.port.out.store.AuditLog;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.Pbkdf2Passwords;
import io.wxcard.application.testing.InMemoryOperatorSessionStore;
import io.wxcard.application.testing.InMemoryOperatorStore;
import io.wxcard.application.testing.SequentialIds;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.operator.OperatorName;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** An operator's action and its audit entry commit together, or neither does. */
class AuditedActionsTest {

    private final Harness h = new Harness();
    private final Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
    private final Membership alice = h.received(card, "oAlice");
    /** The stores' own audit log, which the test can make fail on its next entry. */
    private final FailingAuditLog audit = new FailingAuditLog(h.stores.auditLog());
    private final OperatorServices operators = new OperatorServices(new OperatorServices.Dependencies(
            new InMemoryOperatorStore(), new InMemoryOperatorSessionStore(), audit, new Pbkdf2Passwords(),
            h.stores.cards(), h.stores.memberships(), h.clock, new SequentialIds(), h.stores.transactions()));
    private final SignedInOperator admin = signedInAdmin(h.tenant);

    private SignedInOperator signedInAdmin(TenantId tenant) {
        var password = operators.manageOperators().createFirstAdmin(tenant).get().password();
        return ok(operators.signIn().signIn(new SignInCommand(tenant, new OperatorName("admin"), password))).operator();
    }

    private Either<Failure, LedgerResult> addPoints(long delta, String key) {
        LedgerChange change = LedgerChange.points(Points.of(delta), "goodwill", new IdempotencyKey(key),
                EntrySource.MERCHANT, true);
        return operators.auditTrail().audited(admin,
                () -> h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), change)),
                result -> result.replayed() ? Option.none()
                        : Option.of(new Change("ledger.change", alice.code().value(), "",
                                "points " + result.membership().totals().points().value())));
    }

    private java.util.List<String> ledgerActions() {
        return h.stores.auditLog().recent(h.tenant, PageRequest.first(50)).items().stream()
                .map(AuditEntry::action).filter(action -> action.startsWith("ledger.")).toList();
    }

    private long points() {
        return h.stores.memberships().find(alice.key()).get().totals().points().value();
    }

    @Test
    void a_successful_action_always_has_its_entry() {
        ok(addPoints(30, "k1"));

        assertThat(points()).isEqualTo(30);
        assertThat(ledgerActions()).containsExactly("ledger.change");
        assertThat(h.stores.auditLog().recent(h.tenant, PageRequest.first(1)).items().get(0).after())
                .isEqualTo("points 30");
    }

    @Test
    void a_refused_action_leaves_no_entry() {
        Either<Failure, LedgerResult> refused = addPoints(-5, "k1");

        assertThat(((Failure.Rejected) refused.getLeft()).rejection().code())
                .isEqualTo(RejectionCode.POINTS_WOULD_GO_NEGATIVE);
        assertThat(ledgerActions()).isEmpty();
        assertThat(points()).isZero();
    }

    @Test
    void an_action_whose_entry_cannot_be_written_is_undone() {
        audit.failNext();

        assertThatThrownBy(() -> addPoints(30, "k1")).hasMessageContaining("audit log unavailable");

        assertThat(points()).isZero();
        assertThat(h.stores.ledger().history(alice.key(), PageRequest.first(10)).items()).isEmpty();
        assertThat(h.stores.outbox().stats(h.clock.now()).pending()).isZero();
        assertThat(ledgerActions()).isEmpty();
        ok(addPoints(30, "k1")); // the key was never used: trying again applies the change once
        assertThat(points()).isEqualTo(30);
        assertThat(ledgerActions()).containsExactly("ledger.change");
    }

    @Test
    void a_repeated_request_changes_nothing_and_adds_no_entry() {
        ok(addPoints(30, "k1"));
        ok(addPoints(30, "k1"));

        assertThat(points()).isEqualTo(30);
        assertThat(ledgerActions()).containsExactly("ledger.change");
    }

    /** The audit log, made to fail (as a database that went away would) on the next entry. */
    private static final class FailingAuditLog implements AuditLog {
        private final AuditLog log;
        private boolean failNext;

        FailingAuditLog(AuditLog log) {
            this.log = log;
        }

        void failNext() {
            failNext = true;
        }

        @Override
        public void append(AuditEntry entry) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("audit log unavailable");
            }
            log.append(entry);
        }

        @Override
        public Page<AuditEntry> recent(TenantId tenantId, PageRequest page) {
            return log.recent(tenantId, page);
        }
    }
}
