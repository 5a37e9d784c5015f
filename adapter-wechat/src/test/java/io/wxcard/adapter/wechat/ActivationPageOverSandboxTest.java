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
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.Fen;
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
 * Issue 20 item 1, end to end over HTTP: the sandbox plays the member tapping Activate (a 302 to the card's page with
 * exactly what WeChat appends), the test plays the merchant's page and hands those parameters to the product, which
 * checks them with WeChat (decrypt, the form's answers), recognises the member by phone and activates once.
 */
class ActivationPageOverSandboxTest extends ProductOverSandboxTest {

    private static final String PAGE = "https://shop.example.com/after-form";
    private static final HttpClient BROWSER = HttpClient.newHttpClient(); // follows no redirect: we read Location

    private static String form(String phone) {
        return "{\"common_field_list\":[{\"name\":\"USER_FORM_INFO_FLAG_MOBILE\",\"value\":\"" + phone + "\"},"
                + "{\"name\":\"USER_FORM_INFO_FLAG_NAME\",\"value\":\"王小明\"}]}";
    }

    /** The member taps Activate in WeChat: where WeChat's browser is sent, as the page's query. */
    private static Map<String, String> tapActivate(Card card, Membership member, String form) throws Exception {
        HttpResponse<String> jump = BROWSER.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/cards/"
                        + card.wechatCardId().get().value() + "/codes/" + member.code().value() + "/activate-tap"))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jump.statusCode()).as(jump.body()).isEqualTo(302);
        String location = jump.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(PAGE + "?");
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
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

    private static RejectionCode refusal(Either<Failure, ?> result) {
        assertThat(result.isLeft()).as("expected a refusal, got %s", result).isTrue();
        assertThat(result.getLeft()).isInstanceOf(Failure.Rejected.class);
        return ((Failure.Rejected) result.getLeft()).rejection().code();
    }

    @Test
    void a_member_sent_to_the_page_sees_their_answers_is_recognised_by_phone_and_is_activated_once() throws Exception {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            ActivationPageUseCase pages = product.joining.activationPages();
            Card oldCard = product.approvedCard(Fixtures.definitionActivatedBy(ActivationMode.ONE_CLICK_FORM));
            Membership known = product.received(oldCard, "o" + SandboxFixture.shortId());
            sandbox.control("POST", "/sandbox/cards/" + oldCard.wechatCardId().get().value() + "/codes/"
                    + known.code().value() + "/form", SandboxFixture.JSON.readTree(form("13800138000")));
            product.settle(); // submit_membercard_user_info, then the answers pulled from WeChat
            Card card = product.approvedCard(Fixtures.definitionHandingOverAfterForm(PAGE));
            Membership member = product.received(card, "o" + SandboxFixture.shortId());

            Map<String, String> query = tapActivate(card, member, form("+86 138 0013 8000"));
            product.settle();
            assertThat(ok(product.app.findMemberships().membership(member.key())).state())
                    .as("the form alone does not activate a card that hands over").isEqualTo(MembershipState.ISSUED);
            ActivationPage page = ok(pages.open(visit(product, query)));

            assertThat(page.membership().key()).isEqualTo(member.key());
            assertThat(page.session().formAnswers()).containsEntry("USER_FORM_INFO_FLAG_NAME", "王小明")
                    .containsEntry("USER_FORM_INFO_FLAG_MOBILE", "+86 138 0013 8000");
            assertThat(page.knownAs()).extracting(found -> found.membership().key()).containsExactly(known.key());

            ActivationPage activated = ok(pages.activate(new ActivateSessionCommand(product.tenant,
                    page.session().id(), Option.of(new MembershipNumber("VIP-0001")), Option.of(Points.of(20)),
                    Option.of(Fen.of(1_000)))));
            assertThat(activated.membership().state()).isEqualTo(MembershipState.ACTIVATED);
            JsonNode onWechat = sandbox.member(card.wechatCardId().get().value(), member.code().value());
            assertThat(onWechat.get("has_active").asBoolean()).isTrue();
            assertThat(onWechat.get("membership_number").asText()).isEqualTo("VIP-0001");
            int activateCalls = sandbox.calls("/card/membercard/activate", product.account.appId()).size();

            ActivationPage again = ok(pages.activate(new ActivateSessionCommand(product.tenant, page.session().id(),
                    Option.of(new MembershipNumber("VIP-0002")), Option.none(), Option.none())));
            assertThat(again.repeated()).isTrue();
            assertThat(again.session().activation().get().membershipNumber().value()).isEqualTo("VIP-0001");
            assertThat(sandbox.calls("/card/membercard/activate", product.account.appId())).hasSize(activateCalls);
            assertThat(product.ledgerEntries(again.membership())).isEqualTo(2);
        }
    }

    @Test
    void a_tampered_encrypt_code_a_stale_ticket_and_another_accounts_encrypt_code_are_refused() throws Exception {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox);
             ProductOverSandbox other = new ProductOverSandbox(sandbox)) {
            ActivationPageUseCase pages = product.joining.activationPages();
            Card card = product.approvedCard(Fixtures.definitionHandingOverAfterForm(PAGE));
            Membership member = product.received(card, "o" + SandboxFixture.shortId());
            Map<String, String> query = tapActivate(card, member, form("13900139000"));

            Map<String, String> tampered = new HashMap<>(query);
            tampered.put("encrypt_code", query.get("encrypt_code").substring(1) + "A");
            Either<Failure, ActivationPage> refused = pages.open(visit(product, tampered));
            assertThat(refusal(refused)).isEqualTo(RejectionCode.ACTIVATION_PARAMETERS_INVALID);
            assertThat(refused.getLeft().detail()).contains("encrypt_code", "40075");

            Card theirs = other.approvedCard(Fixtures.definitionHandingOverAfterForm(PAGE));
            Map<String, String> stolen = new HashMap<>(query);
            stolen.put("card_id", theirs.wechatCardId().get().value());
            assertThat(refusal(other.joining.activationPages().open(visit(other, stolen))))
                    .as("WeChat decrypts no other account's encrypt_code").isEqualTo(RejectionCode.ACTIVATION_PARAMETERS_INVALID);
            assertThat(other.joining.activationPages().open(visit(other, query)).getLeft().detail())
                    .contains("not a card of this account");

            sandbox.control("POST", "/sandbox/activate-tickets/" + query.get("activate_ticket") + "/expire", null);
            Either<Failure, ActivationPage> stale = pages.open(visit(product, query));
            assertThat(refusal(stale)).isEqualTo(RejectionCode.ACTIVATION_PARAMETERS_INVALID);
            assertThat(stale.getLeft().detail()).contains("activate_ticket", "expired");
            assertThat(ok(product.app.findMemberships().membership(member.key())).state())
                    .isEqualTo(MembershipState.ISSUED);
        }
    }
}
