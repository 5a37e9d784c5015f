package io.wxcard.application.contract.wechat;

import static io.wxcard.application.contract.wechat.WechatContractSupport.failed;
import static io.wxcard.application.contract.wechat.WechatContractSupport.newOpenId;
import static io.wxcard.application.contract.wechat.WechatContractSupport.ok;
import static io.wxcard.application.contract.wechat.WechatContractSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.ImportRequest;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardCatalog;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatMemberImport;
import io.wxcard.application.port.out.wechat.WechatPayCardUpgrade;
import io.wxcard.domain.card.BrandId;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.MerchantCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WechatMemberImport} must do, given a fresh {@link WechatContractSubject} per test: its merchant is
 * bound to the account that owns the card.
 */
public abstract class WechatMemberImportContract {

    protected abstract WechatContractSubject subject();

    /** The same implementation's card upgrade: WeChat Pay imports only into a card upgraded for it. */
    protected abstract WechatPayCardUpgrade payUpgrade();

    private WechatMemberImport memberImport() {
        return subject().memberImport();
    }

    private WechatCardCatalog catalog() {
        return subject().catalog();
    }

    private WechatAccount account() {
        return subject().account();
    }

    private MerchantCredentials merchant() {
        return subject().merchant();
    }

    private WechatTestControl control() {
        return subject().control();
    }

    private WechatCardId cardId;

    @BeforeEach
    void approvedCard() {
        cardId = ok(catalog().create(account(), Fixtures.definition()));
        control().review(cardId, true);
        ok(payUpgrade().upgrade(merchant(), cardId, new BrandId("brand_" + unique("").substring(0, 8)),
                account().appId()));
    }

    @Test
    void refuses_an_import_into_a_card_not_upgraded_for_wechat_pay_with_wechats_reason() {
        WechatCardId notUpgraded = ok(catalog().create(account(), Fixtures.definition()));
        control().review(notUpgraded, true);

        WechatError error = failed(memberImport().importMember(merchant(),
                new ImportRequest(notUpgraded, newOpenId(), Option.none(), unique("imp-"))));

        assertThat(error.kind()).isEqualTo(WechatError.Kind.FORBIDDEN);
        assertThat(error.kind().worthRetryingLater()).isFalse();
        assertThat(error.message()).isEqualTo("请先升级会员卡才能使用此功能");
    }

    @Test
    void an_upgrade_made_again_counts_as_done_and_the_import_then_works() {
        WechatCardId card = ok(catalog().create(account(), Fixtures.definition()));
        control().review(card, true);
        BrandId brand = new BrandId("brand_again");

        ok(payUpgrade().upgrade(merchant(), card, brand, account().appId()));
        ok(payUpgrade().upgrade(merchant(), card, brand, account().appId()));

        assertThat(ok(memberImport().importMember(merchant(),
                new ImportRequest(card, newOpenId(), Option.none(), unique("imp-")))).value()).isNotBlank();
    }

    @Test
    void imports_a_member_and_answers_the_code_wechat_gave_them() {
        Code code = ok(memberImport().importMember(merchant(),
                new ImportRequest(cardId, newOpenId(), Option.none(), unique("imp-"))));

        assertThat(code.value()).isNotBlank();
    }

    @Test
    void imports_a_member_with_the_merchants_own_code() {
        Code own = new Code(unique("88"));

        Code code = ok(memberImport().importMember(merchant(),
                new ImportRequest(cardId, newOpenId(), Option.of(own), unique("imp-"))));

        assertThat(code).isEqualTo(own);
    }

    @Test
    void answers_the_same_code_when_the_same_request_is_sent_again() {
        OpenId openId = newOpenId();
        ImportRequest request = new ImportRequest(cardId, openId, Option.none(), unique("imp-"));

        Code first = ok(memberImport().importMember(merchant(), request));
        Code again = ok(memberImport().importMember(merchant(), request));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void answers_the_code_the_openid_already_holds_when_it_is_imported_again_under_another_request() {
        OpenId openId = newOpenId();
        Code held = ok(memberImport().importMember(merchant(),
                new ImportRequest(cardId, openId, Option.none(), unique("imp-"))));

        Code again = ok(memberImport().importMember(merchant(),
                new ImportRequest(cardId, openId, Option.none(), unique("imp-"))));

        assertThat(again).isEqualTo(held);
    }

    @Test
    void answers_not_found_for_a_card_that_does_not_exist() {
        WechatError error = failed(memberImport().importMember(merchant(), new ImportRequest(
                new WechatCardId("pUnknownCard0000000000000001"), newOpenId(), Option.none(), unique("imp-"))));

        assertThat(error.kind()).isEqualTo(WechatError.Kind.NOT_FOUND);
    }
}
