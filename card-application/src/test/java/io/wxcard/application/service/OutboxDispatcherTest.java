package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.DispatchOutboxUseCase.DispatchReport;
import io.wxcard.application.port.in.InvalidateMembershipUseCase.InvalidateMembershipCommand;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.wechat.MemberUpdate;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {

    private final Harness h = new Harness();
    private final Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
    private final Membership alice = h.received(card, "oAlice");

    private void addPoints(long delta, String key) {
        addPoints(delta, key, "purchase");
    }

    private void addPoints(long delta, String key, String reason) {
        change(alice, delta, key, reason);
    }

    private void change(Membership membership, long delta, String key, String reason) {
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(membership.key(),
                LedgerChange.points(Points.of(delta), reason, new IdempotencyKey(key), EntrySource.MERCHANT, true))));
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
    void the_pending_changes_of_a_membership_become_one_call_with_the_latest_totals_and_their_summed_delta() {
        addPoints(10, "a", "lunch");
        addPoints(20, "b", "dinner");
        addPoints(30, "c", "lunch");

        DispatchReport report = h.app.dispatchOutbox().dispatchDue(50);

        assertThat(report.claimed()).isEqualTo(3);
        assertThat(report.sent()).as("every task settled by the one call").isEqualTo(3);
        assertThat(h.wechat.calls("card/membercard/updateuser")).isEqualTo(1);
        MemberUpdate update = h.wechat.memberUpdates().get(0);
        assertThat(update.bonus()).contains(Points.of(60));
        assertThat(update.addBonus()).contains(60L);
        assertThat(update.recordBonus()).contains("lunch; dinner");
        assertThat(update.notifyBonus()).isTrue();
        assertThat(h.stores.outbox().stats(h.clock.now()).pending()).isZero();
    }

    @Test
    void a_change_committed_while_its_membership_is_in_flight_goes_out_after_with_the_newer_totals() {
        addPoints(10, "a");
        h.wechat.beforeNext("card/membercard/updateuser", () -> {
            addPoints(5, "b");
            assertThat(h.app.dispatchOutbox().dispatchDue(50).claimed())
                    .as("held back while another call carries this membership").isZero();
        });

        assertThat(h.app.dispatchOutbox().dispatchDue(50).sent()).isEqualTo(1);
        assertThat(bonusOnWechat()).isEqualTo(10);
        assertThat(h.app.dispatchOutbox().dispatchDue(50).sent()).isEqualTo(1);

        assertThat(bonusOnWechat()).as("the ledger's totals, sent after the older ones").isEqualTo(15);
        assertThat(h.wechat.memberUpdates()).extracting(MemberUpdate::addBonus)
                .containsExactly(Option.of(10L), Option.of(5L));
    }

    @Test
    void a_failed_call_is_retried_with_the_then_latest_totals_and_everything_wechat_has_not_heard() {
        addPoints(10, "a");
        h.wechat.failNext(new WechatError(WechatError.Kind.TRANSIENT, "-1", "system busy"));
        assertThat(h.app.dispatchOutbox().dispatchDue(50).retried()).isEqualTo(1);
        addPoints(20, "b");

        h.clock.advance(Duration.ofMinutes(1));
        DispatchReport report = h.app.dispatchOutbox().dispatchDue(50);

        assertThat(report.sent()).isEqualTo(2);
        assertThat(h.wechat.memberUpdates()).hasSize(1);
        assertThat(h.wechat.memberUpdates().get(0).addBonus()).contains(30L);
        assertThat(bonusOnWechat()).isEqualTo(30);
    }

    @Test
    void a_dispatcher_that_died_mid_call_is_replaced_after_its_lease_and_the_totals_land_once() {
        addPoints(10, "a");
        addPoints(20, "b");
        // A dispatcher claims both syncs, its call reaches WeChat, and it dies before it can record that.
        assertThat(h.stores.outbox().claim("crashed", 50, h.clock.now(), OutboxDispatcher.LEASE)).hasSize(2);
        h.wechat.updateMember(null, new MemberUpdate(card.wechatCardId().get(), alice.code(),
                Option.of(Points.of(30)), Option.none(), Option.of(30L), Option.none(), Option.none(), Option.none(),
                false, false));
        assertThat(h.app.dispatchOutbox().dispatchDue(50).claimed()).as("its lease still runs").isZero();

        h.clock.advance(OutboxDispatcher.LEASE.plusSeconds(1));
        assertThat(h.app.dispatchOutbox().dispatchDue(50).sent()).isEqualTo(2);

        assertThat(bonusOnWechat()).as("absolute totals: the repeat lands where the first did").isEqualTo(30);
        assertThat(h.stores.outbox().stats(h.clock.now()).pending()).isZero();
    }

    @Test
    void a_tenant_with_a_small_backlog_is_served_beside_one_with_a_large_backlog() {
        TenantId busy = Fixtures.uniqueTenantId();
        h.stores.tenants().save(Fixtures.tenant(busy));
        Card busyCard = h.approved(busy, Fixtures.definitionActivatedBy(ActivationMode.AUTO));
        List<Membership> busyMembers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            busyMembers.add(h.received(busyCard, "oBusy" + i));
        }
        List<Membership> quietMembers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            quietMembers.add(h.received(card, "oQuiet" + i));
        }
        h.drainOutbox();
        busyMembers.forEach(member -> change(member, 1, "busy-" + member.code(), "purchase"));
        quietMembers.forEach(member -> change(member, 7, "quiet-" + member.code(), "purchase"));

        DispatchReport first = h.app.dispatchOutbox().dispatchDue(50);

        assertThat(first.sent()).as("each tenant's share of the 50: 25 and all 5").isEqualTo(30);
        quietMembers.forEach(member -> assertThat(h.wechat.member(card.wechatCardId().get(), member.code()).get().bonus)
                .isEqualTo(7));
        assertThat(h.wechat.memberUpdates()).filteredOn(update -> update.cardId().equals(card.wechatCardId().get()))
                .as("the quiet tenant's five, all in the first round").hasSize(5);
        assertThat(h.stores.outbox().stats(h.clock.now()).pending()).isEqualTo(1000 - 25);
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
