package io.wxcard.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ActivateMembershipUseCase.ActivateMembershipCommand;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageWebhooksUseCase.CreateWebhookCommand;
import io.wxcard.application.port.in.RecordCardReceivedUseCase.CardReceived;
import io.wxcard.application.port.in.RecordReviewResultUseCase.ReviewResult;
import io.wxcard.application.port.out.events.Webhook;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.LoyaltyServices;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryApplication;
import io.wxcard.application.testing.LoyaltyFixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.loyalty.LevelName;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 17: a member's level change reaches a real receiver on loopback as a signed event with both levels. */
class LevelChangeWebhookTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final Receiver receiver = Receiver.start();
    private final InMemoryApplication whole = InMemoryApplication.postingWebhooksWith(
            Webhooks.sender(WebhookSenderSettings.defaults(threads).withLoopback(true)));
    private final CardServices app = whole.app;
    private final LoyaltyServices loyalty = app.loyalty(new LoyaltyServices.LoyaltyDependencies(
            whole.stores.loyaltyPrograms(), whole.stores.standings(), (account, message) -> Either.right(1L), 100));
    private final TenantId tenant = Fixtures.uniqueTenantId();

    @AfterEach
    void stop() {
        receiver.close();
        threads.shutdownNow();
    }

    @Test
    void a_promotion_and_a_level_set_by_the_merchant_are_delivered_with_the_old_and_the_new_level() {
        whole.stores.tenants().save(Fixtures.tenant(tenant));
        Webhook hook = ok(app.manageWebhooks().create(new CreateWebhookCommand(tenant,
                receiver.url("/crm/levels").toString(), Set.of("membership.level_changed"))));
        Card card = approvedCard();
        ok(loyalty.configureLoyalty().setLevels(tenant, card.id(), LoyaltyFixtures.levels(Option.none())));
        Membership alice = activated(card, "oAlice");

        ok(app.changeLedger().change(new ChangeLedgerCommand(alice.key(), LedgerChange.points(Points.of(150),
                "welcome", new IdempotencyKey("welcome"), EntrySource.MERCHANT, false))));
        ok(loyalty.memberLevels().setLevel(alice.key(), new LevelName("员工"), "joined the staff"));
        relayUntilQuiet();

        assertThat(receiver.received).hasSize(2);
        for (Receiver.Received got : receiver.received) {
            assertThat(got.header("Wxcard-Event-Type")).isEqualTo("membership.level_changed");
            assertThat(WebhookDeliveryOverHttpTest.verify(hook.secret(), got.header("Wxcard-Signature"), got.body()))
                    .isTrue();
        }
        String up = receiver.received.get(0).body();
        assertThat(up).contains("\"code\":\"" + alice.code().value() + "\"", "\"points\":150",
                "\"to_level\":\"银卡\"", "\"direction\":\"UP\"");
        String set = receiver.received.get(1).body();
        assertThat(set).contains("\"from_level\":\"银卡\"", "\"to_level\":\"员工\"",
                "\"direction\":\"SET_BY_MERCHANT\"", "\"cause\":\"joined the staff\"");
        List<String> fed = app.changeFeed().after(tenant, 0, 100).events().stream()
                .filter(e -> e.type().wireName().equals("membership.level_changed")).map(e -> e.json()).toList();
        assertThat(fed).as("the change feed holds the same events")
                .containsExactly(receiver.received.get(0).body(), receiver.received.get(1).body());
    }

    @Test
    void members_who_held_their_points_before_the_levels_were_set_move_up_in_one_review_and_are_told() {
        whole.stores.tenants().save(Fixtures.tenant(tenant));
        ok(app.manageWebhooks().create(new CreateWebhookCommand(tenant, receiver.url("/crm/levels").toString(),
                Set.of("membership.level_changed"))));
        Card card = approvedCard();
        Membership rich = activated(card, "oRich");
        Membership poor = activated(card, "oPoor");
        ok(app.changeLedger().change(new ChangeLedgerCommand(rich.key(), LedgerChange.points(Points.of(600),
                "opening", new IdempotencyKey("open"), EntrySource.MERCHANT, false))));
        ok(loyalty.configureLoyalty().setLevels(tenant, card.id(), LoyaltyFixtures.levels(Option.none())));
        relayUntilQuiet();
        assertThat(receiver.received).as("setting the levels moves nobody by itself").isEmpty();

        assertThat(ok(loyalty.loyaltyPeriods().promoteQualified(tenant, card.id())))
                .as("both get their first level: 金卡 for 600 points, the base level for none").isEqualTo(2);
        assertThat(ok(loyalty.loyaltyPeriods().promoteQualified(tenant, card.id()))).as("again: nobody").isZero();
        relayUntilQuiet();

        assertThat(ok(loyalty.memberLevels().standing(rich.key())).level()).contains(new LevelName("金卡"));
        assertThat(ok(loyalty.memberLevels().standing(poor.key())).level()).contains(new LevelName("普通"));
        assertThat(receiver.received).hasSize(2);
        assertThat(receiver.received).filteredOn(got -> got.body().contains("\"code\":\"" + rich.code().value()))
                .singleElement().satisfies(got -> assertThat(got.body()).contains("\"from_level\":\"\"",
                        "\"to_level\":\"金卡\"", "\"direction\":\"UP\"",
                        "\"cause\":\"review of the card's levels\""));
    }

    private Card approvedCard() {
        Card drafted = ok(app.draftCard().draft(new DraftCardCommand(tenant,
                Fixtures.definitionActivatedBy(ActivationMode.MERCHANT_PAGE))));
        Card submitted = ok(app.submitCard().submit(tenant, drafted.id()));
        return ok(app.recordReviewResult().record(new ReviewResult(tenant, submitted.wechatCardId().get(), true,
                Option.none())));
    }

    private Membership activated(Card card, String openId) {
        Code code = whole.wechat.handOut(card.wechatCardId().get(), new OpenId(openId));
        Membership member = ok(app.recordCardReceived().recordReceived(new CardReceived(tenant,
                card.wechatCardId().get(), code, new OpenId(openId), Option.none(), false)));
        return ok(app.activateMembership().activate(new ActivateMembershipCommand(member.key(), Option.none(),
                Option.none(), Option.none())));
    }

    private void relayUntilQuiet() {
        for (int round = 0; round < 100; round++) {
            int placed = app.relayEvents().placeEvents();
            int tried = app.relayEvents().deliverWebhooks();
            if (placed + tried == 0) {
                return;
            }
        }
        throw new AssertionError("the events did not settle");
    }

    private static <T> T ok(Either<Failure, T> result) {
        assertThat(result.isRight()).as("expected success, got %s", result).isTrue();
        return result.get();
    }
}
