package io.wxcard.adapter.wechat;

import static io.wxcard.adapter.wechat.ProductOverSandbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Membership;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 item 2, end to end over HTTP: with the sandbox echoing every updateuser as update_member_card (as WeChat
 * may) and without, the merchant's changes and a change made on WeChat's side leave the ledger and WeChat equal, each
 * change booked once, and no updateuser is ever sent for what WeChat reported.
 */
class UpdateMemberCardOverSandboxTest extends ProductOverSandboxTest {

    @ParameterizedTest(name = "echo {0}")
    @ValueSource(booleans = {true, false})
    void the_ledger_and_wechat_stay_equal_and_no_call_loops(boolean echo) {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            sandbox.control("POST", "/sandbox/apps/" + product.account.appId() + "/echo-updateuser",
                    sandbox.object().put("enabled", echo));
            Card card = product.approvedCard(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
            Membership alice = product.received(card, "o" + SandboxFixture.shortId());

            for (int i = 1; i <= 5; i++) {
                ok(product.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), LedgerChange.points(
                        Points.of(10 * i), "order " + i, new IdempotencyKey("order-" + i), EntrySource.MERCHANT, true))));
                ok(product.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), LedgerChange.balance(
                        Fen.of(100), "top-up " + i, new IdempotencyKey("top-up-" + i), EntrySource.MERCHANT, false))));
            }
            product.settle();
            int syncs = product.updateuserCalls();
            sandbox.control("POST", "/sandbox/cards/" + card.wechatCardId().get().value() + "/codes/"
                    + alice.code().value() + "/wechat-side-change", sandbox.object().put("bonus_delta", -25)
                    .put("balance_delta", -300).put("reason", "spent in WeChat"));
            product.settle();

            Membership after = ok(product.app.findMemberships().membership(alice.key()));
            var onWechat = sandbox.member(card.wechatCardId().get().value(), alice.code().value());
            assertThat(after.totals().points()).isEqualTo(Points.of(150 - 25));
            assertThat(after.totals().balance()).isEqualTo(Fen.of(500 - 300));
            assertThat(onWechat.get("bonus").asLong()).isEqualTo(after.totals().points().value());
            assertThat(onWechat.get("balance").asLong()).isEqualTo(after.totals().balance().value());
            var entries = product.stores.ledger().history(alice.key(), PageRequest.first(50)).items();
            assertThat(entries).filteredOn(entry -> entry.source() == EntrySource.MERCHANT).hasSize(10);
            assertThat(entries).filteredOn(entry -> entry.source() == EntrySource.WECHAT)
                    .extracting(LedgerEntry::delta).containsExactlyInAnyOrder(-25L, -300L);
            assertThat(syncs).isBetween(1, 10);
            assertThat(product.updateuserCalls()).as("updateuser calls after WeChat's own change").isEqualTo(syncs);
            int comparisons = sandbox.calls("/card/membercard/userinfo/get", product.account.appId()).size();
            assertThat(comparisons).as("each update_member_card compared once; echoes too").isEqualTo(echo ? syncs + 1 : 1);
        }
    }
}
