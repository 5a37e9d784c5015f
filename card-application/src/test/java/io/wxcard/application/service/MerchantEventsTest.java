package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.in.ActivateMembershipUseCase.ActivateMembershipCommand;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.InvalidateMembershipUseCase.InvalidateMembershipCommand;
import io.wxcard.application.port.in.ManageWebhooksUseCase.CreateWebhookCommand;
import io.wxcard.application.port.in.ReadChangeFeedQuery.FeedPage;
import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.application.port.out.events.Webhook;
import io.wxcard.application.port.out.events.WebhookDelivery;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.RecordingWebhookSender.Post;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MerchantEventsTest {

    private final Harness h = new Harness();

    @Test
    void a_memberships_life_is_told_in_order_with_its_totals_after_each_change() {
        Membership member = lifecycle();

        List<MerchantEvent> events = feed(0);

        assertThat(events).extracting(e -> e.type().wireName()).containsExactly("card.approved", "membership.issued",
                "membership.activated", "membership.points_changed", "membership.points_changed",
                "membership.invalidated");
        assertThat(events).extracting(MerchantEvent::position).isSorted().doesNotHaveDuplicates();
        MerchantEvent second = events.get(4);
        assertThat(second.json()).contains("\"code\":\"" + member.code().value() + "\"", "\"points\":150",
                "\"delta\":\"50\"", "\"source\":\"MERCHANT\"", "\"tenant\":\"" + h.tenant.value() + "\"",
                "\"id\":\"" + second.id() + "\"");
        assertThat(events.get(5).json()).contains("\"state\":\"INVALIDATED\"", "\"reason\":\"left the club\"");
    }

    @Test
    void the_feed_answers_the_same_events_from_any_position() {
        lifecycle();
        List<MerchantEvent> all = feed(0);

        for (int from = 0; from < all.size(); from++) {
            List<MerchantEvent> rest = new ArrayList<>();
            long cursor = all.get(from).position() - 1;
            FeedPage page;
            do {
                page = h.app.changeFeed().after(h.tenant, cursor, 2);
                rest.addAll(page.events());
                cursor = page.next();
            } while (!page.events().isEmpty());
            assertThat(rest).isEqualTo(all.subList(from, all.size()));
        }
    }

    @Test
    void a_rejected_change_tells_of_nothing() {
        Card card = h.approved(Fixtures.definition());
        Membership member = h.received(card, "oAlice");
        h.app.relayEvents().placeEvents();
        long before = feed(0).size();

        var refused = h.app.changeLedger().change(new ChangeLedgerCommand(member.key(),
                LedgerChange.points(Points.of(-5), "too much", new IdempotencyKey("k1"), EntrySource.MERCHANT, false)));

        assertThat(refused.isLeft()).isTrue();
        h.app.relayEvents().placeEvents();
        assertThat(feed(0)).hasSize((int) before);
    }

    @Test
    void a_webhook_gets_what_it_asked_for_signed_in_order_and_is_told_once_it_answered() {
        Webhook hook = ok(h.app.manageWebhooks().create(new CreateWebhookCommand(h.tenant,
                "https://erp.example.com/wxcard", Set.of("membership.points_changed", "membership.invalidated"))));
        lifecycle();

        relayUntilQuiet();

        List<Post> posts = h.whole.webhookReceiver.posts;
        assertThat(posts).extracting(p -> p.headers().get("Wxcard-Event-Type")).containsExactly(
                "membership.points_changed", "membership.points_changed", "membership.invalidated");
        for (Post post : posts) {
            String signature = post.headers().get("Wxcard-Signature");
            String t = signature.substring(2, signature.indexOf(','));
            assertThat(signature).endsWith(",v1=" + WebhookSignature.hmac(hook.secret(), t + "." + post.body()));
            assertThat(post.body()).contains("\"id\":\"" + post.headers().get("Wxcard-Event-Id") + "\"");
        }
        relayUntilQuiet();
        assertThat(posts).hasSize(3);
    }

    @Test
    void a_receiver_that_is_down_gets_everything_later_in_order_and_a_delivery_failing_past_the_span_is_dead() {
        ok(h.app.manageWebhooks().create(new CreateWebhookCommand(h.tenant, "https://erp.example.com/wxcard", Set.of())));
        h.whole.webhookReceiver.answer(503);
        lifecycle();
        relayUntilQuiet();
        // Only the first event of the card and the first of the membership were tried: the rest wait behind them.
        assertThat(h.whole.webhookReceiver.posts).extracting(p -> p.headers().get("Wxcard-Event-Type"))
                .containsExactlyInAnyOrder("card.approved", "membership.issued");

        h.clock.advance(Duration.ofHours(1));
        h.whole.webhookReceiver.answer(200);
        h.whole.webhookReceiver.posts.clear();
        relayUntilQuiet();

        List<MerchantEvent> all = feed(0);
        assertThat(h.whole.webhookReceiver.posts).extracting(p -> p.headers().get("Wxcard-Event-Id"))
                .containsExactlyInAnyOrderElementsOf(all.stream().map(MerchantEvent::id).toList());
        assertThat(h.whole.webhookReceiver.posts.stream().map(p -> p.headers().get("Wxcard-Event-Id"))
                .filter(id -> all.stream().anyMatch(e -> e.id().equals(id) && e.orderKey().startsWith("membership/")))
                .toList()).containsExactlyElementsOf(all.stream().filter(e -> e.orderKey().startsWith("membership/"))
                .map(MerchantEvent::id).toList());

        h.whole.webhookReceiver.answer(500);
        Membership later = h.received(h.approved(Fixtures.definition()), "oBob");
        relayUntilQuiet();
        h.clock.advance(EventSettings.defaults().webhookRetrySpan().plusMinutes(1));
        relayUntilQuiet();
        List<WebhookDelivery> dead = h.app.manageWebhooks().deadDeliveries(h.tenant, 10);
        assertThat(dead).isNotEmpty();
        assertThat(dead.get(0).lastError()).contains("the receiver answered HTTP 500");

        h.whole.webhookReceiver.answer(200);
        h.whole.webhookReceiver.posts.clear();
        WebhookDelivery back = ok(h.app.manageWebhooks().redeliver(h.tenant, dead.get(0).webhook().id(),
                dead.get(0).event().id()));
        assertThat(back.state()).isEqualTo(WebhookDelivery.State.PENDING);
        relayUntilQuiet();
        assertThat(h.whole.webhookReceiver.posts).extracting(p -> p.headers().get("Wxcard-Event-Id"))
                .contains(dead.get(0).event().id());
        assertThat(later.code()).isNotNull();
    }

    @Test
    void refuses_webhook_urls_that_are_not_allowed_naming_the_field() {
        for (String url : List.of("ftp://erp.example.com/x", "http://erp.example.com/x", "https://169.254.169.254/x",
                "https://metadata.google.internal/x", "https://user:pw@erp.example.com/x", "not a url",
                "https://[fe80::1]/x", "http://10.0.0.1/x")) {
            var refused = h.app.manageWebhooks().create(new CreateWebhookCommand(h.tenant, url, Set.of()));
            assertThat(refused.isLeft()).as(url).isTrue();
            var rejection = ((io.wxcard.application.port.in.Failure.Rejected) refused.getLeft()).rejection();
            assertThat(rejection.code()).isEqualTo(RejectionCode.WEBHOOK_INVALID);
            assertThat(rejection.problems()).extracting(p -> p.field()).containsExactly("url");
        }
        assertThat(h.app.manageWebhooks().create(new CreateWebhookCommand(h.tenant, "http://127.0.0.1:9/x",
                Set.of())).isRight()).isTrue(); // the test application runs as the sandbox does
        var unknownType = h.app.manageWebhooks().create(new CreateWebhookCommand(h.tenant, "https://erp.example.com",
                Set.of("membership.teleported")));
        assertThat(((io.wxcard.application.port.in.Failure.Rejected) unknownType.getLeft()).rejection().problems())
                .extracting(p -> p.field()).containsExactly("event_types");
        assertThat(h.app.manageWebhooks().webhooks(h.tenant)).hasSize(1);
    }

    @Test
    void a_listener_hears_every_event_after_commit_and_again_after_it_failed() {
        List<String> heard = new ArrayList<>();
        boolean[] failOnce = {true};
        h.app.listenToEvents().register(event -> {
            if (failOnce[0] && event.type().wireName().equals("membership.activated")) {
                failOnce[0] = false;
                throw new IllegalStateException("listener down");
            }
            heard.add(event.type().wireName());
        });
        lifecycle();

        relayUntilQuiet();
        relayUntilQuiet();

        assertThat(heard).containsExactly("card.approved", "membership.issued", "membership.activated",
                "membership.points_changed", "membership.points_changed", "membership.invalidated");
    }

    /** Approved card, a member who receives, is activated with 100 points, gains 50, is invalidated. */
    private Membership lifecycle() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.MERCHANT_PAGE));
        Membership member = h.received(card, "oAlice");
        ok(h.app.activateMembership().activate(new ActivateMembershipCommand(member.key(), Option.none(),
                Option.none(), Option.none())));
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(member.key(), LedgerChange.points(Points.of(100),
                "welcome", new IdempotencyKey("welcome"), EntrySource.MERCHANT, false))));
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(member.key(), LedgerChange.points(Points.of(50),
                "purchase", new IdempotencyKey("p1"), EntrySource.MERCHANT, false))));
        ok(h.app.changeLedger().change(new ChangeLedgerCommand(member.key(), LedgerChange.points(Points.of(50),
                "purchase", new IdempotencyKey("p1"), EntrySource.MERCHANT, false)))); // a retry: told once
        return ok(h.app.invalidateMembership().invalidate(new InvalidateMembershipCommand(member.key(),
                "left the club")));
    }

    private List<MerchantEvent> feed(long after) {
        h.app.relayEvents().placeEvents();
        return h.app.changeFeed().after(h.tenant, after, 1000).events();
    }

    private void relayUntilQuiet() {
        for (int round = 0; round < 50; round++) {
            int placed = h.app.relayEvents().placeEvents();
            int told = h.app.relayEvents().notifyListeners();
            int tried = h.app.relayEvents().deliverWebhooks();
            if (placed + told + tried == 0) {
                return;
            }
        }
    }
}
