package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase.UpgradeCardCommand;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 3: once a card is upgraded for WeChat Pay, the outbox syncs its members' totals through WeChat Pay's
 * member-card API (which names the total before each change), never through the old updateuser.
 */
class PayTotalsSyncTest {

    private final Harness h = new Harness();
    private final TenantId merchant = Fixtures.uniqueTenantId();
    private final Card card;
    private final Membership alice;

    PayTotalsSyncTest() {
        h.stores.tenants().save(Fixtures.tenantWithEverything(merchant));
        Card approved = h.approved(merchant, Fixtures.definitionActivatedBy(ActivationMode.AUTO));
        card = ok(h.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(merchant, approved.id(),
                new BrandId("brand_1004"))));
        alice = h.received(card, "oAlice");
    }

    private void points(long delta, String key) {
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), LedgerChange.points(Points.of(delta),
                "purchase", new IdempotencyKey(key), EntrySource.MERCHANT, true))));
    }

    private void balance(long delta, String key) {
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), LedgerChange.balance(Fen.of(delta),
                "top-up", new IdempotencyKey(key), EntrySource.MERCHANT, true))));
    }

    @Test
    void an_upgraded_cards_totals_go_through_wechat_pay_and_never_through_updateuser() {
        points(40, "a");
        balance(1_000, "b");

        assertThat(h.app.dispatchOutbox().dispatchDue(50).sent()).isEqualTo(2);

        var member = h.wechat.member(card.wechatCardId().get(), alice.code()).get();
        assertThat(member.bonus).isEqualTo(40);
        assertThat(member.balance).isEqualTo(1_000);
        assertThat(h.wechat.calls("card/membercard/updateuser")).isZero();
        assertThat(h.wechat.calls("v3/codes/rights")).isEqualTo(1);
        assertThat(h.wechat.calls("v3/codes/patch")).isEqualTo(1);
    }

    @Test
    void a_retry_after_a_failure_finds_what_already_landed_and_sends_only_the_rest() {
        points(40, "a");
        balance(1_000, "b");
        h.wechat.beforeNext("v3/codes/rights", () -> h.wechat.failNext(new WechatError(WechatError.Kind.TRANSIENT,
                "SYSTEM_ERROR", "system error")));
        assertThat(h.app.dispatchOutbox().dispatchDue(50).retried()).isEqualTo(2);
        assertThat(h.wechat.member(card.wechatCardId().get(), alice.code()).get().balance)
                .as("the balance landed before the points failed").isEqualTo(1_000);

        h.clock.advance(Duration.ofMinutes(1));
        assertThat(h.app.dispatchOutbox().dispatchDue(50).sent()).isEqualTo(2);

        var member = h.wechat.member(card.wechatCardId().get(), alice.code()).get();
        assertThat(member.bonus).isEqualTo(40);
        assertThat(member.balance).isEqualTo(1_000);
        assertThat(h.wechat.calls("v3/codes/patch")).as("the balance was right already: not sent again").isEqualTo(1);
        assertThat(h.wechat.calls("v3/codes/get")).isEqualTo(2);
    }

    @Test
    void totals_already_right_on_wechat_pay_send_nothing() {
        points(10, "a");
        h.wechat.member(card.wechatCardId().get(), alice.code()).get().bonus = 10;

        assertThat(h.app.dispatchOutbox().dispatchDue(50).sent()).isEqualTo(1);

        assertThat(h.wechat.calls("v3/codes/rights")).isZero();
        assertThat(h.wechat.calls("v3/codes/get")).isEqualTo(1);
    }
}
