package io.wxcard.adapter.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vavr.control.Option;
import io.wxcard.domain.card.image.WechatImageUrl;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.loyalty.LevelChange;
import io.wxcard.domain.loyalty.LevelEntry;
import io.wxcard.domain.loyalty.LevelName;
import io.wxcard.domain.loyalty.LoyaltyProgram;
import io.wxcard.domain.loyalty.MemberLevel;
import io.wxcard.domain.loyalty.MemberStanding;
import io.wxcard.domain.loyalty.NoticeSettings;
import io.wxcard.domain.loyalty.PointsExpiry;
import io.wxcard.domain.loyalty.PointsRule;
import io.wxcard.domain.loyalty.TemplateNotice;
import java.util.List;

/** The JSON of the loyalty routes (issue 17): requests as sent, resources as answered. */
final class LoyaltyResources {

    private LoyaltyResources() {}

    @Schema(description = "A card's levels, lowest first; the first is the base every member holds.")
    record LevelsRequest(List<LevelRequest> levels, DemotionRequest demotion) {}

    record LevelRequest(
            @Schema(description = "The level's name, unique within the card (普通, 银卡, 金卡).") String name,
            @Schema(description = "BASE (the first level only), THRESHOLD or SET_BY_MERCHANT.") String entry,
            @Schema(description = "THRESHOLD: reached with at least these points.") Long points,
            @Schema(description = "THRESHOLD: reached with at least this lifetime spend, in fen.") Long lifetimeSpendFen,
            @Schema(description = "The level's card face: a background uploaded through POST /v1/images.") String cardFaceUrl,
            @Schema(description = "What custom_field1 (等级) shows: at most 4 Chinese or 12 Latin characters.") String fieldText) {}

    @Schema(description = "Members move down only at a period's end: every `months` months from `first_end`.")
    record DemotionRequest(Integer months, @Schema(description = "An ISO-8601 instant, e.g. 2027-01-01T00:00:00Z.") String firstEnd) {}

    record PointsRuleRequest(
            @Schema(description = "The spend that earns points, in fen (WeChat's cost_money_unit).") Long spendUnitFen,
            @Schema(description = "Points per whole spend unit, rounded down (increase_bonus); at least 1.") Long pointsPerUnit,
            @Schema(description = "At most this many points per purchase (max_increase_bonus).") Long maxPointsPerPurchase,
            @Schema(description = "Points expire this many days after they were earned; none: never.") Integer expiryDays) {}

    record NoticesRequest(Boolean notifyPoints, Boolean notifyBalance, Boolean notifyLevel, TemplateRequest onPoints,
                          TemplateRequest onBalance, TemplateRequest afterPurchase) {}

    record TemplateRequest(
            @Schema(description = "One of the account's template ids.") String templateId,
            @Schema(description = "The marketing line the message carries (remark).") String marketingLine,
            @Schema(description = "The page the message opens.") String link) {}

    record PurchaseRequest(@Schema(description = "What the member paid, in fen; more than 0.") Long amountFen) {}

    record SetLevelRequest(String level, String reason) {}

    @Schema(description = "A card's loyalty set-up.")
    record LoyaltyResource(List<LevelRequest> levels, DemotionRequest demotion, PointsRuleRequest pointsRule,
                           String rounding, NoticesRequest notices) {}

    record LevelChangeResource(String from, String to, String direction, String cause, String at) {}

    record StandingResource(String level, long lifetimeSpendFen, String since,
                            List<LevelChangeResource> history) {}

    record PurchaseResource(long amountFen, long pointsEarned, Long ledgerSequence, String promotedTo) {}

    record CountResource(int members) {}

    static LoyaltyResource of(LoyaltyProgram p) {
        return new LoyaltyResource(
                p.levels().map(s -> s.levels().stream().map(LoyaltyResources::of).toList()).getOrNull(),
                p.levels().flatMap(s -> s.demotion()).map(d -> new DemotionRequest(d.months(), d.firstEnd().toString())).getOrNull(),
                p.pointsRule().map(LoyaltyResources::of).getOrNull(),
                p.pointsRule().map(r -> PointsRule.ROUNDING).getOrNull(),
                of(p.notices()));
    }

    private static LevelRequest of(MemberLevel level) {
        LevelEntry e = level.entry();
        Option<LevelEntry.Threshold> t = e instanceof LevelEntry.Threshold threshold ? Option.of(threshold) : Option.none();
        return new LevelRequest(level.name().value(), e instanceof LevelEntry.Base ? "BASE"
                : e instanceof LevelEntry.SetByMerchant ? "SET_BY_MERCHANT" : "THRESHOLD",
                t.flatMap(LevelEntry.Threshold::points).map(Points::value).getOrNull(),
                t.flatMap(LevelEntry.Threshold::lifetimeSpend).map(Fen::value).getOrNull(),
                level.cardFace().map(WechatImageUrl::value).getOrNull(), level.fieldText().value());
    }

    private static PointsRuleRequest of(PointsRule r) {
        return new PointsRuleRequest(r.spendUnit().value(), r.pointsPerUnit(),
                r.maxPerPurchase().map(Points::value).getOrNull(), r.expiry().map(PointsExpiry::days).getOrNull());
    }

    private static NoticesRequest of(NoticeSettings n) {
        return new NoticesRequest(n.notifyPoints(), n.notifyBalance(), n.notifyLevel(), of(n.onPoints()),
                of(n.onBalance()), of(n.afterPurchase()));
    }

    private static TemplateRequest of(Option<TemplateNotice> t) {
        return t.map(x -> new TemplateRequest(x.templateId(), x.marketingLine(), x.link().getOrNull())).getOrNull();
    }

    static StandingResource of(MemberStanding s, List<LevelChange> history) {
        return new StandingResource(s.level().map(LevelName::value).getOrNull(), s.lifetimeSpend().value(), s.since().toString(),
                history.stream().map(LoyaltyResources::of).toList());
    }

    static LevelChangeResource of(LevelChange c) {
        return new LevelChangeResource(c.from().map(LevelName::value).getOrNull(), c.to().value(),
                c.direction().name(), c.cause(), c.at().toString());
    }
}
