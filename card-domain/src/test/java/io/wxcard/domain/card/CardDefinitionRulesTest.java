package io.wxcard.domain.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.domain.card.definition.BaseInfo;
import io.wxcard.domain.card.definition.CardDefinitionRules;
import io.wxcard.domain.card.definition.CustomField;
import io.wxcard.domain.card.definition.DateInfo;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.RuleBreach;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardDefinitionRulesTest {

    private static List<String> fieldsWithProblems(MemberCardDefinition definition) {
        return CardDefinitionRules.problemsOf(definition).stream().map(Problem::field).toList();
    }

    private static BaseInfo base(UnaryOperator<String[]> texts) {
        BaseInfo b = Definitions.baseInfo();
        String[] t = texts.apply(new String[] {b.brandName(), b.title(), b.notice(), b.description(), b.color(), b.codeType()});
        return new BaseInfo(b.logoUrl(), t[5], t[0], t[1], t[4], t[2], t[3], b.servicePhone(), b.dateInfo(),
                b.skuQuantity(), b.getLimit(), b.useCustomCode(), b.canShare(), b.canGiveFriend(), b.locationIds(),
                b.useAllLocations(), b.centerButton(), b.customUrl(), b.promotionUrl());
    }

    @Test
    void a_valid_definition_has_no_problems() {
        assertThat(CardDefinitionRules.problemsOf(Definitions.valid())).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} characters allowed")
    @CsvSource({"title,9", "brand_name,12", "notice,16", "description,1024"})
    void counts_wechats_length_limits_in_characters_not_bytes(String field, int limit) {
        int index = List.of("brand_name", "title", "notice", "description").indexOf(field);
        MemberCardDefinition atLimit = Definitions.withBase(b -> base(t -> {
            t[index] = "会".repeat(limit);
            return t;
        }));
        MemberCardDefinition overLimit = Definitions.withBase(b -> base(t -> {
            t[index] = "会".repeat(limit + 1);
            return t;
        }));

        assertThat(fieldsWithProblems(atLimit)).isEmpty();
        assertThat(fieldsWithProblems(overLimit)).containsExactly("member_card.base_info." + field);
        assertThat(CardDefinitionRules.problemsOf(overLimit).get(0).message()).contains(Integer.toString(limit));
    }

    @Test
    void names_each_problems_rule_with_its_figures_under_a_stable_key_beside_the_english_message() {
        MemberCardDefinition definition = Definitions.withBase(b -> base(t -> {
            t[1] = "会".repeat(12);
            t[4] = "#FF0000";
            t[0] = " ";
            return t;
        }));

        List<RuleBreach> breaches = CardDefinitionRules.breachesOf(definition);

        assertThat(breaches).extracting(RuleBreach::key).containsExactlyInAnyOrder(
                "member_card.base_info.title.too_long", "member_card.base_info.color.not_one_of",
                "member_card.base_info.brand_name.required");
        assertThat(breaches).filteredOn(b -> b.rule().equals("too_long")).singleElement()
                .satisfies(b -> assertThat(b.arguments()).containsExactly("9", "12"));
        assertThat(breaches).extracting(RuleBreach::problem)
                .containsExactlyElementsOf(CardDefinitionRules.problemsOf(definition));
    }

    @Test
    void refuses_a_colour_outside_wechats_palette_and_an_unknown_code_type() {
        MemberCardDefinition definition = Definitions.withBase(b -> base(t -> {
            t[4] = "#FF0000";
            t[5] = "CODE_TYPE_HOLOGRAM";
            return t;
        }));

        assertThat(fieldsWithProblems(definition)).containsExactlyInAnyOrder(
                "member_card.base_info.color", "member_card.base_info.code_type");
    }

    @Test
    void lists_every_missing_required_field_at_once() {
        BaseInfo empty = new BaseInfo(null, null, null, null, null, null, null, null, null, null, null, false, false,
                false, null, false, null, null, null);
        MemberCardDefinition definition = new MemberCardDefinition(empty, null, null, false, false, null, false, null,
                false, null, null, null, null, null, null, null, null);

        assertThat(fieldsWithProblems(definition)).containsExactlyInAnyOrder(
                "member_card.base_info.logo_url", "member_card.base_info.code_type", "member_card.base_info.brand_name",
                "member_card.base_info.title", "member_card.base_info.color", "member_card.base_info.notice",
                "member_card.base_info.description", "member_card.base_info.date_info",
                "member_card.base_info.sku.quantity", "member_card.prerogative", "member_card.auto_activate");
    }

    @Test
    void requires_exactly_one_activation_mode() {
        assertThat(fieldsWithProblems(Definitions.activatedBy(false, false, Option.none())))
                .containsExactly("member_card.auto_activate");
        assertThat(fieldsWithProblems(Definitions.activatedBy(true, true, Option.none())))
                .containsExactly("member_card.auto_activate");
        assertThat(fieldsWithProblems(Definitions.activatedBy(false, true, Option.of("https://shop.example.com/a"))))
                .containsExactly("member_card.auto_activate");
        assertThat(fieldsWithProblems(Definitions.activatedBy(false, false, Option.of("ftp://shop.example.com/a"))))
                .containsExactly("member_card.activate_url");
        assertThat(fieldsWithProblems(Definitions.activatedBy(false, false, Option.of("https://shop.example.com/a")))).isEmpty();
    }

    @Test
    void allows_at_most_three_custom_fields_each_named_one_way() {
        CustomField level = new CustomField(Option.of("FIELD_NAME_TYPE_LEVEL"), Option.none(), Option.none());
        CustomField both = new CustomField(Option.of("FIELD_NAME_TYPE_COUPON"), Option.of("券"), Option.none());
        MemberCardDefinition four = withCustomFields(List.of(level, level, level, level));
        MemberCardDefinition ambiguous = withCustomFields(List.of(level, both));

        assertThat(fieldsWithProblems(four)).containsExactly("member_card.custom_field4");
        assertThat(fieldsWithProblems(ambiguous)).containsExactly("member_card.custom_field2");
        assertThat(fieldsWithProblems(withCustomFields(List.of(level, level, level)))).isEmpty();
    }

    private static MemberCardDefinition withCustomFields(List<CustomField> fields) {
        MemberCardDefinition v = Definitions.valid();
        return new MemberCardDefinition(v.baseInfo(), v.backgroundPicUrl(), v.prerogative(), v.autoActivate(),
                v.wxActivate(), v.activateUrl(), v.supplyBonus(), v.bonusUrl(), v.supplyBalance(), v.balanceUrl(),
                fields, v.customCell1(), v.bonusRule(), v.discount(), v.bonusCleared(), v.bonusRules(), v.balanceRules());
    }

    @Test
    void checks_the_validity_period() {
        assertThat(fieldsWithProblems(withDates(new DateInfo(DateInfo.FIX_TIME_RANGE, Option.of(200L), Option.of(100L),
                Option.none(), Option.none())))).containsExactly("member_card.base_info.date_info.end_timestamp");
        assertThat(fieldsWithProblems(withDates(new DateInfo(DateInfo.FIX_TIME_RANGE, Option.none(), Option.none(),
                Option.none(), Option.none())))).containsExactly("member_card.base_info.date_info.begin_timestamp",
                "member_card.base_info.date_info.end_timestamp");
        assertThat(fieldsWithProblems(withDates(new DateInfo(DateInfo.FIX_TERM, Option.none(), Option.none(),
                Option.of(0), Option.none())))).containsExactly("member_card.base_info.date_info.fixed_term");
        assertThat(fieldsWithProblems(withDates(new DateInfo("DATE_TYPE_FOREVER", Option.none(), Option.none(),
                Option.none(), Option.none())))).containsExactly("member_card.base_info.date_info.type");
        assertThat(fieldsWithProblems(withDates(new DateInfo(DateInfo.FIX_TERM, Option.none(), Option.none(),
                Option.of(30), Option.of(0))))).isEmpty();
    }

    private static MemberCardDefinition withDates(DateInfo dates) {
        return Definitions.withBase(b -> new BaseInfo(b.logoUrl(), b.codeType(), b.brandName(), b.title(), b.color(),
                b.notice(), b.description(), b.servicePhone(), dates, b.skuQuantity(), b.getLimit(), b.useCustomCode(),
                b.canShare(), b.canGiveFriend(), b.locationIds(), b.useAllLocations(), b.centerButton(), b.customUrl(),
                b.promotionUrl()));
    }

    @Test
    void checks_stock_and_get_limit() {
        MemberCardDefinition tooMuch = Definitions.withBase(b -> new BaseInfo(b.logoUrl(), b.codeType(), b.brandName(),
                b.title(), b.color(), b.notice(), b.description(), b.servicePhone(), b.dateInfo(), 100_000_001L,
                Option.of(0), b.useCustomCode(), b.canShare(), b.canGiveFriend(), b.locationIds(), b.useAllLocations(),
                b.centerButton(), b.customUrl(), b.promotionUrl()));

        assertThat(fieldsWithProblems(tooMuch)).containsExactlyInAnyOrder(
                "member_card.base_info.sku.quantity", "member_card.base_info.get_limit");
    }
}
