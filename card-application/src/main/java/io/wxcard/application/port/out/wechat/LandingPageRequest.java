package io.wxcard.application.port.out.wechat;

import io.wxcard.domain.card.WechatCardId;
import java.util.List;

/**
 * A page listing cards to receive ({@code /card/landingpage/create}).
 *
 * @param scene WeChat's scene tag, for example {@code SCENE_QRCODE} or {@code SCENE_H5}
 */
public record LandingPageRequest(String bannerUrl, String pageTitle, boolean canShare, String scene,
                                 List<Entry> cards) {
    public LandingPageRequest {
        cards = List.copyOf(cards);
        if (cards.isEmpty()) {
            throw new IllegalArgumentException("a landing page lists at least one card");
        }
    }

    public record Entry(WechatCardId cardId, String thumbUrl) {}
}
