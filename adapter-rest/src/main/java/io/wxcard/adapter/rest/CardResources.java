package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vavr.control.Option;
import io.wxcard.adapter.rest.CardDefinitionJson.CardJson;
import io.wxcard.domain.card.ActivationForm;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardSnapshot;
import io.wxcard.domain.card.TestWhitelist;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.shared.RejectionCode;
import java.util.List;

/** What the API shows of a card, and the card settings it takes (test whitelist, activation form). */
final class CardResources {

    private CardResources() {}

    @Schema(description = "A card: its state on its way through WeChat's review, and its definition in WeChat's own JSON.")
    record CardResource(
            @Schema(description = "Our id of the card, assigned when it is drafted.") String id,
            @Schema(description = "DRAFT, UNDER_REVIEW, REJECTED, APPROVED, ISSUED or DELETED.") String state,
            @Schema(description = "WeChat's card_id, once the card was submitted.") String wechatCardId,
            @Schema(description = "PENDING while under review, PASSED once approved, REJECTED when refused; absent otherwise.") String reviewResult,
            @Schema(description = "WeChat's reason for the last refusal, if any.") String refusalReason,
            @Schema(description = "The stock: base_info.sku.quantity of the definition.") Long stock,
            TestWhitelistJson testWhitelist,
            @Schema(description = "The one-click activation form, once configured.") ActivationFormJson activationForm,
            @Schema(description = "The card's upgrade for WeChat Pay's member functions; absent: not upgraded.")
            PayUpgradeJson wechatPayUpgrade,
            @Schema(description = "Increases with every change.") long version,
            String createdAt,
            String updatedAt,
            @Schema(description = "The definition, exactly as WeChat's card/create takes it.") CardJson card) {}

    @Schema(description = "That the card is upgraded for WeChat Pay's member functions, under which brand and since when.")
    record PayUpgradeJson(String brandId, String upgradedAt) {}

    @Schema(description = "WeChat's card/testwhitelist/set body: the accounts that may receive the card before review passes.")
    record TestWhitelistJson(@Schema(description = "openids") List<String> openid, @Schema(description = "WeChat account names") List<String> username) {}

    @Schema(description = "WeChat's card/membercard/activateuserform/set body, without card_id.")
    record ActivationFormJson(NamedLinkJson serviceStatement, NamedLinkJson bindOldCard, FormSectionJson requiredForm,
                              FormSectionJson optionalForm) {}

    record NamedLinkJson(@Schema(requiredMode = REQUIRED) String name, @Schema(requiredMode = REQUIRED) String url) {}

    record FormSectionJson(Boolean canModify, List<String> commonFieldIdList, List<String> customFieldList,
                           List<RichFieldJson> richFieldList) {}

    record RichFieldJson(@Schema(description = "FORM_FIELD_RADIO, FORM_FIELD_SELECT or FORM_FIELD_CHECK_BOX.", requiredMode = REQUIRED) String type,
                         @Schema(requiredMode = REQUIRED) String name, @Schema(requiredMode = REQUIRED) List<String> values) {}

    // ---- domain -> JSON -----------------------------------------------------------------------------------------

    static CardResource of(Card card) {
        CardSnapshot s = card.snapshot();
        String review = switch (s.state()) {
            case UNDER_REVIEW -> "PENDING";
            case APPROVED, ISSUED -> "PASSED";
            case REJECTED -> "REJECTED";
            default -> null;
        };
        return new CardResource(s.id().value(), s.state().name(), s.wechatCardId().map(WechatCardId::value).getOrNull(),
                review, s.refusalReason().getOrNull(), s.definition().baseInfo().skuQuantity(),
                new TestWhitelistJson(s.testWhitelist().openids(), s.testWhitelist().usernames()),
                s.activationForm().map(CardResources::formJsonOf).getOrNull(),
                s.payUpgrade().map(u -> new PayUpgradeJson(u.brandId().value(), u.upgradedAt().toString())).getOrNull(),
                s.version(),
                s.createdAt().toString(), s.updatedAt().toString(),
                CardDefinitionJson.fromDomain(s.definition()).card());
    }

    private static ActivationFormJson formJsonOf(ActivationForm form) {
        return new ActivationFormJson(form.serviceStatement().map(l -> new NamedLinkJson(l.name(), l.url())).getOrNull(),
                form.bindOldCard().map(l -> new NamedLinkJson(l.name(), l.url())).getOrNull(),
                sectionJsonOf(form.required()), sectionJsonOf(form.optional()));
    }

    private static FormSectionJson sectionJsonOf(ActivationForm.Section section) {
        return new FormSectionJson(section.canModify(), section.commonFieldIds(), section.customFieldNames(),
                section.richFields().stream().map(r -> new RichFieldJson(r.type(), r.name(), r.values())).toList());
    }

    // ---- JSON -> domain -----------------------------------------------------------------------------------------

    static TestWhitelist whitelistOf(TestWhitelistJson json) {
        return new TestWhitelist(json.openid() == null ? List.of() : json.openid(),
                json.username() == null ? List.of() : json.username());
    }

    /** The form; a choice field without a type is answered 422 here, since the domain's rules cannot judge it. */
    static ActivationForm formOf(ActivationFormJson json) {
        Checks checks = new Checks();
        ActivationForm form = new ActivationForm(linkOf(json.serviceStatement()), linkOf(json.bindOldCard()),
                sectionOf("required_form", json.requiredForm(), checks),
                sectionOf("optional_form", json.optionalForm(), checks));
        if (!checks.isEmpty()) {
            form.problems().forEach(p -> checks.add(p.field(), p.message()));
            checks.answerIfAny(RejectionCode.CARD_DEFINITION_INVALID, "the activation form breaks WeChat's rules");
        }
        return form;
    }

    private static Option<ActivationForm.NamedLink> linkOf(NamedLinkJson json) {
        return Option.of(json).map(l -> new ActivationForm.NamedLink(l.name(), l.url()));
    }

    private static ActivationForm.Section sectionOf(String name, FormSectionJson json, Checks checks) {
        if (json == null) {
            return null;
        }
        List<RichFieldJson> rich = json.richFieldList() == null ? List.of() : json.richFieldList();
        for (int i = 0; i < rich.size(); i++) {
            checks.required(name + ".rich_field_list[" + i + "].type", rich.get(i).type());
        }
        return new ActivationForm.Section(Boolean.TRUE.equals(json.canModify()),
                json.commonFieldIdList() == null ? List.of() : json.commonFieldIdList(),
                json.customFieldList() == null ? List.of() : json.customFieldList(),
                rich.stream().map(r -> new ActivationForm.RichField(r.type() == null ? "" : r.type(), r.name(),
                        r.values() == null ? List.of() : r.values())).toList());
    }
}
