package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.wxcard.domain.card.TestWhitelist;
import io.wxcard.domain.card.WechatCardId;

/** Handing cards out: QR codes, landing pages, JS-SDK signatures, mass-message HTML, the test whitelist. */
public interface WechatCardDistribution {

    Either<WechatError, QrCode> createQrCode(WechatAccount account, QrCodeRequest request);

    Either<WechatError, LandingPage> createLandingPage(WechatAccount account, LandingPageRequest request);

    /** Signs a cardExt with the account's current {@code wx_card} ticket. */
    Either<WechatError, SignedCardExt> signCardExt(WechatAccount account, CardExtRequest request);

    /** The HTML that puts the card into a mass message ({@code /card/mpnews/gethtml}). */
    Either<WechatError, String> massMessageHtml(WechatAccount account, WechatCardId cardId);

    Either<WechatError, Done> setTestWhitelist(WechatAccount account, TestWhitelist whitelist);
}
