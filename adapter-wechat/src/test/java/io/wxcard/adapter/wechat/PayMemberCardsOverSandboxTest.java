package io.wxcard.adapter.wechat;

import static io.wxcard.adapter.wechat.ProductOverSandbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase.UpgradeCardCommand;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatPayMemberCards;
import io.wxcard.application.port.out.wechat.WechatPayMemberCards.PayMemberCard;
import io.wxcard.application.port.out.wechat.WechatPayMemberCards.TotalChange;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * WeChat Pay's calls on one member's card (membercard-open), through the real adapter over HTTP against the sandbox:
 * one membership whichever API touches it (what WeChat Pay changes, the Official Account's userinfo shows), changes
 * that name the total before them, the jump activation's decrypt-code, activate-informations and activate; and the
 * product's outbox syncing an upgraded card's totals through WeChat Pay, not the old updateuser.
 */
class PayMemberCardsOverSandboxTest extends ProductOverSandboxTest {

    private static Card upgradedCard(ProductOverSandbox product, io.wxcard.domain.card.definition.MemberCardDefinition definition) {
        Card card = product.approvedCard(definition);
        return ok(product.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(product.tenant, card.id(),
                new BrandId("1001622624"))));
    }

    private static MerchantCredentials merchant(ProductOverSandbox product) {
        return sandbox.merchant(product.account);
    }

    private static <T> T right(Either<WechatError, T> result) {
        assertThat(result.isRight()).as("expected success, got %s", result).isTrue();
        return result.get();
    }

    @Test
    void reads_and_changes_a_members_card_that_the_official_account_side_sees_the_same() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            product.withPayMerchant();
            WechatPayMemberCards pay = product.wechat.payMemberCards();
            Card card = upgradedCard(product, Fixtures.definition());
            WechatCardId cardId = card.wechatCardId().get();
            String openid = "o" + SandboxFixture.shortId();
            Code code = new Code(sandbox.control("POST", "/sandbox/cards/" + cardId.value() + "/pay-activations",
                    sandbox.object().put("openid", openid)).get("code").asText());

            PayMemberCard read = right(pay.memberCard(merchant(product), cardId, code));
            assertThat(read.status()).isEqualTo("EFFECTIVE");
            assertThat(read.openId()).contains(new OpenId(openid));
            assertThat(read.balance()).isEqualTo(Fen.of(0));

            TotalChange balance = new TotalChange(cardId, code, 0, 500, Option.of("top-up"), "req-balance-1");
            right(pay.changeBalance(merchant(product), balance));
            right(pay.changeBalance(merchant(product), balance)); // a repeat after a lost answer changes nothing
            right(pay.changeBonus(merchant(product), new TotalChange(cardId, code, 0, 30, Option.none(), "req-bonus-1")));

            PayMemberCard after = right(pay.memberCard(merchant(product), cardId, code));
            assertThat(after.balance()).isEqualTo(Fen.of(500));
            assertThat(after.bonus()).isEqualTo(Points.of(30));
            JsonNode official = sandbox.member(cardId.value(), code.value());
            assertThat(official.get("balance").asLong()).as("the Official Account's view").isEqualTo(500);
            assertThat(official.get("bonus").asLong()).isEqualTo(30);

            Either<WechatError, ?> stale = pay.changeBalance(merchant(product),
                    new TotalChange(cardId, code, 0, 300, Option.none(), "req-balance-2"));
            assertThat(stale.getLeft().code()).isEqualTo("INVALID_REQUEST");
            assertThat(stale.getLeft().message()).contains("before_balance");
            Either<WechatError, ?> reused = pay.changeBalance(merchant(product),
                    new TotalChange(cardId, code, 500, 600, Option.none(), "req-balance-1"));
            assertThat(reused.getLeft().message()).contains("out_request_no");
            assertThat(right(pay.memberCard(merchant(product), cardId, code)).balance()).isEqualTo(Fen.of(500));
        }
    }

    @Test
    void a_card_not_upgraded_is_refused_as_wechat_pay_documents() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            product.withPayMerchant();
            Card card = product.approvedCard(Fixtures.definition());
            Code code = new SandboxControl(sandbox).handOut(card.wechatCardId().get(), new OpenId("o" + SandboxFixture.shortId()));

            Either<WechatError, PayMemberCard> refused = product.wechat.payMemberCards().memberCard(merchant(product),
                    card.wechatCardId().get(), code);

            assertThat(refused.getLeft().code()).isEqualTo("INVALID_REQUEST");
            assertThat(refused.getLeft().message()).isEqualTo("请先升级会员卡才能使用此功能");
        }
    }

    @Test
    void a_jump_activation_decrypts_the_code_reads_the_form_and_activates_through_wechat_pay() throws Exception {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            product.withPayMerchant();
            WechatPayMemberCards pay = product.wechat.payMemberCards();
            Card card = upgradedCard(product, Fixtures.definitionHandingOverAfterForm("https://shop.example.com/page"));
            WechatCardId cardId = card.wechatCardId().get();
            Code code = new SandboxControl(sandbox).handOut(cardId, new OpenId("o" + SandboxFixture.shortId()));
            HttpResponse<String> jump = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            sandbox.baseUrl() + "/sandbox/cards/" + cardId.value() + "/codes/" + code.value()
                                    + "/activate-tap")).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"common_field_list\":[{\"name\":\"USER_FORM_INFO_FLAG_MOBILE\",\"value\":\"13800138000\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(jump.statusCode()).as(jump.body()).isEqualTo(302);
            Map<String, String> query = new HashMap<>();
            for (String pair : URI.create(jump.headers().firstValue("Location").orElseThrow()).getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }

            assertThat(right(pay.decryptCode(merchant(product), cardId, query.get("encrypt_code")))).isEqualTo(code);
            assertThat(pay.decryptCode(merchant(product), cardId, "bm90LWEtY29kZQ+/=").getLeft().code())
                    .isEqualTo("INVALID_REQUEST");
            assertThat(right(pay.activationInformation(merchant(product), query.get("activate_ticket"))))
                    .containsEntry("USER_FORM_FLAG_MOBILE", "13800138000");
            assertThat(right(pay.memberCard(merchant(product), cardId, code)).status()).isEqualTo("NOT_ACTIVATE");

            right(pay.activate(merchant(product), cardId, code, Option.of("M-0001")));
            right(pay.activate(merchant(product), cardId, code, Option.of("M-0001")));

            PayMemberCard active = right(pay.memberCard(merchant(product), cardId, code));
            assertThat(active.status()).isEqualTo("EFFECTIVE");
            assertThat(active.membershipNumber()).contains("M-0001");
            assertThat(sandbox.member(cardId.value(), code.value()).get("has_active").asBoolean()).isTrue();
        }
    }

    @Test
    void the_outbox_syncs_an_upgraded_cards_totals_through_wechat_pay_not_updateuser() throws Exception {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            product.withPayMerchant();
            Card card = upgradedCard(product, Fixtures.definition());
            String wechatCardId = card.wechatCardId().get().value();
            ok(product.app.acceptWechatPayNotification().registerCallback(product.tenant, product.payNotificationUrl()));
            String code = sandbox.control("POST", "/sandbox/cards/" + wechatCardId + "/pay-activations",
                    sandbox.object().put("openid", "o" + SandboxFixture.shortId())).get("code").asText();
            MembershipKey key = new MembershipKey(product.tenant, card.id(), new Code(code));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (product.stores.memberships().find(key).filter(m -> m.state() == MembershipState.ACTIVATED).isEmpty()) {
                assertThat(System.nanoTime()).as("the activation notification").isLessThan(deadline);
                Thread.sleep(50);
            }

            ok(product.app.changeLedger().change(new ChangeLedgerCommand(key, LedgerChange.points(Points.of(40),
                    "welcome", new IdempotencyKey("w-" + code), EntrySource.MERCHANT, true))));
            product.settle();
            ok(product.app.changeLedger().change(new ChangeLedgerCommand(key, LedgerChange.points(Points.of(-15),
                    "coffee", new IdempotencyKey("c-" + code), EntrySource.MERCHANT, true))));
            product.settle();

            JsonNode member = sandbox.member(wechatCardId, code);
            assertThat(member.get("bonus").asLong()).isEqualTo(25);
            assertThat(member.get("changes")).isNotEmpty();
            for (JsonNode change : member.get("changes")) {
                assertThat(change.get("source").asText()).as("every change came through WeChat Pay")
                        .isEqualTo("wechatpay");
            }
        }
    }
}
