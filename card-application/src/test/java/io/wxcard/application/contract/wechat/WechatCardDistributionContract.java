package io.wxcard.application.contract.wechat;

import static io.wxcard.application.contract.wechat.WechatContractSupport.failed;
import static io.wxcard.application.contract.wechat.WechatContractSupport.newOpenId;
import static io.wxcard.application.contract.wechat.WechatContractSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.CardExtRequest;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.LandingPage;
import io.wxcard.application.port.out.wechat.LandingPageRequest;
import io.wxcard.application.port.out.wechat.QrCode;
import io.wxcard.application.port.out.wechat.QrCodeRequest;
import io.wxcard.application.port.out.wechat.SignedCardExt;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardCatalog;
import io.wxcard.application.port.out.wechat.WechatCardDistribution;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.TestWhitelist;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WechatCardDistribution} must do, given a fresh {@link WechatContractSubject} per test. The catalog
 * creates the cards to hand out.
 */
public abstract class WechatCardDistributionContract {

    protected abstract WechatContractSubject subject();

    private WechatCardDistribution distribution() {
        return subject().distribution();
    }

    private WechatCardCatalog catalog() {
        return subject().catalog();
    }

    private WechatAccount account() {
        return subject().account();
    }

    private WechatTestControl control() {
        return subject().control();
    }

    private WechatCardId cardId;

    @BeforeEach
    void createCard() {
        cardId = ok(catalog().create(account(), Fixtures.definition()));
    }

    @Test
    void makes_a_qr_code_that_hands_out_the_card() {
        QrCode qr = ok(distribution().createQrCode(account(), new QrCodeRequest(cardId, Option.none(), Option.none(),
                false, Option.of("store_42"), Option.of(600))));

        assertThat(qr.ticket()).isNotBlank();
        assertThat(qr.url()).isNotBlank();
        assertThat(qr.showQrcodeUrl()).isNotBlank();
        assertThat(qr.expireSeconds()).contains(600);
    }

    @Test
    void answers_not_found_for_a_qr_code_of_a_card_that_does_not_exist() {
        WechatError error = failed(distribution().createQrCode(account(), new QrCodeRequest(
                new WechatCardId("pUnknownCard0000000000000001"), Option.none(), Option.none(), false, Option.none(),
                Option.none())));

        assertThat(error.kind()).isEqualTo(WechatError.Kind.NOT_FOUND);
    }

    @Test
    void makes_a_landing_page_listing_the_card() {
        LandingPage page = ok(distribution().createLandingPage(account(), new LandingPageRequest(
                "https://mmbiz.qpic.cn/banner.png", "Join us", true, "SCENE_QRCODE",
                List.of(new LandingPageRequest.Entry(cardId, "https://mmbiz.qpic.cn/thumb.png")))));

        assertThat(page.url()).isNotBlank();
        assertThat(page.pageId()).isPositive();
    }

    @Test
    void signs_a_card_ext_carrying_what_the_addcard_call_will_carry() {
        OpenId openId = newOpenId();
        Code code = new Code("109631701445");

        SignedCardExt ext = ok(distribution().signCardExt(account(), new CardExtRequest(cardId, Option.of(code),
                Option.of(openId), Option.none(), Option.of("h5_campaign"))));

        assertThat(ext.cardId()).isEqualTo(cardId);
        assertThat(ext.code()).contains(code.value());
        assertThat(ext.openId()).contains(openId.value());
        assertThat(ext.outerStr()).contains("h5_campaign");
        assertThat(ext.timestamp()).matches("[0-9]{10}");
        assertThat(ext.nonceStr()).isNotBlank();
        assertThat(ext.signature()).matches("[0-9a-f]{40}");
    }

    @Test
    void signs_each_card_ext_afresh() {
        CardExtRequest request = new CardExtRequest(cardId, Option.none(), Option.none(), Option.none(), Option.none());

        SignedCardExt first = ok(distribution().signCardExt(account(), request));
        SignedCardExt second = ok(distribution().signCardExt(account(), request));

        assertThat(second.nonceStr()).isNotEqualTo(first.nonceStr());
        assertThat(second.signature()).isNotEqualTo(first.signature());
    }

    @Test
    void gives_the_html_that_puts_the_card_into_a_mass_message() {
        String html = ok(distribution().massMessageHtml(account(), cardId));

        assertThat(html).contains(cardId.value());
    }

    @Test
    void lets_a_whitelisted_tester_receive_a_card_before_review() {
        OpenId tester = newOpenId();

        assertThat(ok(distribution().setTestWhitelist(account(), new TestWhitelist(List.of(tester.value()), List.of()))))
                .isEqualTo(Done.DONE);

        assertThat(control().handOut(cardId, tester)).isNotNull();
    }
}
