package io.wxcard.adapter.wechat;

import static io.wxcard.adapter.wechat.ProductOverSandbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.RecordPurchaseUseCase.PurchaseResult;
import io.wxcard.application.port.in.RecordPurchaseUseCase.RecordPurchaseCommand;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.service.LoyaltyServices;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.LoyaltyFixtures;
import io.wxcard.application.testing.TestClock;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.CustomField;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.Ledger;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.loyalty.DemotionPeriod;
import io.wxcard.domain.loyalty.LevelChange;
import io.wxcard.domain.loyalty.LevelName;
import io.wxcard.domain.loyalty.PointsExpiry;
import io.wxcard.domain.membership.Membership;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 items 1-3, end to end over HTTP: a member who earns past a threshold moves up a level, gets the level's
 * card face and custom field text through updateuser, and is told as the card's notices say (WeChat's system
 * messages, template messages with the marketing line); a member who unfollowed is skipped, not retried; expired
 * points leave the ledger through an entry, and a period's review moves the member down.
 */
class LoyaltyOverSandboxTest extends ProductOverSandboxTest {

    private final Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private final TestClock clock = new TestClock(start);

    /** The smallest auto-activating card, with custom_field1 showing the level (等级). */
    private static MemberCardDefinition levelCard() {
        MemberCardDefinition d = Fixtures.definitionActivatedBy(io.wxcard.domain.card.definition.ActivationMode.AUTO);
        return new MemberCardDefinition(d.baseInfo(), d.backgroundPicUrl(), d.prerogative(), d.autoActivate(),
                d.wxActivate(), d.activateUrl(), d.supplyBonus(), d.bonusUrl(), d.supplyBalance(), d.balanceUrl(),
                List.of(new CustomField(Option.of("FIELD_NAME_TYPE_LEVEL"), Option.none(), Option.none())),
                d.customCell1(), d.bonusRule(), d.discount(), d.bonusCleared(), d.bonusRules(), d.balanceRules());
    }

