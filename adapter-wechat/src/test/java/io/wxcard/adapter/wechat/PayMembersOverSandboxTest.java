package io.wxcard.adapter.wechat;

import static io.wxcard.adapter.wechat.ProductOverSandbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.ImportMemberByPhoneUseCase.ImportByPhoneCommand;
import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase.UpgradeCardCommand;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.Phone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 2, end to end over HTTP: the product upgrades a card, registers its notification URL and imports a
 * member by phone through the real adapter; the sandbox plays the member taking the card (and another activating one
 * through WeChat Pay) and sends signed, encrypted MEMBERCARD notifications to the product, which makes both
 * memberships, with ledgers that take points like any other. A forged notification changes nothing.
 */
class PayMembersOverSandboxTest extends ProductOverSandboxTest {

    private static Membership await(ProductOverSandbox product, MembershipKey key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var found = product.stores.memberships().find(key);
            if (found.isDefined() && found.get().state() == MembershipState.ACTIVATED) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no activated membership " + key + " within 20 s");
    }

    @Test
    void a_member_imported_by_phone_and_one_activated_through_wechat_pay_both_become_memberships_with_ledgers()
            throws Exception {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            product.withPayMerchant();
            Card card = product.approvedCard(Fixtures.definition());
            String wechatCardId = card.wechatCardId().get().value();
            ok(product.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(product.tenant, card.id(),
                    new BrandId("1001622624"))));
            ok(product.app.acceptWechatPayNotification().registerCallback(product.tenant,
                    product.payNotificationUrl()));

            Code reserved = ok(product.app.importMemberByPhone().importByPhone(new ImportByPhoneCommand(
                    product.tenant, card.id(), new Phone("138 0013 8000"), Option.none())));
            assertThat(ok(product.app.importMemberByPhone().importByPhone(new ImportByPhoneCommand(product.tenant,
                    card.id(), new Phone("13800138000"), Option.none())))).as("the same phone again").isEqualTo(reserved);
            String phoneMember = "o" + SandboxFixture.shortId();
            sandbox.control("POST", "/sandbox/cards/" + wechatCardId + "/phone-members/claim",
                    sandbox.object().put("phone", "13800138000").put("openid", phoneMember));
            Membership byPhone = await(product, new MembershipKey(product.tenant, card.id(), reserved));

            String payMember = "o" + SandboxFixture.shortId();
            String payCode = sandbox.control("POST", "/sandbox/cards/" + wechatCardId + "/pay-activations",
                    sandbox.object().put("openid", payMember).put("outer_str", "store_9")).get("code").asText();
            Membership byPay = await(product, new MembershipKey(product.tenant, card.id(), new Code(payCode)));

            assertThat(byPhone.openId().value()).isEqualTo(phoneMember);
            assertThat(byPay.openId().value()).isEqualTo(payMember);
            for (Membership member : new Membership[] {byPhone, byPay}) {
                ok(product.app.changeLedger().change(new ChangeLedgerCommand(member.key(), LedgerChange.points(
                        Points.of(30), "welcome", new IdempotencyKey("welcome-" + member.code().value()),
                        EntrySource.MERCHANT, true))));
            }
            product.settle();
            for (Membership member : new Membership[] {byPhone, byPay}) {
                assertThat(product.stores.memberships().find(member.key()).get().totals().points())
                        .isEqualTo(Points.of(30));
                assertThat(product.stores.ledger().history(member.key(),
                        io.wxcard.application.port.out.store.PageRequest.first(10)).items()).hasSize(1);
                assertThat(sandbox.member(wechatCardId, member.code().value()).get("bonus").asLong())
                        .as("WeChat's view").isEqualTo(30);
            }
        }
    }

    @Test
    void a_member_imported_by_phone_and_activated_through_the_notification_is_then_found_by_phone() throws Exception {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            product.withPayMerchant();
            Card card = product.approvedCard(Fixtures.definition());
            String wechatCardId = card.wechatCardId().get().value();
            ok(product.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(product.tenant, card.id(),
                    new BrandId("1001622624"))));
            ok(product.app.acceptWechatPayNotification().registerCallback(product.tenant,
                    product.payNotificationUrl()));
            Code reserved = ok(product.app.importMemberByPhone().importByPhone(new ImportByPhoneCommand(
                    product.tenant, card.id(), new Phone("+86 135 0013 5000"), Option.none())));
            var lookup = new io.wxcard.application.port.out.store.MemberLookup.ByPhone(new Phone("135-0013-5000"));
            assertThat(ok(product.app.findMembers().find(product.tenant, lookup))).as("no membership yet").isEmpty();

            String openid = "o" + SandboxFixture.shortId();
            sandbox.control("POST", "/sandbox/cards/" + wechatCardId + "/phone-members/claim",
                    sandbox.object().put("phone", "13500135000").put("openid", openid));
            MembershipKey key = new MembershipKey(product.tenant, card.id(), reserved);
            await(product, key);

            var found = ok(product.app.findMembers().find(product.tenant, lookup));
            assertThat(found).extracting(member -> member.membership().key()).containsExactly(key);
            assertThat(found.get(0).membership().openId().value()).isEqualTo(openid);
            assertThat(found.get(0).profile().get().phone()).contains(new Phone("13500135000"));
            assertThat(product.stores.phoneImports().find(key)).as("forgotten once on the profile").isEmpty();
        }
    }

    @Test
    void a_notification_signed_by_another_key_is_refused_and_makes_no_membership() throws Exception {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            product.withPayMerchant();
            Card card = product.approvedCard(Fixtures.definition());
            String body = "{\"id\":\"EV-forged-1\",\"event_type\":\"MEMBERCARD.ACTIVATE_CARD\",\"resource\":{}}";
            String timestamp = Long.toString(System.currentTimeMillis() / 1000);
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String signature = PaySignatures.sign(generator.generateKeyPair().getPrivate(), new String(
                    PaySignatures.responseMessage(timestamp, "NONCE1", body.getBytes()), java.nio.charset.StandardCharsets.UTF_8));

            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            product.payNotificationUrl()).header("Content-Type", "application/json")
                    .header("Wechatpay-Timestamp", timestamp).header("Wechatpay-Nonce", "NONCE1")
                    .header("Wechatpay-Serial", sandbox.sandbox.platformSerial())
                    .header("Wechatpay-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(product.stores.memberships().list(product.tenant, card.id(), Option.none(),
                    io.wxcard.application.port.out.store.PageRequest.first(10)).items()).isEmpty();
        }
    }
}
