package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.DispatchOutboxUseCase.DispatchReport;
import io.wxcard.application.port.in.InvalidateMembershipUseCase.InvalidateMembershipCommand;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Membership;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {

    private final Harness h = new Harness();
    private final Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
    private final Membership alice = h.received(card, "oAlice");

    private void addPoints(long delta, String key) {
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(),
                LedgerChange.points(Points.of(delta), "purchase", new IdempotencyKey(key), EntrySource.MERCHANT, true))));
    }

    private long bonusOnWechat() {
        return h.wechat.member(card.wechatCardId().get(), alice.code()).get().bonus;
    }

    @Test
    void syncs_land_on_the_ledgers_totals_whatever_order_they_run_in() {
        addPoints(10, "a");
        addPoints(20, "b");
        addPoints(30, "c");

        DispatchReport report = h.app.dispatchOutbox().dispatchDue(50);

        assertThat(report.sent()).isEqualTo(3);
        assertThat(bonusOnWechat()).isEqualTo(60);
    }

    @Test
    void a_sync_overtaken_by_a_later_one_sends_the_newer_totals_again() {
        addPoints(10, "a");
        // While the first sync (totals 10) is on its way, another change commits and its sync (from another
        // dispatcher or instance) lands first with totals 15; then the first lands and would leave WeChat on 10.
        h.wechat.beforeNext("card/membercard/updateuser", () -> {
            addPoints(5, "b");
            assertThat(h.app.dispatchOutbox().dispatchDue(50).sent()).isEqualTo(1);
            assertThat(bonusOnWechat()).isEqualTo(15);
        });

        DispatchReport report = h.app.dispatchOutbox().dispatchDue(1);

        assertThat(report.sent()).isEqualTo(1);
        assertThat(bonusOnWechat()).as("the ledger's totals, not the overtaken ones").isEqualTo(15);
        assertThat(h.wechat.calls("card/membercard/updateuser")).isEqualTo(3);
    }

    @Test
    void a_busy_wechat_is_tried_again_after_a_back_off_and_the_change_lands_once() {
        addPoints(10, "a");
        h.wechat.failNext(new WechatError(WechatError.Kind.TRANSIENT, "-1", "system busy"));

        DispatchReport first = h.app.dispatchOutbox().dispatchDue(50);
        assertThat(first.retried()).isEqualTo(1);
        assertThat(h.app.dispatchOutbox().dispatchDue(50).claimed()).as("not due before its back-off").isZero();

        h.clock.advance(Duration.ofMinutes(1));
        assertThat(h.app.dispatchOutbox().dispatchDue(50).sent()).isEqualTo(1);
        assertThat(bonusOnWechat()).isEqualTo(10);
    }

    @Test
    void a_call_wechat_refuses_becomes_a_dead_letter_an_operator_can_retry() {
        addPoints(10, "a");
        h.wechat.failNext(new WechatError(WechatError.Kind.FORBIDDEN, "43010", "no stored-value permission"));

        assertThat(h.app.dispatchOutbox().dispatchDue(50).dead()).isEqualTo(1);
        var dead = h.app.manageDeadLetters().deadLetters(PageRequest.first(10)).items();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).lastError().get()).contains("43010");

        assertThat(h.app.manageDeadLetters().retry(dead.get(0).id())).isTrue();
        h.drainOutbox();
        assertThat(bonusOnWechat()).isEqualTo(10);
    }

    @Test
    void gives_up_on_a_task_that_keeps_failing_after_the_attempt_limit() {
        addPoints(10, "a");
        for (int i = 0; i < OutboxDispatcher.MAX_ATTEMPTS; i++) {
            h.wechat.failNext(new WechatError(WechatError.Kind.TRANSIENT, "-1", "system busy"));
        }

        int dead = 0;
        for (int i = 0; i < OutboxDispatcher.MAX_ATTEMPTS; i++) {
            dead += h.app.dispatchOutbox().dispatchDue(50).dead();
            h.clock.advance(Duration.ofHours(1));
        }

        assertThat(dead).isEqualTo(1);
        assertThat(h.stores.outbox().stats(h.clock.now()).dead()).isEqualTo(1);
    }

    @Test
    void an_invalidation_wechat_already_applied_counts_as_done() {
        ok(h.app.invalidateMembership().invalidate(new InvalidateMembershipCommand(alice.key(), "stolen")));
        h.wechat.makeUnavailable(null, card.wechatCardId().get(), alice.code(), "earlier");

        DispatchReport report = h.app.dispatchOutbox().dispatchDue(50);

        assertThat(report.sent()).isEqualTo(1);
        assertThat(report.dead()).isZero();
    }

    @Test
    void a_card_without_stored_value_gets_its_points_synced_without_a_balance() {
        var base = Fixtures.definition();
        var pointsOnly = new io.wxcard.domain.card.definition.MemberCardDefinition(base.baseInfo(), base.backgroundPicUrl(),
                base.prerogative(), true, false, io.vavr.control.Option.none(), true, io.vavr.control.Option.none(), false,
                io.vavr.control.Option.none(), java.util.List.of(), io.vavr.control.Option.none(), io.vavr.control.Option.none(),
                io.vavr.control.Option.none(), io.vavr.control.Option.none(), io.vavr.control.Option.none(),
                io.vavr.control.Option.none());
        Card noBalance = h.approved(pointsOnly);
        Membership bob = h.received(noBalance, "oBob");
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(bob.key(),
                LedgerChange.points(Points.of(40), "purchase", new IdempotencyKey("p1"), EntrySource.MERCHANT, true))));

        DispatchReport report = h.app.dispatchOutbox().dispatchDue(50);

        assertThat(report.sent()).isEqualTo(1);
        assertThat(h.wechat.member(noBalance.wechatCardId().get(), bob.code()).get().bonus).isEqualTo(40);
    }

    @Test
    void back_off_grows_and_is_capped() {
        assertThat(RetryBackOff.after(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(RetryBackOff.after(3)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(16));
        assertThat(RetryBackOff.after(40)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
    }
}
