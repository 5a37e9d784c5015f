package io.wxcard.adapter.wechat;

import static io.wxcard.adapter.wechat.ProductOverSandbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.CardStatisticsQuery.CardStatistics;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageSegmentsUseCase.DefineSegmentCommand;
import io.wxcard.application.port.in.ManageStoresUseCase.AddStoreCommand;
import io.wxcard.application.port.in.ManageStoresUseCase.StoreQrCode;
import io.wxcard.application.port.in.ManageStoresUseCase.StoreQrCodeCommand;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.TestClock;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.segment.CardMessage;
import io.wxcard.domain.segment.Segment;
import io.wxcard.domain.segment.SegmentCriteria;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.statistics.StatisticsRange;
import io.wxcard.domain.statistics.WechatDailyFigures;
import io.wxcard.domain.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 items 4, 6, 7 end to end: the product (in-memory stores) against the sandbox over HTTP through the real
 * adapter, the sandbox's pushes applied.
 */
class EngagementOverSandboxTest extends ProductOverSandboxTest {

    private static Store store(ProductOverSandbox product, String name) {
        return ok(product.engagement.manageStores().addStore(new AddStoreCommand(product.tenant, name,
                "上海市静安区南京西路 1 号", Option.of(4_127_001L))));
    }

    /** A member scans the store's code on WeChat (the control API plays them); the push is applied. */
    private static JsonNode scan(ProductOverSandbox product, StoreQrCode qr, String openId) {
        JsonNode answer = sandbox.control("POST", "/sandbox/qrcodes/" + qr.qrCode().ticket() + "/scan",
                sandbox.object().put("openid", openId));
        product.settle();
        return answer;
    }

    private static Membership membership(ProductOverSandbox product, Card card, JsonNode scanned) {
        return ok(product.app.findMemberships().membership(new MembershipKey(product.tenant, card.id(),
                new Code(scanned.get("code").asText()))));
    }

