package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.contract.wechat.WechatCardImagesContract;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.UploadCardImageUseCase.UploadCardImageCommand;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.definition.BaseInfo;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.card.image.WechatImageUrl;
import io.wxcard.domain.shared.RejectionCode;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CardImageServiceTest {

    private final Harness h = new Harness();

    @Test
    void an_uploaded_logo_is_accepted_in_a_draft_and_a_foreign_one_is_refused_naming_the_field_and_the_route() {
        WechatImageUrl logo = ok(h.app.uploadCardImage().upload(new UploadCardImageCommand(h.tenant,
                WechatCardImagesContract.PNG)));
        assertThat(h.whole.images.picture(logo.value())).isEqualTo(WechatCardImagesContract.PNG);

        ok(h.app.draftCard().draft(new DraftCardCommand(h.tenant, withLogo(logo.value()))));
        var foreign = h.app.draftCard().draft(new DraftCardCommand(h.tenant, withLogo("https://cdn.example.com/l.png")));

        assertThat(foreign.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class, rejected -> {
            assertThat(rejected.rejection().code()).isEqualTo(RejectionCode.CARD_DEFINITION_INVALID);
            assertThat(rejected.rejection().problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("member_card.base_info.logo_url");
                assertThat(p.message()).contains("POST /v1/images");
            });
        });
        assertThat(h.wechat.calls("card/create")).isZero();
    }

    @Test
    void a_picture_wechat_would_not_take_is_refused_before_any_upload() {
        var gif = h.app.uploadCardImage().upload(new UploadCardImageCommand(h.tenant, "GIF89a".getBytes()));

        assertThat(gif.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class, rejected ->
                assertThat(rejected.rejection().code()).isEqualTo(RejectionCode.IMAGE_INVALID));
    }

    @Test
    void an_upload_answered_on_a_host_the_card_api_refuses_is_a_failure_that_says_so() {
        h.whole.images.answerHost("mmecoa.qpic.cn");

        var answered = h.app.uploadCardImage().upload(new UploadCardImageCommand(h.tenant, WechatCardImagesContract.PNG));

        assertThat(answered.getLeft()).isInstanceOfSatisfying(Failure.WechatFailed.class, failed -> {
            assertThat(failed.error().code()).isEqualTo("40141");
            assertThat(failed.error().message()).contains("mmecoa.qpic.cn");
        });
    }

    @Test
    void an_unknown_tenant_is_not_found() {
        var unknown = h.app.uploadCardImage().upload(new UploadCardImageCommand(Fixtures.uniqueTenantId(),
                WechatCardImagesContract.PNG));

        assertThat(unknown.getLeft()).isInstanceOf(Failure.NotFound.class);
    }

    private static MemberCardDefinition withLogo(String url) {
        MemberCardDefinition d = Fixtures.definition();
        UnaryOperator<BaseInfo> logo = b -> new BaseInfo(url, b.codeType(), b.brandName(), b.title(), b.color(),
                b.notice(), b.description(), b.servicePhone(), b.dateInfo(), b.skuQuantity(), b.getLimit(),
                b.useCustomCode(), b.canShare(), b.canGiveFriend(), b.locationIds(), b.useAllLocations(),
                b.centerButton(), b.customUrl(), b.promotionUrl());
        return new MemberCardDefinition(logo.apply(d.baseInfo()), d.backgroundPicUrl(), d.prerogative(),
                d.autoActivate(), d.wxActivate(), d.activateUrl(), d.supplyBonus(), d.bonusUrl(), d.supplyBalance(),
                d.balanceUrl(), d.customFields(), d.customCell1(), d.bonusRule(), d.discount(), d.bonusCleared(),
                d.bonusRules(), d.balanceRules());
    }
}
