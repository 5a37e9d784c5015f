package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase.UpgradeCardCommand;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** Issue 14 item 3: the upgrade of a card for WeChat Pay, made on WeChat Pay first and then recorded on the card. */
class PayCardServiceTest {

    private static final BrandId BRAND = new BrandId("brand_1004");
    private final Harness h = new Harness();
    private final TenantId merchant = Fixtures.uniqueTenantId();

    PayCardServiceTest() {
        h.stores.tenants().save(Fixtures.tenantWithEverything(merchant));
    }

    @Test
    void upgrades_the_card_on_wechat_pay_and_records_it_with_its_brand() {
        Card card = h.approved(merchant, Fixtures.definition());

        Card upgraded = ok(h.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(merchant, card.id(), BRAND)));

        assertThat(upgraded.upgradedForWechatPay()).isTrue();
        assertThat(upgraded.payUpgrade().get().brandId()).isEqualTo(BRAND);
        assertThat(h.wechat.isUpgraded(card.wechatCardId().get())).isTrue();
        assertThat(h.stores.cards().find(merchant, card.id()).get().upgradedForWechatPay()).isTrue();
    }

    @Test
    void the_same_brand_again_answers_the_card_without_calling_wechat_pay() {
        Card card = h.approved(merchant, Fixtures.definition());
        ok(h.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(merchant, card.id(), BRAND)));

        ok(h.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(merchant, card.id(), BRAND)));

        assertThat(h.wechat.calls("v3/cards/upgrade")).isEqualTo(1);
    }

    @Test
    void another_brand_is_refused_before_any_call() {
        Card card = h.approved(merchant, Fixtures.definition());
        ok(h.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(merchant, card.id(), BRAND)));

        var moved = h.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(merchant, card.id(),
                new BrandId("brand_2002")));

        assertThat(moved.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class, rejected -> assertThat(
                rejected.rejection().code()).isEqualTo(RejectionCode.CARD_UPGRADED_UNDER_ANOTHER_BRAND));
        assertThat(h.wechat.calls("v3/cards/upgrade")).isEqualTo(1);
    }

    @Test
    void a_tenant_without_merchant_credentials_is_told_what_the_upgrade_needs() {
        Card card = h.approved(Fixtures.definition());

        var result = h.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(h.tenant, card.id(), BRAND));

        assertThat(result.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class, rejected -> {
            assertThat(rejected.rejection().code()).isEqualTo(RejectionCode.TENANT_HAS_NO_MERCHANT_CREDENTIALS);
            assertThat(rejected.rejection().reason()).contains("upgrading a card for WeChat Pay");
        });
        assertThat(h.wechat.calls("v3/cards/upgrade")).isZero();
    }

    @Test
    void a_refusal_from_wechat_pay_leaves_the_card_not_upgraded() {
        Card card = h.approved(merchant, Fixtures.definition());
        h.wechat.failNext(new WechatError(WechatError.Kind.CLIENT_ERROR, "INVALID_REQUEST", "AppID非服务号"));

        var result = h.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(merchant, card.id(), BRAND));

        assertThat(result.getLeft()).isInstanceOfSatisfying(Failure.WechatFailed.class,
                failed -> assertThat(failed.error().message()).isEqualTo("AppID非服务号"));
        assertThat(h.stores.cards().find(merchant, card.id()).get().upgradedForWechatPay()).isFalse();
    }
}
