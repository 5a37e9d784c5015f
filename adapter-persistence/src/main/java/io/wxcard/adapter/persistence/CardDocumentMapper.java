package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.domain.card.ActivationForm;
import io.wxcard.domain.card.TestWhitelist;
import io.wxcard.domain.card.definition.BaseInfo;
import io.wxcard.domain.card.definition.BonusRule;
import io.wxcard.domain.card.definition.CustomCell;
import io.wxcard.domain.card.definition.Link;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** A card's domain parts to and from their JSON documents ({@link CardDocuments}). */
@Mapper(config = MappingConfig.class)
interface CardDocumentMapper {

    // ---- to the documents -----------------------------------------------------------------------------------------

    CardDocuments.Definition toDocument(MemberCardDefinition definition);

    @Mapping(target = "limitPerMember", source = "getLimit")
    CardDocuments.BaseInfo toDocument(BaseInfo baseInfo);

    CardDocuments.Link toDocument(Link link);

    CardDocuments.CustomCell toDocument(CustomCell cell);

    CardDocuments.BonusRule toDocument(BonusRule rule);

    CardDocuments.ActivationForm toDocument(ActivationForm form);

    CardDocuments.NamedLink toDocument(ActivationForm.NamedLink link);

    CardDocuments.TestWhitelist toDocument(TestWhitelist whitelist);

    default CardDocuments.Link optionalLink(Option<Link> link) {
        return link.map(this::toDocument).getOrNull();
    }

    default CardDocuments.CustomCell optionalCell(Option<CustomCell> cell) {
        return cell.map(this::toDocument).getOrNull();
    }

    default CardDocuments.BonusRule optionalRule(Option<BonusRule> rule) {
        return rule.map(this::toDocument).getOrNull();
    }

    default CardDocuments.NamedLink optionalNamedLink(Option<ActivationForm.NamedLink> link) {
        return link.map(this::toDocument).getOrNull();
    }

    // ---- from the documents ---------------------------------------------------------------------------------------

    MemberCardDefinition toDefinition(CardDocuments.Definition document);

    @Mapping(target = "getLimit", source = "limitPerMember")
    BaseInfo toBaseInfo(CardDocuments.BaseInfo document);

    Link toLink(CardDocuments.Link document);

    CustomCell toCell(CardDocuments.CustomCell document);

    BonusRule toRule(CardDocuments.BonusRule document);

    ActivationForm toActivationForm(CardDocuments.ActivationForm document);

    ActivationForm.NamedLink toNamedLink(CardDocuments.NamedLink document);

    TestWhitelist toTestWhitelist(CardDocuments.TestWhitelist document);

    default Option<Link> optionalLink(CardDocuments.Link document) {
        return Option.of(document).map(this::toLink);
    }

    default Option<CustomCell> optionalCell(CardDocuments.CustomCell document) {
        return Option.of(document).map(this::toCell);
    }

    default Option<BonusRule> optionalRule(CardDocuments.BonusRule document) {
        return Option.of(document).map(this::toRule);
    }

    default Option<ActivationForm.NamedLink> optionalNamedLink(CardDocuments.NamedLink document) {
        return Option.of(document).map(this::toNamedLink);
    }
}
