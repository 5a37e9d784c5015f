package io.wxcard.adapter.wechat;

import static io.wxcard.adapter.wechat.ProductOverSandbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.out.store.InboxMessage;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 8, end to end over HTTP: a member gives the card to a friend through the sandbox's control API; the
 * pushes WeChat sends (user_gifting_card, then user_get_card with IsGiveByFriend and OldUserCardCode) end the giver's
 * membership and record the friend's under the new code, with what WeChat shows for it; a gift that comes back
 * returns the card to the giver; the events we only record are decoded, applied and counted.
 */
class GiftingOverSandboxTest extends ProductOverSandboxTest {

    private static String codePath(Card card, Membership member) {
        return "/sandbox/cards/" + card.wechatCardId().get().value() + "/codes/" + member.code().value();
    }

    @Test
    void a_gifted_card_ends_the_givers_membership_and_the_friend_holds_it_under_a_new_code() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            Card card = product.approvedCard(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
            Membership alice = product.received(card, "o" + SandboxFixture.shortId());
            ok(product.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), LedgerChange.points(
                    Points.of(100), "welcome", new IdempotencyKey("welcome"), EntrySource.MERCHANT, true))));
            product.settle();
            String bob = "o" + SandboxFixture.shortId();

            sandbox.control("POST", codePath(card, alice) + "/gift", sandbox.object().put("friend_openid", bob));
            product.settle();
            assertThat(state(product, alice.key())).isEqualTo(MembershipState.GIFTING);

            String newCode = sandbox.control("POST", codePath(card, alice) + "/gift/accept",
                    sandbox.object().put("friend_openid", bob)).get("code").asText();
            product.settle();

            Membership giver = ok(product.app.findMemberships().membership(alice.key()));
            assertThat(giver.state()).isEqualTo(MembershipState.GIFTED);
            assertThat(giver.totals().points()).as("the giver's ledger is closed").isEqualTo(Points.ZERO);
            Membership friend = ok(product.app.findMemberships().membership(
                    new MembershipKey(product.tenant, card.id(), new Code(newCode))));
            assertThat(friend.openId().value()).isEqualTo(bob);
            assertThat(friend.state()).isEqualTo(MembershipState.ACTIVATED);
            assertThat(friend.totals().points()).as("what WeChat shows for the new code").isEqualTo(Points.of(100));
            assertThat(friend.totals().balance()).isEqualTo(Fen.ZERO);
            var onWechat = sandbox.member(card.wechatCardId().get().value(), newCode);
            assertThat(onWechat.get("bonus").asLong()).isEqualTo(100);
            assertThat(product.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), LedgerChange.points(
                    Points.of(1), "late sale", new IdempotencyKey("late"), EntrySource.MERCHANT, true))).getLeft().detail())
                    .contains("given to a friend");
        }
    }

    @Test
    void a_gift_that_comes_back_returns_the_card_to_the_giver() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            Card card = product.approvedCard(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
            Membership alice = product.received(card, "o" + SandboxFixture.shortId());

            sandbox.control("POST", codePath(card, alice) + "/gift", sandbox.object().put("chat_room", true));
            product.settle();
            sandbox.control("POST", codePath(card, alice) + "/gift/return", null);
            product.settle();

            assertThat(state(product, alice.key())).isEqualTo(MembershipState.ACTIVATED);
        }
    }

    @Test
    void the_events_we_only_record_are_decoded_applied_and_a_low_stock_is_told_to_the_operator() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            Card card = product.approvedCard(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
            Membership alice = product.received(card, "o" + SandboxFixture.shortId());
            String events = codePath(card, alice) + "/events";

            sandbox.control("POST", events, sandbox.object().put("event", "user_view_card").put("OuterStr", "poster"));
            sandbox.control("POST", events, sandbox.object().put("event", "user_enter_session_from_card"));
            sandbox.control("POST", events, sandbox.object().put("event", "user_consume_card")
                    .put("ConsumeSource", "FROM_MOBILE_HELPER").put("StaffOpenId", "oStaff"));
            sandbox.control("POST", events, sandbox.object().put("event", "user_pay_from_pay_cell")
                    .put("TransId", "4200000001").put("LocationId", "7").put("Fee", 990).put("OriginalFee", 1200));
            sandbox.control("POST", "/sandbox/cards/" + card.wechatCardId().get().value() + "/stock-low",
                    sandbox.object().put("detail", "the stock is 100"));
            sandbox.control("POST", "/sandbox/apps/" + product.account.appId() + "/coupon-point-orders",
                    sandbox.object().put("order_id", "9001").put("status", "ORDER_STATUS_SUCC"));
            product.settle();

            assertThat(product.inboxOutcomes(InboxMessage.State.APPLIED))
                    .anySatisfy(account -> assertThat(account).contains("viewed from poster"))
                    .anySatisfy(account -> assertThat(account).contains("opened the chat from the card"))
                    .anySatisfy(account -> assertThat(account).contains("consumed (FROM_MOBILE_HELPER)"))
                    .anySatisfy(account -> assertThat(account).contains("paid 9.90 yuan").contains("4200000001"))
                    .anySatisfy(account -> assertThat(account).contains("runs low: the stock is 100"))
                    .anySatisfy(account -> assertThat(account).contains("coupon-point order 9001 ORDER_STATUS_SUCC"));
            assertThat(product.app.stockAlerts().stockLowAlerts()).isEqualTo(1);
        }
    }

    private static MembershipState state(ProductOverSandbox product, MembershipKey key) {
        return ok(product.app.findMemberships().membership(key)).state();
    }
}
