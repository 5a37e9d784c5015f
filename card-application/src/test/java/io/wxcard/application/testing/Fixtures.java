package io.wxcard.application.testing;

import io.vavr.control.Option;
import io.wxcard.domain.card.ActivationForm;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.definition.BaseInfo;
import io.wxcard.domain.card.definition.BonusRule;
import io.wxcard.domain.card.definition.CustomCell;
import io.wxcard.domain.card.definition.CustomField;
import io.wxcard.domain.card.definition.DateInfo;
import io.wxcard.domain.card.definition.Link;
import io.wxcard.domain.card.definition.JumpActivation;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sample data that passes every rule, for tests across modules. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-11-23T08:00:00.123Z");

    private Fixtures() {}

    /** A tenant id no other test uses, so tests sharing a database do not see each other's rows. */
    public static TenantId uniqueTenantId() {
        return new TenantId("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    /** The smallest definition WeChat accepts: auto-activating, with points and stored value. */
    public static MemberCardDefinition definition() {
        return definition("Gold Card", true, false, Option.none());
    }

    public static MemberCardDefinition definition(String title, boolean autoActivate, boolean wxActivate,
                                                  Option<String> activateUrl) {
        BaseInfo base = new BaseInfo("https://mmbiz.qpic.cn/logo.png", "CODE_TYPE_QRCODE", "Tea House", title,
                "Color010", "Show at the till", "Earn points with every cup.", Option.none(),
                DateInfo.permanent(), 1000L, Option.none(), false, true, false, List.of(), true, Option.none(),
                Option.none(), Option.none());
        return new MemberCardDefinition(base, Option.none(), "10% off every drink", autoActivate, wxActivate,
                activateUrl, true, Option.none(), true, Option.none(), List.of(), Option.none(), Option.none(),
                Option.none(), Option.none(), Option.none(), Option.none());
    }

    public static MemberCardDefinition definitionActivatedBy(ActivationMode mode) {
        return switch (mode) {
            case AUTO -> definition("Gold Card", true, false, Option.none());
            case ONE_CLICK_FORM -> definition("Gold Card", false, true, Option.none());
            case MERCHANT_PAGE -> definition("Gold Card", false, false, Option.of("https://shop.example.com/activate"));
        };
    }

    /** A definition with every optional field set, to prove stores and mappers lose nothing. */
    public static MemberCardDefinition fullDefinition() {
        BaseInfo base = new BaseInfo("https://mmbiz.qpic.cn/logo.png", "CODE_TYPE_BARCODE", "茶馆 Tea House", "金卡会员",
                "Color082", "出示会员码", "多行\n说明", Option.of("400-800-1234"),
                new DateInfo(DateInfo.FIX_TIME_RANGE, Option.of(1_790_000_000L), Option.of(1_890_000_000L),
                        Option.none(), Option.none()),
                50_000L, Option.of(2), true, false, true, List.of(101L, 202L), false,
                Option.of(new Link("快速使用", Option.of("立即使用"), "https://shop.example.com/use")),
                Option.of(new Link("会员中心", Option.none(), "https://shop.example.com/center")),
                Option.of(new Link("去逛逛", Option.of("新品上架"), "https://shop.example.com/promo")));
        return new MemberCardDefinition(base, Option.of("https://mmbiz.qpic.cn/bg.png"), "会员专享九折", false, true,
                Option.none(), true, Option.of("https://shop.example.com/bonus"), true,
                Option.of("https://shop.example.com/balance"),
                List.of(new CustomField(Option.of("FIELD_NAME_TYPE_LEVEL"), Option.none(), Option.of("https://shop.example.com/level")),
                        new CustomField(Option.none(), Option.of("优惠券"), Option.none())),
                Option.of(new CustomCell("预约", "提前预约", "https://shop.example.com/book")),
                Option.of(new BonusRule(Option.of(100), Option.of(1), Option.of(500), Option.of(10), Option.of(5),
                        Option.of(100), Option.of(1000), Option.of(50))),
                Option.of(10), Option.of("每年清零"), Option.of("消费1元得1分"), Option.of("储值规则"),
                new JumpActivation(true, Option.of("https://shop.example.com/after-form"),
                        Option.of("gh_0123456789ab@app"), Option.of("pages/activate/index")));
    }

    /** A one-click card that hands the member over to the merchant's page after WeChat's form (issue 20). */
    public static MemberCardDefinition definitionHandingOverAfterForm(String afterSubmitUrl) {
        MemberCardDefinition d = definitionActivatedBy(ActivationMode.ONE_CLICK_FORM);
        return new MemberCardDefinition(d.baseInfo(), d.backgroundPicUrl(), d.prerogative(), d.autoActivate(),
                d.wxActivate(), d.activateUrl(), d.supplyBonus(), d.bonusUrl(), d.supplyBalance(), d.balanceUrl(),
                d.customFields(), d.customCell1(), d.bonusRule(), d.discount(), d.bonusCleared(), d.bonusRules(),
                d.balanceRules(), new JumpActivation(true, Option.of(afterSubmitUrl), Option.none(), Option.none()));
    }

    public static ActivationForm activationForm() {
        return new ActivationForm(
                Option.of(new ActivationForm.NamedLink("会员守则", "https://shop.example.com/terms")),
                Option.none(),
                new ActivationForm.Section(false, List.of("USER_FORM_INFO_FLAG_MOBILE", "USER_FORM_INFO_FLAG_NAME"),
                        List.of("喜欢的茶"), List.of()),
                new ActivationForm.Section(true, List.of("USER_FORM_INFO_FLAG_BIRTHDAY"), List.of(),
                        List.of(new ActivationForm.RichField("FORM_FIELD_RADIO", "口味", List.of("浓", "淡")))));
    }

    public static Tenant tenant(TenantId id) {
        return new Tenant(id, "Tea House " + id, new AppId("wx" + id.value()), Secret.of("secret-" + id),
                Secret.of("push-token"), Option.none(), PushMode.PLAIN, Option.none(), "hash-" + id, T0);
    }

    public static Tenant tenantWithEverything(TenantId id) {
        return new Tenant(id, "Tea House " + id, new AppId("wx" + id.value()), Secret.of("secret-" + id),
                Secret.of("push-token"), Option.of(Secret.of("gp1wld4Hr5xqrChcHe6D+iNPqy3xCi5u3a/hPWm0xGI")),
                PushMode.SAFE, Option.of(new MerchantCredentials("1925931868", "07D54D5E30018825",
                        Secret.of("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n"),
                        Secret.of("0123456789abcdef0123456789abcdef"), "PLATFORM_SERIAL",
                        "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n")),
                "hash-" + id, T0);
    }

    public static Card draftCard(TenantId tenantId, CardId cardId) {
        return Card.draft(cardId, tenantId, definition(), T0).get().card();
    }

    public static Membership receivedMembership(TenantId tenantId, CardId cardId, String code, String openId) {
        return Membership.received(tenantId, cardId, new Code(code), new OpenId(openId), Option.of("store_42"),
                ActivationMode.MERCHANT_PAGE, T0).membership();
    }

    /** A WeChat Pay activity's settings: one coupon batch, an https logo, a second title. */
    public static io.wxcard.domain.campaign.PayActivityTerms payActivitySettings() {
        return new io.wxcard.domain.campaign.PayActivityTerms(List.of(
                io.wxcard.domain.campaign.PayActivityTerms.GiftStock.parse("1900000109:98065001")),
                "https://wxpaylogo.qpic.cn/wxpaylogo/sandbox/0", "开卡送券");
    }
}
