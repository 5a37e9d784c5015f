package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.InvalidateMembershipUseCase.InvalidateMembershipCommand;
import io.wxcard.application.port.in.ReconcileCardUseCase.ReconcileCardCommand;
import io.wxcard.application.port.in.ReconcileCardUseCase.ReconcileReport;
import io.wxcard.application.port.out.store.OutboxMessage;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryWechat;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CardReconcilerTest {

    private final Harness h = new Harness();
    private final Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));

    private ReconcileReport reconcile() {
        ReconcileReport report = ok(h.app.reconcileCard().reconcile(new ReconcileCardCommand(h.tenant, card.id())));
        h.drainOutbox();
        return report;
    }

    private Membership ours(Membership member) {
        return h.stores.memberships().find(member.key()).get();
    }

    private InMemoryWechat.MemberOnWechat onWechat(Membership member) {
        return h.wechat.member(card.wechatCardId().get(), member.code()).get();
    }

    @Test
    void statuses_only_the_member_or_wechat_can_cause_are_taken_from_wechat() {
        Membership deleted = h.received(card, "oDeleted");
        Membership unavailable = h.received(card, "oUnavailable");
        Membership fine = h.received(card, "oFine");
        onWechat(deleted).status = "DELETE";
        onWechat(unavailable).status = "UNAVAILABLE";

        ReconcileReport report = reconcile();

        assertThat(report.checked()).isEqualTo(3);
        assertThat(report.inStep()).isEqualTo(1);
        assertThat(ours(deleted).state()).isEqualTo(MembershipState.DELETED);
        assertThat(ours(unavailable).state()).isEqualTo(MembershipState.INVALIDATED);
        assertThat(ours(fine).state()).isEqualTo(MembershipState.ACTIVATED);
        assertThat(h.wechat.calls("card/code/unavailable")).as("nothing sent back for WeChat's own change").isZero();
    }

    @Test
    void an_invalidation_wechat_missed_is_sent_again() {
        Membership alice = h.received(card, "oAlice");
        ok(h.app.invalidateMembership().invalidate(new InvalidateMembershipCommand(alice.key(), "card lost")));
        for (OutboxMessage task : h.stores.outbox().claim("planter", 10, h.clock.now(), Duration.ofMinutes(1))) {
            h.stores.outbox().deadLetter(task.id(), "planter", "planted: never sent");
        }

        ReconcileReport report = reconcile();

        assertThat(report.repaired()).singleElement().asString().contains("sent again");
        assertThat(onWechat(alice).status).isEqualTo("UNAVAILABLE");
        assertThat(reconcile().inStep()).isEqualTo(1);
    }

    @Test
    void a_restore_whose_push_was_lost_is_taken_from_wechat() {
        Membership alice = h.received(card, "oAlice");
        ok(h.app.recordMemberDeletedCard().recordDeleted(h.tenant, card.wechatCardId().get(), alice.code()));

        reconcile();

        assertThat(ours(alice).state()).isEqualTo(MembershipState.ACTIVATED);
    }

    @Test
    void totals_drift_is_settled_and_a_second_run_finds_everything_in_step() {
        Membership alice = h.received(card, "oAlice");
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), LedgerChange.points(Points.of(100),
                "welcome", new IdempotencyKey("w"), EntrySource.MERCHANT, true))));
        h.drainOutbox();
        onWechat(alice).bonus = 80;

        assertThat(reconcile().repaired()).singleElement().asString().contains("changed on WeChat by -20 points");
        assertThat(ours(alice).totals().points()).isEqualTo(Points.of(80));
        assertThat(reconcile().inStep()).isEqualTo(1);
    }
}
