package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxcard.application.port.out.wechat.LandingPage;
import io.wxcard.application.port.out.wechat.QrCode;
import io.wxcard.application.port.out.wechat.SignedCardExt;
import io.wxcard.domain.card.OuterStr;
import io.wxcard.domain.card.PageTitle;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the API takes and answers to hand a card out: QR codes, landing pages, signed cardExts. */
final class DistributionResources {

    private DistributionResources() {}

    @Schema(description = "WeChat's card/qrcode/create action_info.card, without card_id (the card is in the path).")
    record QrCodeRequest(
            @Schema(description = "A fixed code to hand out (cards with use_custom_code).") String code,
            @Schema(description = "Only this openid may receive the card.") String openid,
            Boolean isUniqueCode,
            @Schema(description = "A channel tag, returned in the user_get_card push; 1 to "
                    + OuterStr.MAX_LENGTH + " characters.") String outerStr,
            @Schema(description = "60 to 1800; absent for a permanent code.") Integer expireSeconds) {}

    record QrCodeResource(String ticket, String url, String showQrcodeUrl, Integer expireSeconds) {}

    @Schema(description = "WeChat's card/landingpage/create body for this one card.")
    record LandingPageRequest(
            @Schema(description = "http(s) URL of the banner picture.", requiredMode = REQUIRED) String banner,
            @Schema(description = "1 to " + PageTitle.MAX_LENGTH + " characters.", requiredMode = REQUIRED) String pageTitle,
            @Schema(requiredMode = REQUIRED) Boolean canShare,
            @Schema(description = "SCENE_NEAR_BY, SCENE_MENU, SCENE_QRCODE, SCENE_ARTICLE, SCENE_H5, SCENE_IVR or SCENE_CARD_CUSTOM_CELL.", requiredMode = REQUIRED) String scene,
            @Schema(description = "http(s) URL of the card's thumbnail.", requiredMode = REQUIRED) String thumbUrl) {}

    record LandingPageResource(String url, long pageId) {}

    @Schema(description = "What a JS-SDK addCard call carries; every field is optional.")
    record CardExtRequest(String code, String openid, Long fixedBegintimestamp, String outerStr) {}

    @Schema(description = "A signed cardExt: pass card_id and card_ext to wx.addCard({cardList:[{cardId, cardExt}]}).")
    record CardExtResource(
            @Schema(description = "WeChat's card_id.") String cardId,
            @Schema(description = "The cardExt JSON string, ready for wx.addCard.") String cardExt,
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
