package io.wxcard.application.contract.wechat;

import static io.wxcard.application.contract.wechat.WechatContractSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.wechat.WechatCardImages;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.BaseInfo;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.card.image.CardImage;
import io.wxcard.domain.card.image.WechatImageUrl;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WechatCardImages} must do: take a JPG or PNG and answer a URL WeChat's card API takes, so that a
 * card whose logo is that URL is created.
 */
public abstract class WechatCardImagesContract {

    /** 1x1 PNG. */
    public static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    /** The first bytes of a JPG (JFIF) are all WeChat's type check reads. */
    public static final byte[] JPG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
        1, 1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};

    protected abstract WechatContractSubject subject();

    protected abstract WechatCardImages images();

    @Test
    void answers_a_wechat_hosted_url_for_a_png_and_a_jpg() {
        for (byte[] picture : new byte[][] {PNG, JPG}) {
            String url = ok(images().upload(subject().account(), CardImage.of(picture).get()));

            assertThat(WechatImageUrl.problemWith(url)).as(url).isNull();
        }
    }

    @Test
    void a_card_whose_logo_and_background_were_uploaded_is_created() {
        String logo = ok(images().upload(subject().account(), CardImage.of(PNG).get()));
        String background = ok(images().upload(subject().account(), CardImage.of(JPG).get()));
        MemberCardDefinition d = Fixtures.definition();
        BaseInfo b = d.baseInfo();
        MemberCardDefinition uploaded = new MemberCardDefinition(new BaseInfo(logo, b.codeType(), b.brandName(),
                b.title(), b.color(), b.notice(), b.description(), b.servicePhone(), b.dateInfo(), b.skuQuantity(),
                b.getLimit(), b.useCustomCode(), b.canShare(), b.canGiveFriend(), b.locationIds(), b.useAllLocations(),
                b.centerButton(), b.customUrl(), b.promotionUrl()), io.vavr.control.Option.of(background),
                d.prerogative(), d.autoActivate(), d.wxActivate(), d.activateUrl(), d.supplyBonus(), d.bonusUrl(),
                d.supplyBalance(), d.balanceUrl(), d.customFields(), d.customCell1(), d.bonusRule(), d.discount(),
                d.bonusCleared(), d.bonusRules(), d.balanceRules());

        WechatCardId created = ok(subject().catalog().create(subject().account(), uploaded));

        assertThat(ok(subject().catalog().get(subject().account(), created)).status()).isEqualTo("CARD_STATUS_NOT_VERIFY");
    }
}
