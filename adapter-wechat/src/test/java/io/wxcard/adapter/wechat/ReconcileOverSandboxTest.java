package io.wxcard.adapter.wechat;

import static io.wxcard.adapter.wechat.ProductOverSandbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.ReconcileCardUseCase.ReconcileCardCommand;
import io.wxcard.application.port.in.ReconcileCardUseCase.ReconcileReport;
import io.wxcard.application.port.out.store.OutboxMessage;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Membership;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 7, end to end over HTTP: drift planted on either side (a change on WeChat whose push was lost; a
 * change of ours whose sync was set aside) is found by the reconcile job and repaired, each the right way round, and
 * a second run finds everything in step.
 */
class ReconcileOverSandboxTest extends ProductOverSandboxTest {

    @Test
    void a_planted_drift_on_either_side_is_repaired_and_reported() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            Card card = product.approvedCard(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
            Membership alice = product.received(card, "o" + SandboxFixture.shortId());
            Membership bob = product.received(card, "o" + SandboxFixture.shortId());
            Membership carol = product.received(card, "o" + SandboxFixture.shortId());
            for (Membership member : java.util.List.of(alice, bob, carol)) {
                ok(product.app.changeLedger().change(new ChangeLedgerCommand(member.key(), LedgerChange.points(
                        Points.of(100), "welcome", new IdempotencyKey("welcome"), EntrySource.MERCHANT, true))));
            }
            product.settle();

            // Alice spends 30 points on WeChat's side, and the push is lost for good.
            sandbox.control("POST", "/sandbox/cards/" + card.wechatCardId().get().value() + "/codes/"
                    + alice.code().value() + "/wechat-side-change", sandbox.object().put("bonus_delta", -30)
                    .put("push", false).put("reason", "redeemed"));
            // Bob earns 40 points here, but the sync is set aside (as after a refusal) and never reaches WeChat.
            ok(product.app.changeLedger().change(new ChangeLedgerCommand(bob.key(), LedgerChange.points(
                    Points.of(40), "order", new IdempotencyKey("order-1"), EntrySource.MERCHANT, true))));
            for (OutboxMessage task : product.stores.outbox().claim("planter", 10, Instant.now(), Duration.ofMinutes(1))) {
                product.stores.outbox().deadLetter(task.id(), "planter", "planted: never sent");
            }
            int updatesBefore = product.updateuserCalls();

            ReconcileReport report = ok(product.app.reconcileCard().reconcile(
                    new ReconcileCardCommand(product.tenant, card.id())));
            product.settle();

            assertThat(report.checked()).isEqualTo(3);
            assertThat(report.inStep()).isEqualTo(1);
            assertThat(report.failed()).isEmpty();
            assertThat(report.repaired()).hasSize(2)
                    .anySatisfy(line -> assertThat(line).contains(alice.code().value()).contains("changed on WeChat"))
                    .anySatisfy(line -> assertThat(line).contains(bob.code().value()).contains("sent again"));
            assertTotals(product, card, alice, 70);
            assertTotals(product, card, bob, 140);
            assertTotals(product, card, carol, 100);
            assertThat(product.updateuserCalls()).as("only Bob's totals are sent again").isEqualTo(updatesBefore + 1);

            ReconcileReport again = ok(product.app.reconcileCard().reconcile(
                    new ReconcileCardCommand(product.tenant, card.id())));
            assertThat(again.inStep()).isEqualTo(3);
            assertThat(again.repaired()).isEmpty();
            assertThat(product.app.reconcileCard().reconcileEveryCard().checked()).isGreaterThanOrEqualTo(3);
        }
    }

    private static void assertTotals(ProductOverSandbox product, Card card, Membership member, long points) {
        Membership ours = ok(product.app.findMemberships().membership(member.key()));
        var onWechat = sandbox.member(card.wechatCardId().get().value(), member.code().value());
        assertThat(ours.totals().points()).isEqualTo(Points.of(points));
        assertThat(onWechat.get("bonus").asLong()).isEqualTo(points);
        assertThat(onWechat.get("balance").asLong()).isEqualTo(ours.totals().balance().value());
        assertThat(ours.totals().balance()).isEqualTo(Fen.ZERO);
    }
}
