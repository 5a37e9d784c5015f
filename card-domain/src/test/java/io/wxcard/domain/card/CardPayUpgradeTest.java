package io.wxcard.domain.card;

import static io.wxcard.domain.card.CardStates.T0;
import static io.wxcard.domain.card.CardStates.WECHAT_ID;
import static io.wxcard.domain.card.CardStates.in;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 14 item 3: a card knows whether it is upgraded for WeChat Pay, and the upgrade is never moved or undone. */
class CardPayUpgradeTest {

    private static final Instant LATER = T0.plusSeconds(60);
    private static final BrandId BRAND = new BrandId("1004");

    @Test
    void a_new_card_is_not_upgraded_and_refuses_wechat_pay_member_functions() {
        Card card = in(CardState.ISSUED);

        assertThat(card.upgradedForWechatPay()).isFalse();
        assertThat(card.checkWechatPayMemberFunctions().getLeft().code())
                .isEqualTo(RejectionCode.CARD_NOT_UPGRADED_FOR_WECHAT_PAY);
    }

    @Test
    void records_the_upgrade_with_its_brand_and_then_allows_the_member_functions() {
        CardChange change = in(CardState.APPROVED).upgradedForWechatPay(BRAND, LATER).get();

        assertThat(change.changed()).isTrue();
        assertThat(change.card().upgradedForWechatPay()).isTrue();
        assertThat(change.card().payUpgrade()).isEqualTo(Option.of(new PayUpgrade(BRAND, LATER)));
        assertThat(change.card().checkWechatPayMemberFunctions().get()).isEqualTo(WECHAT_ID);
        assertThat(change.card().state()).isEqualTo(CardState.APPROVED);
    }

    @Test
    void the_same_brand_again_changes_nothing() {
        Card upgraded = in(CardState.ISSUED).upgradedForWechatPay(BRAND, LATER).get().card();

        CardChange again = upgraded.upgradedForWechatPay(BRAND, LATER.plusSeconds(5)).get();

        assertThat(again.changed()).isFalse();
        assertThat(again.card().payUpgrade().get().upgradedAt()).isEqualTo(LATER);
    }

    @Test
    void refuses_another_brand_once_upgraded() {
        Card upgraded = in(CardState.ISSUED).upgradedForWechatPay(BRAND, LATER).get().card();

        var moved = upgraded.upgradedForWechatPay(new BrandId("2001"), LATER);

        assertThat(moved.getLeft().code()).isEqualTo(RejectionCode.CARD_UPGRADED_UNDER_ANOTHER_BRAND);
        assertThat(moved.getLeft().reason()).contains("1004", "2001");
    }

    @Test
    void a_card_not_on_wechat_or_deleted_cannot_be_upgraded() {
        assertThat(in(CardState.DRAFT).checkUpgradableForWechatPay(BRAND).getLeft().code())
                .isEqualTo(RejectionCode.CARD_NOT_ON_WECHAT);
        assertThat(in(CardState.DELETED).checkUpgradableForWechatPay(BRAND).getLeft().code())
                .isEqualTo(RejectionCode.CARD_DELETED);
    }

    @Test
    void a_brand_id_is_at_most_16_identifier_characters() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BrandId("12345678901234567"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brand_id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BrandId("a b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