    /** A record with one component replaced (the definitions are records of many components). */
    @SuppressWarnings("unchecked")
    private static <R extends Record> R with(R record, String component, Object value) {
        try {
            var components = record.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals(component) ? value
                        : components[i].getAccessor().invoke(record);
            }
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An auto-activated card one member may hold once (get_limit 1), as member cards are usually set up. */
    private static io.wxcard.domain.card.definition.MemberCardDefinition oneEach() {
        var definition = Fixtures.definitionActivatedBy(ActivationMode.AUTO);
        return with(definition, "baseInfo", with(definition.baseInfo(), "getLimit", Option.of(1)));
    }

    @Test
    void a_stores_qr_code_attributes_the_member_to_the_store_and_opens_the_card_to_a_member_who_holds_it() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            Card card = product.approvedCard(oneEach());
            Store jingan = store(product, "静安店");
            StoreQrCode qr = ok(product.engagement.manageStores().storeQrCode(new StoreQrCodeCommand(product.tenant,
                    jingan.id(), card.id(), Option.none())));

            JsonNode first = scan(product, qr, "oStoreMember1");
            JsonNode again = scan(product, qr, "oStoreMember1");

            assertThat(qr.outerStr()).isEqualTo(jingan.outerStr());
            assertThat(membership(product, card, first).snapshot().outerStr()).contains(jingan.outerStr());
            assertThat(again.path("opened").asBoolean()).as("the second scan opens the card held").isTrue();
            assertThat(again.get("code").asText()).isEqualTo(first.get("code").asText());
            assertThat(product.storeStore.visits(product.tenant, card.id(), Instant.EPOCH, Instant.now().plusSeconds(60)))
                    .singleElement().satisfies(visit -> {
                        assertThat(visit.storeId()).isEqualTo(jingan.id());
                        assertThat(visit.code().value()).isEqualTo(first.get("code").asText());
                    });
            LocalDate today = StatisticsRange.dayOf(Instant.now());
            CardStatistics figures = ok(product.engagement.cardStatistics().statistics(product.tenant, card.id(),
                    today, today));
            assertThat(figures.ours().channels().get(jingan.outerStr()).newMembers()).isEqualTo(1);
            assertThat(figures.ours().channels().get(jingan.outerStr()).storeVisits()).isEqualTo(1);
            assertThat(figures.ours().channels().get(jingan.outerStr()).store()).contains(jingan.id().value());
        }
    }

    @Test
    void a_segment_becomes_a_wechat_tag_and_a_mass_send_goes_out_only_after_a_preview_and_reaches_it() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            Card card = product.approvedCard(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
            Store jingan = store(product, "静安店");
            StoreQrCode qr = ok(product.engagement.manageStores().storeQrCode(new StoreQrCodeCommand(product.tenant,
                    jingan.id(), card.id(), Option.of(1800))));
            scan(product, qr, "oSegment1");
            scan(product, qr, "oSegment2");
            product.received(card, "oElsewhere");
            SegmentCriteria fromJingan = new SegmentCriteria(Option.none(), Option.none(), Option.of(jingan.id()),
                    Option.none(), Option.of(false), Option.none());
            Segment segment = ok(product.engagement.manageSegments().defineSegment(new DefineSegmentCommand(
                    product.tenant, card.id(), "静安会员", fromJingan)));

            var synced = ok(product.engagement.manageSegments().sync(product.tenant, segment.id()));
            var refused = product.engagement.sendCardMessages().sendToSegment(product.tenant, card.id(), segment.id());
            CardMessage preview = ok(product.engagement.sendCardMessages().preview(product.tenant, card.id(),
                    new OpenId("oTester")));
            CardMessage mass = ok(product.engagement.sendCardMessages().sendToSegment(product.tenant, card.id(),
                    segment.id()));

            assertThat(synced.tagged()).isEqualTo(2);
            var tags = product.engagement.manageSegments().segments(product.tenant, card.id()).get();
            assertThat(tags).singleElement().satisfies(s -> assertThat(s.wechatTagId()).isNotEmpty());
            assertThat(WechatAdapter.create(sandbox.settings(), product.stores.tokens(), io.wxcard.application
                    .port.out.Clock.system()).userTags().tags(product.account.account()).get())
                    .anySatisfy(tag -> {
                        assertThat(tag.name()).isEqualTo("静安会员");
                        assertThat(tag.count()).isEqualTo(2);
                    });
            assertThat(refused.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class, rejected ->
                    assertThat(rejected.rejection().code()).isEqualTo(RejectionCode.MASS_SEND_NOT_PREVIEWED));
            assertThat(mass.msgId()).isNotEmpty();
            assertThat(mass.target()).isEqualTo("tag:" + synced.segment().wechatTagId().get());
            JsonNode received = sandbox.control("GET", "/sandbox/apps/" + product.account.appId() + "/messages", null)
                    .get("messages");
            List<String> massReceivers = new java.util.ArrayList<>();
            received.forEach(m -> {
                if (m.get("kind").asText().equals("mass")) {
                    massReceivers.add(m.get("openid").asText());
                }
            });
            assertThat(massReceivers).containsExactlyInAnyOrder("oSegment1", "oSegment2");
            assertThat(ok(product.engagement.sendCardMessages().messages(product.tenant, card.id())))
                    .extracting(CardMessage::kind).containsExactly(CardMessage.Kind.PREVIEW, CardMessage.Kind.MASS);
            assertThat(preview.delivered()).isTrue();
        }
    }

    @Test
    void a_member_who_left_a_segment_is_untagged_on_wechat_at_the_next_sync_and_a_level_selects_by_the_standings() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            Card card = product.approvedCard(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
            Membership rich = product.received(card, "oRich");
            Membership poor = product.received(card, "oPoor");
            ok(product.app.changeLedger().change(new ChangeLedgerCommand(rich.key(), LedgerChange.points(
                    Points.of(300), "purchase", new IdempotencyKey("left-1"), EntrySource.MERCHANT, false))));
            product.stores.standings().saveLevel(new io.wxcard.domain.loyalty.MemberStanding(poor.key(),
                    Option.of(new io.wxcard.domain.loyalty.LevelName("金卡")), io.wxcard.domain.ledger.Fen.ZERO,
                    Instant.now()));
            Segment big = ok(product.engagement.manageSegments().defineSegment(new DefineSegmentCommand(
                    product.tenant, card.id(), "大户", new SegmentCriteria(Option.of(100L), Option.none(),
                    Option.none(), Option.none(), Option.none(), Option.none()))));
            Segment gold = ok(product.engagement.manageSegments().defineSegment(new DefineSegmentCommand(
                    product.tenant, card.id(), "金卡会员", new SegmentCriteria(Option.none(), Option.none(),
                    Option.none(), Option.none(), Option.none(), Option.of("金卡")))));

            var first = ok(product.engagement.manageSegments().sync(product.tenant, big.id()));
            ok(product.app.changeLedger().change(new ChangeLedgerCommand(rich.key(), LedgerChange.points(
                    Points.of(-250), "redeemed", new IdempotencyKey("left-2"), EntrySource.MERCHANT, false))));
            var second = ok(product.engagement.manageSegments().sync(product.tenant, big.id()));
            var golden = ok(product.engagement.manageSegments().sync(product.tenant, gold.id()));

            assertThat(first.tagged()).isEqualTo(1);
            assertThat(first.untagged()).isZero();
            assertThat(second.tagged()).isZero();
            assertThat(second.untagged()).isEqualTo(1);
            assertThat(golden.tagged()).isEqualTo(1);
            var tags = WechatAdapter.create(sandbox.settings(), product.stores.tokens(),
                    io.wxcard.application.port.out.Clock.system()).userTags();
            assertThat(tags.membersOf(product.account.account(), second.segment().wechatTagId().get()).get())
                    .as("WeChat's tag after the second sync").isEmpty();
            assertThat(tags.membersOf(product.account.account(), golden.segment().wechatTagId().get()).get())
                    .containsExactly(new OpenId("oPoor"));
        }
    }

    @Test
    void statistics_for_a_date_range_come_back_from_wechat_and_from_the_ledger_and_agree_where_they_overlap() {
        // the day is read once from the application's clock, pinned for the test: a run that straddles 16:00 UTC (a
        // new day in Beijing) still counts every receipt on the same day, and WeChat's days are summed over the range
        TestClock clock = new TestClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox, clock)) {
            LocalDate today = StatisticsRange.dayOf(clock.now());
            Card card = product.approvedCard(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
            Membership first = product.received(card, "oStats1");
            product.received(card, "oStats2");
            ok(product.app.changeLedger().change(new ChangeLedgerCommand(first.key(), LedgerChange.points(
                    Points.of(150), "purchase", new IdempotencyKey("stats-1"), EntrySource.MERCHANT, false))));

            int pulled = ok(product.engagement.pullCardStatistics().pull(product.tenant, card.id(), today.minusDays(6),
                    today));
            CardStatistics figures = ok(product.engagement.cardStatistics().statistics(product.tenant, card.id(),
                    today.minusDays(6), today));

            assertThat(pulled).isEqualTo(3 * 7); // the card's days, the member cards' days, all cards' days
            assertThat(figures.wechat()).extracting(WechatDailyFigures::day).last().isEqualTo(today);
            assertThat(figures.wechat().stream().mapToLong(WechatDailyFigures::receiveCount).sum()).isEqualTo(2);
            assertThat(figures.wechat().stream().mapToLong(WechatDailyFigures::activeUsers).sum()).isEqualTo(2);
            assertThat(figures.ours().totals().newMembers()).isEqualTo(2);
            assertThat(figures.ours().totals().activatedMembers()).isEqualTo(2);
            assertThat(figures.ours().totals().pointsIssued()).isEqualTo(150);
            assertThat(figures.ours().totals().activeMembers()).isEqualTo(1);
            assertThat(figures.disagreements()).as("WeChat and the ledger agree on every day").isEmpty();

            var refused = product.engagement.pullCardStatistics().pull(product.tenant, card.id(), today.minusDays(62),
                    today);
            assertThat(refused.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class, rejected -> {
                assertThat(rejected.rejection().code()).isEqualTo(RejectionCode.STATISTICS_RANGE_INVALID);
                assertThat(rejected.rejection().problems()).singleElement()
                        .satisfies(problem -> assertThat(problem.field()).isEqualTo("to"));
            });
            assertThat(product.statisticsStore.wechatFigures(product.tenant, WechatDailyFigures.Scope.CARD,
                    card.wechatCardId(), today.minusDays(62), today.minusDays(7))).as("nothing stored").isEmpty();
        }
    }
}
