package io.wxcard.application.testing;

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

/** A tea house's loyalty set-up: three levels with their faces, 1 point per yuan, a template on every change. */
public final class LoyaltyFixtures {

    public static final WechatImageUrl SILVER_FACE = new WechatImageUrl("https://mmbiz.qpic.cn/mmbiz_png/silver/0");
    public static final WechatImageUrl GOLD_FACE = new WechatImageUrl("https://mmbiz.qpic.cn/mmbiz_png/gold/0");

    private LoyaltyFixtures() {}

    public static MemberLevel level(String name, LevelEntry entry, Option<WechatImageUrl> face) {
        return new MemberLevel(new LevelName(name), entry, face, new CustomFieldValue(name));
    }

    /** 普通 for everyone, 银卡 from 100 points, 金卡 from 500 points or 1000 yuan spent, 员工 set by hand. */
    public static LevelScheme levels(Option<DemotionPeriod> demotion) {
        return LevelScheme.of(List.of(level("普通", new LevelEntry.Base(), Option.none()),
                level("银卡", new LevelEntry.Threshold(Option.of(Points.of(100)), Option.none()), Option.of(SILVER_FACE)),
                level("金卡", new LevelEntry.Threshold(Option.of(Points.of(500)), Option.of(Fen.of(100_000))),
                        Option.of(GOLD_FACE)),
                level("员工", new LevelEntry.SetByMerchant(), Option.none())), demotion).get();
    }

    public static PointsRule onePointPerYuan(Option<PointsExpiry> expiry) {
        return PointsRule.of(Fen.of(100), 1, Option.of(Points.of(10_000)), expiry).get();
    }

    public static NoticeSettings everyNotice() {
        return new NoticeSettings(true, false, true,
                Option.of(new TemplateNotice("tpl-points", "本周会员日积分翻倍", Option.of("https://tea.example.com/points"))),
                Option.of(new TemplateNotice("tpl-balance", "充值满100送10", Option.none())),
                Option.of(new TemplateNotice("tpl-paid", "下次到店送一杯茶", Option.of("https://tea.example.com/menu"))));
    }

    public static LoyaltyProgram fullProgram(TenantId tenantId, CardId cardId) {
        return LoyaltyProgram.none(tenantId, cardId)
                .withLevels(levels(Option.of(new DemotionPeriod(3, Instant.parse("2026-01-01T00:00:00Z")))))
                .withPointsRule(onePointPerYuan(Option.of(new PointsExpiry(365))))
                .withNotices(everyNotice())
                .reviewedAt(Instant.parse("2026-10-01T00:00:00Z"));
    }
}
