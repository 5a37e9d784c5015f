package io.wxcard.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.definition.CardDefinitionRules;
import org.junit.jupiter.api.Test;

class CardFormTest {

    private static CardForm form(String title, String logoUrl, String quantity) {
        return new CardForm("茶馆", title, "Color010", logoUrl, "结账时出示", "每消费一元积一分", "九折", "CODE_TYPE_QRCODE",
                CardForm.AUTO, "", true, false, quantity);
    }

    @Test
    void a_card_the_rules_accept_has_no_problems() {
        assertThat(form("黄金会员卡", "https://mmbiz.qpic.cn/logo.png", "1000").problems(Option.none(),
                Messages.forLanguage("zh"))).isEmpty();
    }

    @Test
    void the_domains_problems_land_beside_the_field_they_name_in_the_operators_language() {
        CardForm form = form("黄金会员卡超级尊享版本", "https://example.com/logo.png", "lots");

        var chinese = form.problems(Option.none(), Messages.forLanguage("zh"));
        var english = form.problems(Option.none(), Messages.forLanguage("en"));

        assertThat(chinese.get("title")).isEqualTo("最多 9 个字,现在 11 个字");
        assertThat(chinese.get("quantity")).startsWith("请填写整数");
        assertThat(chinese.get("logo_url")).contains("微信").doesNotContain("must");
        assertThat(english.get("title")).isEqualTo("At most 9 characters; this has 11.");
        assertThat(english.get("quantity")).contains("whole number");
    }

    @Test
    void maps_wechat_field_names_to_form_fields() {
        assertThat(CardForm.fieldOf("member_card.base_info.title")).isEqualTo("title");
        assertThat(CardForm.fieldOf("member_card.base_info.sku.quantity")).isEqualTo("quantity");
        assertThat(CardForm.fieldOf("member_card.auto_activate")).isEqualTo("activation");
        assertThat(CardForm.fieldOf("member_card.prerogative")).isEqualTo("prerogative");
    }

    @Test
    void editing_keeps_what_the_form_does_not_show() {
        var full = Fixtures.fullDefinition();

        var edited = CardForm.of(full).definition(Option.of(full));

        assertThat(edited).isEqualTo(full);
        assertThat(CardDefinitionRules.problemsOf(edited)).isEmpty();
    }

    @Test
    void only_a_plain_url_goes_into_the_logo_style() {
        assertThat(form("t", "https://mmbiz.qpic.cn/logo.png", "1").logoStyle())
                .isEqualTo("background-image:url('https://mmbiz.qpic.cn/logo.png')");
        assertThat(form("t", "https://x/');background:url(javascript:1", "1").logoStyle()).isEmpty();
    }

    @Test
    void every_palette_colour_is_known_to_the_rules() {
        assertThat(Palette.COLOURS.keySet()).containsExactlyInAnyOrderElementsOf(CardDefinitionRules.PALETTE);
    }
}
