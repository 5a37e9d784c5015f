package io.wxcard.adapter.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vavr.control.Option;
import io.wxcard.domain.card.ActivationForm;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.CardSnapshot;
import io.wxcard.domain.card.PayUpgrade;
import io.wxcard.domain.card.TestWhitelist;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import java.time.Instant;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** A card's snapshot to and from its row; the definition, form and whitelist travel as JSON documents. */
@Mapper(config = MappingConfig.class)
abstract class CardRowMapper {

    /**
     * Every points change reads its card, and parsing the definition's JSON cost more than the query. The definition
     * is an immutable value and the same text always parses to the same one, so the parsed definitions are kept by
     * their text: a changed card has another text and is parsed afresh.
     */
    private static final int DEFINITIONS_KEPT = 1_000;

    private final CardDocumentMapper documents = new CardDocumentMapperImpl();
    private final Cache<String, MemberCardDefinition> definitions = Caffeine.newBuilder()
            .maximumSize(DEFINITIONS_KEPT)
            .build();

    /** The row to store for a card, at the version it will have once stored. */
    @Mapping(target = "definitionJson", source = "card.definition")
    @Mapping(target = "activationFormJson", source = "card.activationForm")
    @Mapping(target = "testWhitelistJson", source = "card.testWhitelist")
    @Mapping(target = "payBrandId", expression = "java(payBrandId(card.payUpgrade()))")
    @Mapping(target = "payUpgradedAt", expression = "java(payUpgradedAt(card.payUpgrade()))")
    @Mapping(target = "version", source = "version")
    abstract CardRow toRow(CardSnapshot card, long version);

    @Mapping(target = "definition", source = "definitionJson")
    @Mapping(target = "activationForm", source = "activationFormJson")
    @Mapping(target = "testWhitelist", source = "testWhitelistJson")
    @Mapping(target = "payUpgrade", expression = "java(payUpgrade(row.payBrandId(), row.payUpgradedAt()))")
    abstract CardSnapshot toSnapshot(CardRow row);

    String payBrandId(Option<PayUpgrade> upgrade) {
        return upgrade.map(u -> u.brandId().value()).getOrNull();
    }

    Instant payUpgradedAt(Option<PayUpgrade> upgrade) {
        return upgrade.map(PayUpgrade::upgradedAt).getOrNull();
    }

    /** Both columns or neither: a brand without its time (or the reverse) is not an upgrade. */
    Option<PayUpgrade> payUpgrade(String brandId, Instant upgradedAt) {
        return brandId == null || upgradedAt == null ? Option.none()
                : Option.of(new PayUpgrade(new BrandId(brandId), upgradedAt));
    }

    String definitionJson(MemberCardDefinition definition) {
        return Json.write(documents.toDocument(definition));
    }

    MemberCardDefinition definition(String json) {
        return definitions.get(json, text -> documents.toDefinition(Json.read(text, CardDocuments.Definition.class)));
    }

    String activationFormJson(Option<ActivationForm> form) {
        return form.map(documents::toDocument).map(Json::write).getOrNull();
    }

    Option<ActivationForm> activationForm(String json) {
        return Option.of(json)
                .map(text -> documents.toActivationForm(Json.read(text, CardDocuments.ActivationForm.class)));
    }

    String testWhitelistJson(TestWhitelist whitelist) {
        return Json.write(documents.toDocument(whitelist));
    }

    TestWhitelist testWhitelist(String json) {
        return documents.toTestWhitelist(Json.read(json, CardDocuments.TestWhitelist.class));
    }
}
