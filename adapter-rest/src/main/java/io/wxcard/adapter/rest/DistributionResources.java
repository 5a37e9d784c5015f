package io.wxcard.adapter.rest;

import io.wxcard.application.port.out.wechat.LandingPage;
import io.wxcard.application.port.out.wechat.QrCode;
import io.wxcard.application.port.out.wechat.SignedCardExt;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the API takes and answers to hand a card out: QR codes, landing pages, signed cardExts. */
final class DistributionResources {

    private DistributionResources() {}

    @Doc("WeChat's card/qrcode/create action_info.card, without card_id (the card is in the path).")
    record QrCodeRequest(
            @Doc("A fixed code to hand out (cards with use_custom_code).") String code,
            @Doc("Only this openid may receive the card.") String openid,
            Boolean isUniqueCode,
            @Doc("A channel tag, returned in the user_get_card push; 1-128 characters.") String outerStr,
            @Doc("60 to 1800; absent for a permanent code.") Integer expireSeconds) {}

    record QrCodeResource(String ticket, String url, String showQrcodeUrl, Integer expireSeconds) {}

    @Doc("WeChat's card/landingpage/create body for this one card.")
    record LandingPageRequest(
            @Doc("http(s) URL of the banner picture.") @Required String banner,
            @Doc("1 to 32 characters.") @Required String pageTitle,
            @Required Boolean canShare,
            @Doc("SCENE_NEAR_BY, SCENE_MENU, SCENE_QRCODE, SCENE_ARTICLE, SCENE_H5, SCENE_IVR or SCENE_CARD_CUSTOM_CELL.")
            @Required String scene,
            @Doc("http(s) URL of the card's thumbnail.") @Required String thumbUrl) {}

    record LandingPageResource(String url, long pageId) {}

    @Doc("What a JS-SDK addCard call carries; every field is optional.")
    record CardExtRequest(String code, String openid, Long fixedBegintimestamp, String outerStr) {}

    @Doc("A signed cardExt: pass card_id and card_ext to wx.addCard({cardList:[{cardId, cardExt}]}).")
    record CardExtResource(
            @Doc("WeChat's card_id.") String cardId,
            @Doc("The cardExt JSON string, ready for wx.addCard.") String cardExt,
            String code, String openid, String timestamp, String nonceStr, Long fixedBegintimestamp, String outerStr,
            String signature) {}

    static QrCodeResource of(QrCode qr) {
        return new QrCodeResource(qr.ticket(), qr.url(), qr.showQrcodeUrl(), qr.expireSeconds().getOrNull());
    }

    static LandingPageResource of(LandingPage page) {
        return new LandingPageResource(page.url(), page.pageId());
    }

    static CardExtResource of(SignedCardExt ext) {
        Map<String, Object> cardExt = new LinkedHashMap<>();
        ext.code().forEach(code -> cardExt.put("code", code));
        ext.openId().forEach(openId -> cardExt.put("openid", openId));
        cardExt.put("timestamp", ext.timestamp());
        cardExt.put("nonce_str", ext.nonceStr());
        ext.fixedBeginTimestamp().forEach(begin -> cardExt.put("fixed_begintimestamp", begin));
        ext.outerStr().forEach(tag -> cardExt.put("outer_str", tag));
        cardExt.put("signature", ext.signature());
        return new CardExtResource(ext.cardId().value(), new String(Json.write(cardExt), java.nio.charset.StandardCharsets.UTF_8),
                ext.code().getOrNull(), ext.openId().getOrNull(), ext.timestamp(), ext.nonceStr(),
                ext.fixedBeginTimestamp().getOrNull(), ext.outerStr().getOrNull(), ext.signature());
    }
}
