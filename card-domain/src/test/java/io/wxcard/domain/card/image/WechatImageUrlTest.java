package io.wxcard.domain.card.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.wxcard.domain.card.Definitions;
import io.wxcard.domain.card.definition.BaseInfo;
import io.wxcard.domain.card.definition.CardDefinitionRules;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.shared.Problem;
import org.junit.jupiter.api.Test;

class WechatImageUrlTest {

    @Test
    void takes_the_urls_uploadimg_answers_over_http_and_https() {
        assertThat(WechatImageUrl.of("f", "http://mmbiz.qpic.cn/mmbiz/iaL1LJM1mF9aRKPZJkm/0").isRight()).isTrue();
        assertThat(WechatImageUrl.of("f", "https://MMBIZ.qpic.cn/mmbiz_png/abc/0?wx_fmt=png").isRight()).isTrue();
        assertThat(WechatImageUrl.of("f", "http://mmbiz.qpic.cn:80/mmbiz_jpg/abc/0").isRight()).isTrue();
    }

    @Test
    void refuses_other_hosts_naming_the_field_and_the_upload_route() {
        Problem problem = WechatImageUrl.of("member_card.base_info.logo_url", "https://cdn.example.com/logo.png").getLeft();

        assertThat(problem.field()).isEqualTo("member_card.base_info.logo_url");
        assertThat(problem.message()).contains("cdn.example.com", "40141", "POST /v1/images");
    }

    @Test
    void refuses_look_alike_hosts_user_info_tricks_and_non_http_urls() {
        assertThat(WechatImageUrl.problemWith("https://mmbiz.qpic.cn.evil.example/x.png")).contains("not mmbiz.qpic.cn.evil.example");
        assertThat(WechatImageUrl.problemWith("https://mmecoa.qpic.cn/sz_mmecoa_jpg/x/0")).contains("40141");
        assertThat(WechatImageUrl.problemWith("https://mmbiz.qpic.cn@evil.example/x.png")).contains("POST /v1/images");
        assertThat(WechatImageUrl.problemWith("ftp://mmbiz.qpic.cn/x.png")).contains("http(s)");
        assertThat(WechatImageUrl.problemWith(" ")).isEqualTo("is required");
        assertThat(WechatImageUrl.problemWith("https://mmbiz.qpic.cn/" + "x".repeat(120))).contains("at most 128");
        assertThatThrownBy(() -> new WechatImageUrl("https://example.com/a.png")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_card_whose_logo_or_background_is_not_on_wechat_breaks_the_rules_on_those_fields() {
        MemberCardDefinition valid = Definitions.valid();
        BaseInfo b = valid.baseInfo();
        BaseInfo foreignLogo = new BaseInfo("https://cdn.example.com/logo.png", b.codeType(), b.brandName(), b.title(),
                b.color(), b.notice(), b.description(), b.servicePhone(), b.dateInfo(), b.skuQuantity(), b.getLimit(),
                b.useCustomCode(), b.canShare(), b.canGiveFriend(), b.locationIds(), b.useAllLocations(),
                b.centerButton(), b.customUrl(), b.promotionUrl());
        MemberCardDefinition foreign = new MemberCardDefinition(foreignLogo, Option.of("https://cdn.example.com/bg.png"),
                valid.prerogative(), valid.autoActivate(), valid.wxActivate(), valid.activateUrl(), valid.supplyBonus(),
                valid.bonusUrl(), valid.supplyBalance(), valid.balanceUrl(), valid.customFields(), valid.customCell1(),
                valid.bonusRule(), valid.discount(), valid.bonusCleared(), valid.bonusRules(), valid.balanceRules());

        assertThat(CardDefinitionRules.problemsOf(foreign)).extracting(Problem::field)
                .containsExactlyInAnyOrder("member_card.base_info.logo_url", "member_card.background_pic_url");
        assertThat(CardDefinitionRules.problemsOf(foreign)).allSatisfy(p -> assertThat(p.message()).contains("POST /v1/images"));
        assertThat(CardDefinitionRules.problemsOf(valid)).isEmpty();
    }
}
