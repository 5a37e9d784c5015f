package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.Ledger;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.RejectionCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LedgerServiceTest {

    private final Harness h = new Harness();
    private final Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
    private final Membership alice = h.received(card, "oAlice");

    private LedgerChange points(long delta, String key) {
        return LedgerChange.points(Points.of(delta), "purchase", new IdempotencyKey(key), EntrySource.MERCHANT, true);
    }

    @Test
    void a_change_lands_in_the_ledger_at_once_and_reaches_wechat_through_the_outbox() {
        LedgerResult result = ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), points(120, "order-1"))));

        assertThat(result.membership().totals().points()).isEqualTo(Points.of(120));
        assertThat(h.wechat.member(card.wechatCardId().get(), alice.code()).get().bonus).isZero();

        h.drainOutbox();
        assertThat(h.wechat.member(card.wechatCardId().get(), alice.code()).get().bonus).isEqualTo(120);
    }

    @Test
    void a_replayed_key_answers_the_first_result_and_changes_nothing() {
        LedgerResult first = ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), points(120, "order-1"))));
        LedgerResult again = ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), points(120, "order-1"))));

        assertThat(again.replayed()).isTrue();
        assertThat(again.entry()).isEqualTo(first.entry());
        assertThat(h.stores.memberships().find(alice.key()).get().totals().points()).isEqualTo(Points.of(120));
        assertThat(h.stores.outbox().stats(h.clock.now()).pending()).isEqualTo(1);
    }

    @Test
    void a_replayed_key_answers_the_first_result_even_where_the_change_would_now_be_refused() {
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), LedgerChange.balance(Fen.of(100),
                "top-up", new IdempotencyKey("t1"), EntrySource.MERCHANT, false))));
        LedgerChange refund = LedgerChange.balance(Fen.of(-80), "refund", new IdempotencyKey("r1"),
                EntrySource.MERCHANT, false);
        LedgerResult first = ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), refund)));

        LedgerResult again = ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), refund)));

        assertThat(again.replayed()).isTrue();
        assertThat(again.entry()).isEqualTo(first.entry());
        assertThat(h.stores.memberships().find(alice.key()).get().totals().balance()).isEqualTo(Fen.of(20));
    }

    @Test
    void a_key_reused_for_another_change_is_refused() {
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), points(120, "order-1"))));

        var result = h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), points(999, "order-1")));

        assertThat(result.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class,
                r -> assertThat(r.rejection().code()).isEqualTo(RejectionCode.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void stored_value_never_goes_negative_and_a_refused_change_writes_nothing() {
        var result = h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), LedgerChange.balance(Fen.of(-1),
                "refund", new IdempotencyKey("r1"), EntrySource.MERCHANT, false)));

        assertThat(result.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class,
                r -> assertThat(r.rejection().code()).isEqualTo(RejectionCode.BALANCE_WOULD_GO_NEGATIVE));
        assertThat(h.stores.ledger().history(alice.key(), PageRequest.first(10)).items()).isEmpty();
        assertThat(h.stores.outbox().stats(h.clock.now()).pending()).isZero();
    }

    @Test
    void stored_value_is_refused_on_a_card_that_does_not_offer_it() {
        MemberCardDefinition pointsOnly = Fixtures.definition();
        pointsOnly = new MemberCardDefinition(pointsOnly.baseInfo(), pointsOnly.backgroundPicUrl(), pointsOnly.prerogative(),
                true, false, Option.none(), true, Option.none(), false, Option.none(), List.of(), Option.none(),
                Option.none(), Option.none(), Option.none(), Option.none(), Option.none());
        Card noBalance = h.approved(pointsOnly);
        Membership bob = h.received(noBalance, "oBob");

        var result = h.app.changeLedger().change(new ChangeLedgerCommand(bob.key(), LedgerChange.balance(Fen.of(100),
                "top-up", new IdempotencyKey("t1"), EntrySource.MERCHANT, false)));

        assertThat(result.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class,
                r -> assertThat(r.rejection().code()).isEqualTo(RejectionCode.CARD_DOES_NOT_OFFER_STORED_VALUE));
    }

    @Test
    void concurrent_changes_to_one_membership_all_land_in_order() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = "c" + i;
            done.add(pool.submit(() -> ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), points(1, key))))));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Membership after = h.stores.memberships().find(alice.key()).get();
        var entries = h.stores.ledger().history(alice.key(), PageRequest.first(200)).items();
        assertThat(after.totals().points()).isEqualTo(Points.of(200));
        assertThat(entries).hasSize(200);
        assertThat(Ledger.replay(entries).totals()).isEqualTo(after.totals());
    }

    @Test
    void a_change_wechat_reports_is_read_from_wechat_booked_once_and_never_sent_back() {
        MembershipKey key = alice.key();
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(key, points(100, "order-1"))));
        h.drainOutbox();
        int updates = h.wechat.calls("card/membercard/updateuser");

        h.wechat.member(card.wechatCardId().get(), alice.code()).get().bonus = 70; // spent 30 on WeChat's side
        ok(h.app.handleWechatEvent().handle(h.tenant, totalsChanged(-30, 0, 1)));
        ok(h.app.handleWechatEvent().handle(h.tenant, totalsChanged(-30, 0, 2))); // reported twice, say
        h.drainOutbox();

        assertThat(h.stores.memberships().find(key).get().totals().points()).isEqualTo(Points.of(70));
        assertThat(h.stores.ledger().history(key, PageRequest.first(10)).items()).extracting(entry -> entry.source())
                .containsExactly(EntrySource.MERCHANT, EntrySource.WECHAT);
        assertThat(h.wechat.member(card.wechatCardId().get(), alice.code()).get().bonus).isEqualTo(70);
        assertThat(h.wechat.calls("card/membercard/updateuser")).isEqualTo(updates);
    }

    @Test
    void an_echo_of_our_own_sync_books_nothing_and_sends_nothing() {
        MembershipKey key = alice.key();
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(key, points(100, "order-1"))));
        h.drainOutbox();

        ok(h.app.handleWechatEvent().handle(h.tenant, totalsChanged(100, 0, 1))); // what WeChat would echo
        h.drainOutbox();

        assertThat(h.stores.ledger().history(key, PageRequest.first(10)).total()).isEqualTo(1);
        assertThat(h.wechat.calls("card/membercard/updateuser")).isEqualTo(1);
        assertThat(h.wechat.calls("card/membercard/userinfo/get")).isEqualTo(1);
    }

    @Test
    void an_echo_that_arrives_while_our_sync_is_still_on_its_way_books_nothing() {
        MembershipKey key = alice.key();
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(key, points(100, "order-1"))));
        h.drainOutbox();
        ok(h.app.handleWechatEvent().handle(h.tenant, totalsChanged(100, 0, 1))); // the echo of the first sync
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(key, points(50, "order-2"))));

        h.drainOutbox(); // the comparison runs first: WeChat shows 100, the ledger 150 with its sync on the way
        

        assertThat(h.stores.memberships().find(key).get().totals().points()).isEqualTo(Points.of(150));
        assertThat(h.stores.ledger().history(key, PageRequest.first(10)).total()).isEqualTo(2);
        assertThat(h.wechat.member(card.wechatCardId().get(), alice.code()).get().bonus).isEqualTo(150);
    }

    private io.wxcard.application.port.out.wechat.push.WechatEvent totalsChanged(long bonus, long balance, long time) {
        return new io.wxcard.application.port.out.wechat.push.WechatEvent.MemberTotalsChanged(
                new io.wxcard.application.port.out.wechat.push.EventHeader("gh_fc0a06a20993", "oAlice", 1764208278L + time,
                        "update_member_card"), card.wechatCardId().get(), alice.code(), bonus, balance);
    }
}