    @Test
    void a_member_who_earns_past_a_threshold_moves_up_gets_the_levels_face_and_is_told_as_configured() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox, clock)) {
            LoyaltyServices loyalty = product.app.loyalty(new LoyaltyServices.LoyaltyDependencies(
                    product.stores.loyaltyPrograms(), product.stores.standings(), product.wechat.templateMessages(), 20));
            Card card = product.approvedCard(levelCard());
            String openid = "o" + SandboxFixture.shortId();
            Membership alice = product.received(card, openid);
            String wechatCardId = card.wechatCardId().get().value();

            ok(loyalty.configureLoyalty().setLevels(product.tenant, card.id(), LoyaltyFixtures.levels(Option.none())));
            ok(loyalty.configureLoyalty().setPointsRule(product.tenant, card.id(),
                    LoyaltyFixtures.onePointPerYuan(Option.none())));
            ok(loyalty.configureLoyalty().setNotices(product.tenant, card.id(), LoyaltyFixtures.everyNotice()));
            JsonNode bonusRule = sandbox.control("GET", "/sandbox/cards/" + wechatCardId, null)
                    .findValue("bonus_rule");
            assertThat(bonusRule.path("cost_money_unit").asInt()).as("the card's bonus_rule kept in step").isEqualTo(100);
            assertThat(bonusRule.path("increase_bonus").asInt()).isEqualTo(1);

            PurchaseResult paid = ok(loyalty.recordPurchase().purchase(new RecordPurchaseCommand(alice.key(),
                    Fen.of(15_099), new IdempotencyKey("order-1"))));
            assertThat(paid.entry().map(LedgerEntry::delta)).as("150.99 yuan at 1 point a yuan, rounded down")
                    .contains(150L);
            assertThat(paid.promoted().map(LevelChange::to)).contains(new LevelName("银卡"));
            product.settle();

            JsonNode onWechat = sandbox.member(wechatCardId, alice.code().value());
            assertThat(onWechat.path("bonus").asLong()).isEqualTo(150);
            assertThat(onWechat.path("custom_field_value1").asText()).isEqualTo("银卡");
            assertThat(onWechat.path("background_pic_url").asText()).isEqualTo(LoyaltyFixtures.SILVER_FACE.value());
            assertThat(notices(onWechat, "custom_field1")).extracting(n -> n.path("value").asText())
                    .containsExactly("银卡");
            assertThat(notices(onWechat, "bonus")).extracting(n -> n.path("record").asText())
                    .containsExactly("消费 150.99元 得 150 积分");
            List<JsonNode> sent = templateMessages(product);
            assertThat(sent).as("a purchase is told once, by the post-payment message").hasSize(1);
            assertThat(sent.get(0).path("template_id").asText()).isEqualTo("tpl-paid");
            assertThat(sent.get(0).path("touser").asText()).isEqualTo(openid);
            assertThat(sent.get(0).path("url").asText()).isEqualTo("https://tea.example.com/menu");
            assertThat(sent.get(0).at("/data/keyword1/value").asText()).isEqualTo("150.99元");
            assertThat(sent.get(0).at("/data/remark/value").asText()).isEqualTo("下次到店送一杯茶");

            ok(product.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), LedgerChange.points(
                    Points.of(400), "会员日赠送", new IdempotencyKey("gift-1"), EntrySource.MERCHANT, true))));
            product.settle();
            onWechat = sandbox.member(wechatCardId, alice.code().value());
            assertThat(onWechat.path("custom_field_value1").asText()).isEqualTo("金卡");
            assertThat(onWechat.path("background_pic_url").asText()).isEqualTo(LoyaltyFixtures.GOLD_FACE.value());
            sent = templateMessages(product);
            assertThat(sent).hasSize(2);
            assertThat(sent.get(1).path("template_id").asText()).isEqualTo("tpl-points");
            assertThat(sent.get(1).at("/data/keyword1/value").asText()).isEqualTo("+400 积分");
            assertThat(sent.get(1).at("/data/keyword2/value").asText()).isEqualTo("550 积分");
            assertThat(sent.get(1).at("/data/remark/value").asText()).isEqualTo("本周会员日积分翻倍");
            assertThat(ok(loyalty.memberLevels().levelHistory(alice.key()))).extracting(LevelChange::to)
                    .containsExactly(new LevelName("银卡"), new LevelName("金卡"));

            sandbox.control("POST", "/sandbox/apps/" + product.account.appId() + "/followers/" + openid + "/unfollow",
                    sandbox.object());
            ok(product.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), LedgerChange.points(
                    Points.of(5), "签到", new IdempotencyKey("check-in-1"), EntrySource.MERCHANT, true))));
            product.settle();
            assertThat(templateMessages(product)).as("nothing reaches a member who unfollowed").hasSize(2);
            assertThat(sandbox.calls("/cgi-bin/message/template/send", product.account.appId()))
                    .extracting(call -> call.path("errcode").asLong()).containsExactly(0L, 0L, 43004L);
            assertThat(product.app.manageDeadLetters().deadLetters(PageRequest.first(10)).items())
                    .as("skipped, not a dead letter").isEmpty();
        }
    }

    @Test
    void expired_points_leave_the_ledger_through_an_entry_and_a_periods_review_moves_the_member_down() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox, clock)) {
            LoyaltyServices loyalty = product.app.loyalty(new LoyaltyServices.LoyaltyDependencies(
                    product.stores.loyaltyPrograms(), product.stores.standings(), product.wechat.templateMessages(), 20));
            Card card = product.approvedCard(levelCard());
            Membership bob = product.received(card, "o" + SandboxFixture.shortId());
            String wechatCardId = card.wechatCardId().get().value();
            ok(loyalty.configureLoyalty().setLevels(product.tenant, card.id(), LoyaltyFixtures.levels(
                    Option.of(new DemotionPeriod(1, start.plus(Duration.ofDays(20)))))));
            ok(loyalty.configureLoyalty().setPointsRule(product.tenant, card.id(),
                    LoyaltyFixtures.onePointPerYuan(Option.of(new PointsExpiry(30)))));
            assertThat(sandbox.control("GET", "/sandbox/cards/" + wechatCardId, null).findValue("bonus_cleared")
                    .asText()).isEqualTo("积分自获得之日起 30 天后过期");

            ok(loyalty.recordPurchase().purchase(new RecordPurchaseCommand(bob.key(), Fen.of(20_000),
                    new IdempotencyKey("order-1"))));
            clock.advance(Duration.ofDays(10));
            assertThat(ok(loyalty.loyaltyPeriods().reviewLevels(product.tenant, card.id())))
                    .as("no period end yet").isZero();
            ok(loyalty.recordPurchase().purchase(new RecordPurchaseCommand(bob.key(), Fen.of(3_000),
                    new IdempotencyKey("order-2"))));
            clock.advance(Duration.ofDays(22)); // order 1 is 32 days old, order 2 is 22
            product.settle();
            assertThat(ok(loyalty.loyaltyPeriods().expirePoints(product.tenant, card.id()))).isEqualTo(1);
            assertThat(ok(loyalty.loyaltyPeriods().expirePoints(product.tenant, card.id())))
                    .as("a second run the same day expires nothing").isZero();
            product.settle();

            List<LedgerEntry> entries = product.stores.ledger().history(bob.key(), PageRequest.first(50)).items();
            assertThat(entries).extracting(LedgerEntry::source, LedgerEntry::delta).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(EntrySource.PURCHASE, 200L),
                    org.assertj.core.groups.Tuple.tuple(EntrySource.PURCHASE, 30L),
                    org.assertj.core.groups.Tuple.tuple(EntrySource.EXPIRY, -200L));
            assertThat(Ledger.replay(entries).totals().points()).isEqualTo(Points.of(30));
            JsonNode onWechat = sandbox.member(wechatCardId, bob.code().value());
            assertThat(onWechat.path("bonus").asLong()).isEqualTo(30);
            assertThat(notices(onWechat, "bonus")).extracting(n -> n.path("delta").asLong()).contains(-200L);
            assertThat(onWechat.path("custom_field_value1").asText()).as("kept until the period's end").isEqualTo("银卡");

            assertThat(ok(loyalty.loyaltyPeriods().reviewLevels(product.tenant, card.id()))).isEqualTo(1);
            assertThat(ok(loyalty.loyaltyPeriods().reviewLevels(product.tenant, card.id())))
                    .as("one review per period end").isZero();
            product.settle();
            assertThat(sandbox.member(wechatCardId, bob.code().value()).path("custom_field_value1").asText())
                    .isEqualTo("普通");
            assertThat(ok(loyalty.memberLevels().levelHistory(bob.key()))).extracting(LevelChange::direction)
                    .containsExactly(LevelChange.Direction.UP, LevelChange.Direction.DOWN);
        }
    }

    private static List<JsonNode> notices(JsonNode member, String kind) {
        List<JsonNode> found = new ArrayList<>();
        member.path("notices").forEach(notice -> {
            if (notice.path("kind").asText().equals(kind)) {
                found.add(notice);
            }
        });
        return found;
    }

    private List<JsonNode> templateMessages(ProductOverSandbox product) {
        List<JsonNode> sent = new ArrayList<>();
        sandbox.control("GET", "/sandbox/apps/" + product.account.appId() + "/template-messages", null)
                .path("messages").forEach(sent::add);
        return sent;
    }
}
