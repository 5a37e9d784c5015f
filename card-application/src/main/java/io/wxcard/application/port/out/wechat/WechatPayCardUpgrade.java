package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.MerchantCredentials;

/**
 * Upgrades an Official Account member card for WeChat Pay's member functions (membercard-open
 * {@code POST /v3/marketing/membercard-open/cards/{card_id}/upgrade}). Until then WeChat Pay refuses every
 * membercard-open member call on the card.
 */
public interface WechatPayCardUpgrade {

    /**
     * Binds the card to the brand, with the account members' openids come from. An upgrade WeChat Pay had already
     * made ("会员卡已经迁移") counts as done, so a call repeated after a lost answer is safe.
     */
    Either<WechatError, Done> upgrade(MerchantCredentials merchant, WechatCardId cardId, BrandId brandId, AppId appId);
}
