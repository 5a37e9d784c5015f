package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.image.WechatImageUrl;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.loyalty.DemotionPeriod;
import io.wxcard.domain.loyalty.LevelEntry;
import io.wxcard.domain.loyalty.LevelName;
import io.wxcard.domain.loyalty.LevelScheme;
import io.wxcard.domain.loyalty.LoyaltyProgram;
import io.wxcard.domain.loyalty.MemberLevel;
import io.wxcard.domain.loyalty.NoticeSettings;
import io.wxcard.domain.loyalty.PointsExpiry;
import io.wxcard.domain.loyalty.PointsRule;
import io.wxcard.domain.loyalty.TemplateNotice;
import io.wxcard.domain.membership.CustomFieldValue;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * The shape a card's loyalty set-up takes in {@code loyalty_programs.document_json}: plain records with {@code null}
 * for none, and the two ways between them and the domain. Mapped by hand, not by MapStruct: a level's entry is a sealed
 * type, which becomes the {@code entry} name and its thresholds. Renaming a component changes what is stored.
 */
final class LoyaltyDocuments {

    private LoyaltyDocuments() {}

    /** Instants are ISO-8601 text (the documents' mapper has no java.time module). */
    record Program(List<Level> levels, Demotion demotion, Rule pointsRule, Notices notices, String lastReview) {}

    /** {@code entry}: BASE, THRESHOLD (with points and/or lifetime spend) or SET_BY_MERCHANT. */
    record Level(String name, String entry, Long points, Long lifetimeSpendFen, String cardFace, String fieldText) {}

    record Demotion(int months, String firstEnd) {}

    record Rule(long spendUnitFen, long pointsPerUnit, Long maxPerPurchase, Integer expiryDays) {}

    record Notices(boolean notifyPoints, boolean notifyBalance, boolean notifyLevel, Template onPoints,
                   Template onBalance, Template afterPurchase) {}

    record Template(String templateId, String marketingLine, String link) {}

    static Program of(LoyaltyProgram p) {
        return new Program(
                p.levels().map(scheme -> scheme.levels().stream().map(LoyaltyDocuments::of).toList()).getOrNull(),
                p.levels().flatMap(LevelScheme::demotion).map(d -> new Demotion(d.months(), d.firstEnd().toString())).getOrNull(),
                p.pointsRule().map(r -> new Rule(r.spendUnit().value(), r.pointsPerUnit(),
                        r.maxPerPurchase().map(Points::value).getOrNull(),
                        r.expiry().map(PointsExpiry::days).getOrNull())).getOrNull(),
                new Notices(p.notices().notifyPoints(), p.notices().notifyBalance(), p.notices().notifyLevel(),
                        of(p.notices().onPoints()), of(p.notices().onBalance()), of(p.notices().afterPurchase())),
                p.lastReview().map(Instant::toString).getOrNull());
    }

    private static Level of(MemberLevel level) {
        LevelEntry entry = level.entry();
        String kind = entry instanceof LevelEntry.Base ? "BASE"
                : entry instanceof LevelEntry.SetByMerchant ? "SET_BY_MERCHANT" : "THRESHOLD";
        Option<LevelEntry.Threshold> threshold = entry instanceof LevelEntry.Threshold t ? Option.of(t) : Option.none();
        return new Level(level.name().value(), kind,
                threshold.flatMap(LevelEntry.Threshold::points).map(Points::value).getOrNull(),
                threshold.flatMap(LevelEntry.Threshold::lifetimeSpend).map(Fen::value).getOrNull(),
                level.cardFace().map(WechatImageUrl::value).getOrNull(), level.fieldText().value());
    }

    private static Template of(Option<TemplateNotice> notice) {
        return notice.map(n -> new Template(n.templateId(), n.marketingLine(), n.link().getOrNull())).getOrNull();
    }

    /** Rebuilds a stored set-up; its parts passed their checks when they were set, so they are reconstituted. */
    static LoyaltyProgram toProgram(TenantId tenantId, CardId cardId, Program d) {
        Option<LevelScheme> levels = Option.of(d.levels()).map(list -> LevelScheme.reconstitute(
                list.stream().map(LoyaltyDocuments::toLevel).toList(),
                Option.of(d.demotion()).map(x -> new DemotionPeriod(x.months(), Instant.parse(x.firstEnd())))));
        Option<PointsRule> rule = Option.of(d.pointsRule()).map(r -> new PointsRule(Fen.of(r.spendUnitFen()),
                r.pointsPerUnit(), Option.of(r.maxPerPurchase()).map(Points::of),
                Option.of(r.expiryDays()).map(PointsExpiry::new)));
        Notices n = d.notices();
        NoticeSettings notices = new NoticeSettings(n.notifyPoints(), n.notifyBalance(), n.notifyLevel(),
                toTemplate(n.onPoints()), toTemplate(n.onBalance()), toTemplate(n.afterPurchase()));
        return new LoyaltyProgram(tenantId, cardId, levels, rule, notices, Option.of(d.lastReview()).map(Instant::parse));
    }

    private static MemberLevel toLevel(Level l) {
        LevelEntry entry = switch (l.entry()) {
            case "BASE" -> new LevelEntry.Base();
            case "SET_BY_MERCHANT" -> new LevelEntry.SetByMerchant();
            default -> new LevelEntry.Threshold(Option.of(l.points()).map(Points::of),
                    Option.of(l.lifetimeSpendFen()).map(Fen::of));
        };
        return new MemberLevel(new LevelName(l.name()), entry, Option.of(l.cardFace()).map(WechatImageUrl::new),
                new CustomFieldValue(l.fieldText()));
    }

    private static Option<TemplateNotice> toTemplate(Template t) {
        return Option.of(t).map(x -> new TemplateNotice(x.templateId(), x.marketingLine(), Option.of(x.link())));
    }
}
