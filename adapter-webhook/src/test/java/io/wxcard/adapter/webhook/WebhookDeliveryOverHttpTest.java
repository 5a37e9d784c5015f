package io.wxcard.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ActivateMembershipUseCase.ActivateMembershipCommand;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.InvalidateMembershipUseCase.InvalidateMembershipCommand;
import io.wxcard.application.port.in.ManageWebhooksUseCase.CreateWebhookCommand;
import io.wxcard.application.port.in.RecordCardReceivedUseCase.CardReceived;
import io.wxcard.application.port.in.RecordReviewResultUseCase.ReviewResult;
import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.application.port.out.events.Webhook;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryApplication;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The application's webhooks through the real sender, to a real receiver on loopback that goes down and comes back. */
class WebhookDeliveryOverHttpTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Receiver receiver = Receiver.start();
    private final InMemoryApplication whole = InMemoryApplication.postingWebhooksWith(
            Webhooks.sender(WebhookSenderSettings.defaults(threads).withLoopback(true)));
    private final CardServices app = whole.app;
    private final TenantId tenant = Fixtures.uniqueTenantId();

    @AfterEach
    void stop() {
        receiver.close();
        threads.shutdownNow();
    }

    @Test
    void a_receiver_down_for_an_hour_gets_every_event_it_missed_signed_in_order_and_none_twice() {
        whole.stores.tenants().save(Fixtures.tenant(tenant));
        Webhook hook = ok(app.manageWebhooks().create(new CreateWebhookCommand(tenant,
                receiver.url("/erp/wxcard").toString(), Set.of())));
        Membership alice = lifecycleUpToActivation("oAlice");
        relayUntilQuiet();
        int beforeOutage = receiver.received.size();
        assertThat(beforeOutage).isEqualTo(4); // approved, issued, activated, points

        receiver.stop();
        ok(app.changeLedger().change(new ChangeLedgerCommand(alice.key(), LedgerChange.points(Points.of(30),
                "purchase", new IdempotencyKey("p1"), EntrySource.MERCHANT, false))));
        Membership bob = lifecycleOfAnotherMember("oBob");
        ok(app.invalidateMembership().invalidate(new InvalidateMembershipCommand(alice.key(), "left the club")));
        relayUntilQuiet();
        whole.clock.advance(Duration.ofHours(1));
        relayUntilQuiet();
        assertThat(receiver.received).hasSize(beforeOutage);

        receiver.restart();
        whole.clock.advance(Duration.ofMinutes(15)); // past the longest back-off
        relayUntilQuiet();

        List<MerchantEvent> all = app.changeFeed().after(tenant, 0, 1000).events();
        List<String> ids = receiver.received.stream().map(r -> r.header("Wxcard-Event-Id")).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all.stream().map(MerchantEvent::id)
                .toList());
        List<String> alicesSent = receiver.received.stream().filter(r -> r.body().contains("\"code\":\""
                + alice.code().value() + "\"")).map(r -> r.header("Wxcard-Event-Type")).toList();
        assertThat(alicesSent).containsExactly("membership.issued", "membership.activated",
                "membership.points_changed", "membership.points_changed", "membership.invalidated");
        for (Receiver.Received got : receiver.received) {
            assertThat(verify(hook.secret(), got.header("Wxcard-Signature"), got.body())).isTrue();
            MerchantEvent event = all.stream().filter(e -> e.id().equals(got.header("Wxcard-Event-Id"))).findFirst()
                    .orElseThrow();
            assertThat(got.body()).isEqualTo(event.json());
        }
        assertThat(bob.code()).isNotEqualTo(alice.code());
    }

    /** The verification docs/webhooks.md shows, written out independently of the signing code. */
    static boolean verify(String secret, String header, String body) {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
            return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    v1.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private Membership lifecycleUpToActivation(String openId) {
        Card drafted = ok(app.draftCard().draft(new DraftCardCommand(tenant,
                Fixtures.definitionActivatedBy(ActivationMode.MERCHANT_PAGE))));
        Card submitted = ok(app.submitCard().submit(tenant, drafted.id()));
        Card card = ok(app.recordReviewResult().record(new ReviewResult(tenant, submitted.wechatCardId().get(), true,
                Option.none())));
        this.card = card;
        return activated(card, openId);
    }

    private Card card;

    private Membership lifecycleOfAnotherMember(String openId) {
        return activated(card, openId);
    }

    private Membership activated(Card card, String openId) {
        Code code = whole.wechat.handOut(card.wechatCardId().get(), new OpenId(openId));
        Membership member = ok(app.recordCardReceived().recordReceived(new CardReceived(tenant,
                card.wechatCardId().get(), code, new OpenId(openId), Option.none(), false)));
        ok(app.activateMembership().activate(new ActivateMembershipCommand(member.key(), Option.none(),
                Option.none(), Option.none())));
        ok(app.changeLedger().change(new ChangeLedgerCommand(member.key(), LedgerChange.points(Points.of(100),
                "welcome", new IdempotencyKey("welcome"), EntrySource.MERCHANT, false))));
        return member;
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
