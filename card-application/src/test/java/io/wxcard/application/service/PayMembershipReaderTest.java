package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ReadWechatPayMembershipQuery.WechatPayMembership;
import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase.UpgradeCardCommand;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** Issue 20: what WeChat Pay holds for a membership of an upgraded card, beside the ledger. */
class PayMembershipReaderTest {

    private final Harness h = new Harness();
    private final TenantId merchant = Fixtures.uniqueTenantId();

    PayMembershipReaderTest() {
        h.stores.tenants().save(Fixtures.tenantWithEverything(merchant));
    }

    private Card upgraded() {
        Card card = h.approved(merchant, Fixtures.definitionActivatedBy(ActivationMode.AUTO));
        return ok(h.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(merchant, card.id(),
                new BrandId("brand_1004"))));
    }

    private void points(Membership member, long delta, String key) {
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(member.key(), LedgerChange.points(Points.of(delta),
                "purchase", new IdempotencyKey(key), EntrySource.MERCHANT, true))));
    }

    @Test
    void tells_what_wechat_pay_shows_and_whether_it_equals_the_ledger_before_and_after_the_sync() {
        Card card = upgraded();
        Membership alice = h.received(card, "oAlice");
        points(alice, 40, "a");

        WechatPayMembership before = ok(h.app.readWechatPayMembership().wechatPay(alice.key()));
        assertThat(before.held().bonus()).isEqualTo(Points.of(0));
        assertThat(before.membership().totals().points()).isEqualTo(Points.of(40));
        assertThat(before.pointsMatch()).isFalse();
        assertThat(before.balanceMatch()).isTrue();
        assertThat(before.matchesLedger()).isFalse();

        h.app.dispatchOutbox().dispatchDue(50);
        WechatPayMembership after = ok(h.app.readWechatPayMembership().wechatPay(alice.key()));
        assertThat(after.held().bonus()).isEqualTo(Points.of(40));
        assertThat(after.matchesLedger()).isTrue();
        assertThat(after.held().openId().get()).isEqualTo(alice.openId());
        assertThat(h.wechat.calls("v3/codes/get")).isEqualTo(3); // two reads here, one by the sync
    }

    @Test
    void a_card_not_upgraded_is_refused_without_calling_wechat_pay() {
        Card card = h.approved(merchant, Fixtures.definitionActivatedBy(ActivationMode.AUTO));
        Membership bob = h.received(card, "oBob");

        var result = h.app.readWechatPayMembership().wechatPay(bob.key());

        assertThat(result.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class, rejected -> assertThat(
                rejected.rejection().code()).isEqualTo(RejectionCode.CARD_NOT_UPGRADED_FOR_WECHAT_PAY));
        assertThat(h.wechat.calls("v3/codes/get")).isZero();
    }

    @Test
    void wechat_pay_not_answering_is_a_transient_failure() {
        Card card = upgraded();
        Membership carol = h.received(card, "oCarol");
        h.wechat.failNext(new WechatError(WechatError.Kind.TRANSIENT, "SYSTEM_ERROR", "系统错误"));

        var result = h.app.readWechatPayMembership().wechatPay(carol.key());

        assertThat(result.getLeft()).isInstanceOfSatisfying(Failure.WechatFailed.class,
                failed -> assertThat(failed.error().kind()).isEqualTo(WechatError.Kind.TRANSIENT));
    }
}
