package io.wxcard.application.contract.wechat;

import static io.wxcard.application.contract.wechat.WechatContractSupport.failed;
import static io.wxcard.application.contract.wechat.WechatContractSupport.ok;
import static io.wxcard.application.contract.wechat.WechatContractSupport.withNotice;
import static io.wxcard.application.contract.wechat.WechatContractSupport.withTitle;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardCatalog;
import io.wxcard.application.port.out.wechat.WechatCardStatus;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WechatCardCatalog} must do. Subclasses give a fresh {@link WechatContractSubject} per test: its
 * account has no cards but the test's, and its control plays WeChat's reviewers.
 */
public abstract class WechatCardCatalogContract {

    protected abstract WechatContractSubject subject();

    private WechatCardCatalog catalog() {
        return subject().catalog();
    }

    private WechatAccount account() {
        return subject().account();
    }

    private WechatTestControl control() {
        return subject().control();
    }

    private static final WechatCardId UNKNOWN = new WechatCardId("pUnknownCard0000000000000001");

    private WechatCardId create(MemberCardDefinition definition) {
        return ok(catalog().create(account(), definition));
    }

    private WechatCardStatus status(WechatCardId cardId) {
        return ok(catalog().get(account(), cardId));
    }

    @Test
    void puts_a_new_card_under_review_with_its_stock() {
        WechatCardId cardId = create(Fixtures.definition());

        WechatCardStatus status = status(cardId);

        assertThat(status.cardId()).isEqualTo(cardId);
        assertThat(status.status()).isEqualTo("CARD_STATUS_NOT_VERIFY");
        assertThat(status.quantity()).isEqualTo(1000);
        assertThat(status.totalQuantity()).isEqualTo(1000);
    }

    @Test
    void shows_the_reviewers_decision() {
        WechatCardId passed = create(Fixtures.definition());
        WechatCardId refused = create(Fixtures.definition());

        control().review(passed, true);
        control().review(refused, false);

        assertThat(status(passed).status()).isEqualTo("CARD_STATUS_VERIFY_OK");
        assertThat(status(refused).status()).isEqualTo("CARD_STATUS_VERIFY_FAIL");
    }

    @Test
    void answers_not_found_for_a_card_that_does_not_exist() {
        WechatError error = failed(catalog().get(account(), UNKNOWN));

        assertThat(error.kind()).isEqualTo(WechatError.Kind.NOT_FOUND);
    }

    @Test
    void lists_the_accounts_cards_page_by_page_in_creation_order() {
        WechatCardId first = create(Fixtures.definition());
        WechatCardId second = create(Fixtures.definition());
        WechatCardId third = create(Fixtures.definition());

        assertThat(ok(catalog().list(account(), 0, 50))).containsExactly(first, second, third);
        assertThat(ok(catalog().list(account(), 1, 1))).containsExactly(second);
        assertThat(ok(catalog().list(account(), 3, 50))).isEmpty();
    }

    @Test
    void adds_and_takes_away_stock() {
        WechatCardId cardId = create(Fixtures.definition());

        assertThat(ok(catalog().changeStock(account(), cardId, 10))).isEqualTo(Done.DONE);
        assertThat(status(cardId).quantity()).isEqualTo(1010);
        assertThat(ok(catalog().changeStock(account(), cardId, -1010))).isEqualTo(Done.DONE);
        assertThat(status(cardId).quantity()).isZero();
    }

    @Test
    void refuses_to_take_away_more_stock_than_there_is_and_changes_nothing() {
        WechatCardId cardId = create(Fixtures.definition());

        WechatError error = failed(catalog().changeStock(account(), cardId, -1001));

        assertThat(error.kind()).isEqualTo(WechatError.Kind.CLIENT_ERROR);
        assertThat(status(cardId).quantity()).isEqualTo(1000);
    }

    @Test
    void sends_an_approved_card_back_to_review_when_its_title_changes() {
        WechatCardId cardId = create(Fixtures.definition());
        control().review(cardId, true);

        boolean sendCheck = ok(catalog().update(account(), cardId, withTitle(Fixtures.definition(), "Silver")));

        assertThat(sendCheck).isTrue();
        assertThat(status(cardId).status()).isEqualTo("CARD_STATUS_NOT_VERIFY");
    }

    @Test
    void keeps_an_approved_card_approved_when_only_its_notice_changes() {
        WechatCardId cardId = create(Fixtures.definition());
        control().review(cardId, true);

        boolean sendCheck = ok(catalog().update(account(), cardId, withNotice(Fixtures.definition(), "Scan me")));

        assertThat(sendCheck).isFalse();
        assertThat(status(cardId).status()).isEqualTo("CARD_STATUS_VERIFY_OK");
    }

    @Test
    void answers_not_found_when_updating_a_card_that_does_not_exist() {
        WechatError error = failed(catalog().update(account(), UNKNOWN, Fixtures.definition()));

        assertThat(error.kind()).isEqualTo(WechatError.Kind.NOT_FOUND);
    }

    @Test
    void marks_a_deleted_card_deleted() {
        WechatCardId cardId = create(Fixtures.definition());

        assertThat(ok(catalog().delete(account(), cardId))).isEqualTo(Done.DONE);

        assertThat(status(cardId).status()).isEqualTo("CARD_STATUS_DELETE");
    }

    @Test
    void answers_not_found_when_deleting_a_card_that_does_not_exist() {
        assertThat(failed(catalog().delete(account(), UNKNOWN)).kind()).isEqualTo(WechatError.Kind.NOT_FOUND);
    }

    @Test
    void carries_wechats_own_code_and_message_in_an_error() {
        WechatError error = failed(catalog().get(account(), UNKNOWN));

        assertThat(error.code()).isNotBlank();
        assertThat(error.message()).isNotBlank();
    }
}
