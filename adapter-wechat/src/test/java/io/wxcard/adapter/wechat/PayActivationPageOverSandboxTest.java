package io.wxcard.adapter.wechat;

import static io.wxcard.adapter.wechat.ProductOverSandbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ActivationPageUseCase;
import io.wxcard.application.port.in.ActivationPageUseCase.ActivateSessionCommand;
import io.wxcard.application.port.in.ActivationPageUseCase.ActivationPage;
import io.wxcard.application.port.in.ActivationPageUseCase.OpenSessionCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase.UpgradeCardCommand;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.shared.RejectionCode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the activation page of a card upgraded for WeChat Pay, over HTTP against the sandbox. WeChat Pay's
 * jump-activation calls vouch for the page's parameters ({@code decrypt-code}, {@code activate-informations}) and
 * activate the member ({@code codes/{code}/activate}); the Official Account's are not called; opening points follow
 * through WeChat Pay's rights call.
 */
class PayActivationPageOverSandboxTest extends ProductOverSandboxTest {

    private static final String PAGE = "https://shop.example.com/after-form";
    private static final String PAY = "/v3/marketing/membercard-open";
    private static final HttpClient BROWSER = HttpClient.newHttpClient(); // follows no redirect: we read Location

    private static Card upgradedCard(ProductOverSandbox product) {
        product.withPayMerchant();
        Card card = product.approvedCard(Fixtures.definitionHandingOverAfterForm(PAGE));
        return ok(product.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(product.tenant, card.id(),
                new BrandId("1001622624"))));
    }

    /** The member submits WeChat's form and taps on: where WeChat's browser is sent, as the page's query. */
    private static Map<String, String> tapActivate(Card card, Membership member, String phone) throws Exception {
        String form = "{\"common_field_list\":[{\"name\":\"USER_FORM_INFO_FLAG_MOBILE\",\"value\":\"" + phone + "\"}]}";
        HttpResponse<String> jump = BROWSER.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/cards/"
                        + card.wechatCardId().get().value() + "/codes/" + member.code().value() + "/activate-tap"))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jump.statusCode()).as(jump.body()).isEqualTo(302);
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(jump.headers().firstValue("Location").orElseThrow()).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static OpenSessionCommand visit(ProductOverSandbox product, Map<String, String> query) {
        return new OpenSessionCommand(product.tenant, new WechatCardId(query.get("card_id")),
                query.get("encrypt_code"), new OpenId(query.get("openid")),
                Option.of(query.get("activate_ticket")), Option.none());
    }

    private static int calls(String path) {
        return sandbox.calls(path, null).size();
    }

    @Test
    void a_member_of_an_upgraded_card_is_taken_through_the_page_by_wechat_pay_and_activated_once() throws Exception {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            ActivationPageUseCase pages = product.joining.activationPages();
            Card card = upgradedCard(product);
            String cardId = card.wechatCardId().get().value();
            Membership member = product.received(card, "o" + SandboxFixture.shortId());
            Map<String, String> query = tapActivate(card, member, "13700137000");
            product.settle();
            String activatePath = PAY + "/cards/" + cardId + "/codes/" + member.code().value() + "/activate";
            String appId = product.account.appId();
            int decryptsBefore = sandbox.calls("/card/code/decrypt", appId).size();

            ActivationPage page = ok(pages.open(visit(product, query)));
            assertThat(page.membership().key()).isEqualTo(member.key());
            assertThat(page.session().formAnswers()).as("WeChat Pay's USER_FORM_FLAG_MOBILE, named as the OA names it")
                    .containsEntry("USER_FORM_INFO_FLAG_MOBILE", "13700137000");
            assertThat(calls(PAY + "/cards/" + cardId + "/decrypt-code")).isEqualTo(1);
            assertThat(calls(PAY + "/activate-informations/" + query.get("activate_ticket"))).isEqualTo(1);

            ActivationPage activated = ok(pages.activate(new ActivateSessionCommand(product.tenant,
                    page.session().id(), Option.of(new MembershipNumber("VIP-0101")), Option.of(Points.of(20)),
                    Option.none())));
            ActivationPage again = ok(pages.activate(new ActivateSessionCommand(product.tenant, page.session().id(),
                    Option.of(new MembershipNumber("VIP-0102")), Option.none(), Option.none())));
            product.settle(); // the opening points, through WeChat Pay

            assertThat(activated.membership().state()).isEqualTo(MembershipState.ACTIVATED);
            assertThat(again.repeated()).isTrue();
            assertThat(calls(activatePath)).as("activated once, through WeChat Pay").isEqualTo(1);
            assertThat(sandbox.calls("/card/membercard/activate", appId)).isEmpty();
            assertThat(sandbox.calls("/card/code/decrypt", appId)).hasSize(decryptsBefore);
            assertThat(sandbox.calls("/card/membercard/activatetempinfo/get", appId)).isEmpty();
            JsonNode onWechat = sandbox.member(cardId, member.code().value());
            assertThat(onWechat.get("has_active").asBoolean()).isTrue();
            assertThat(onWechat.get("membership_number").asText()).isEqualTo("VIP-0101");
            assertThat(onWechat.get("bonus").asLong()).as("the opening points").isEqualTo(20);
            for (JsonNode change : onWechat.get("changes")) {
                assertThat(change.get("source").asText()).isEqualTo("wechatpay");
            }
            var read = ok(product.app.readWechatPayMembership().wechatPay(member.key()));
            assertThat(read.held().status()).isEqualTo("EFFECTIVE");
            assertThat(read.matchesLedger()).isTrue();
        }
    }

    @Test
    void a_tampered_encrypt_code_is_refused_by_wechat_pay_and_opens_no_session() throws Exception {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            Card card = upgradedCard(product);
            Membership member = product.received(card, "o" + SandboxFixture.shortId());
            Map<String, String> query = tapActivate(card, member, "13700137001");
            Map<String, String> tampered = new HashMap<>(query);
            tampered.put("encrypt_code", query.get("encrypt_code").substring(1) + "A");

            Either<Failure, ActivationPage> refused = product.joining.activationPages().open(visit(product, tampered));

            assertThat(refused.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class, rejected -> assertThat(
                    rejected.rejection().code()).isEqualTo(RejectionCode.ACTIVATION_PARAMETERS_INVALID));
            assertThat(refused.getLeft().detail()).contains("encrypt_code", "INVALID_REQUEST");
            assertThat(ok(product.app.findMemberships().membership(member.key())).state())
                    .isEqualTo(MembershipState.ISSUED);
        }
    }
}
