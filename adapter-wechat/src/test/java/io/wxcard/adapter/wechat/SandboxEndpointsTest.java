package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.CardExtRequest;
import io.wxcard.application.port.out.wechat.CodeStatus;
import io.wxcard.application.port.out.wechat.ImportRequest;
import io.wxcard.application.port.out.wechat.MemberInfo;
import io.wxcard.application.port.out.wechat.MemberUpdate;
import io.wxcard.application.port.out.wechat.QrCode;
import io.wxcard.application.port.out.wechat.QrCodeRequest;
import io.wxcard.application.port.out.wechat.SignedCardExt;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.ActivationForm;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.card.definition.BaseInfo;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.sandbox.SandboxSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the ports over HTTP against the sandbox, beyond the contracts: the error classes the sandbox
 * really answers (41011, 45021, 40124, 43010, 45030, 40078, 40127, SIGN_ERROR, INVALID_REQUEST with its messages, RATELIMIT_EXCEEDED ...) and what
 * the adapter makes of real answers (form answers, deleted codes, QR scans, ticket signatures).
 */
class SandboxEndpointsTest {

    private static SandboxFixture sandbox;
    private static WechatAdapter adapter;
    private static SandboxControl control;
    private final SandboxFixture.Account account = sandbox.newAccount();

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(SandboxSettings.defaults().withoutAutoReview().withPayRateLimitPerSecond(100));
        adapter = WechatAdapter.create(sandbox.settings(), new InMemoryStores().tokens(), Clock.system());
        control = new SandboxControl(sandbox);
    }

    @AfterEach
    void clearFaults() {
        sandbox.clearFaults();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private WechatAccount wx() {
        return account.account();
    }

    private static <T> WechatError error(Either<WechatError, T> result) {
        assertThat(result.isLeft()).as("expected an error but got %s", result.getOrNull()).isTrue();
        return result.getLeft();
    }

    private WechatCardId approved(MemberCardDefinition definition) {
        WechatCardId cardId = adapter.catalog().create(wx(), definition).get();
        control.review(cardId, true);
        return cardId;
    }

    private static OpenId openId() {
        return new OpenId("o" + SandboxFixture.shortId() + SandboxFixture.shortId());
    }

    private static MemberCardDefinition withBase(MemberCardDefinition d, BaseInfo base, boolean supplyBalance) {
        return new MemberCardDefinition(base, d.backgroundPicUrl(), d.prerogative(), d.autoActivate(), d.wxActivate(),
                d.activateUrl(), d.supplyBonus(), d.bonusUrl(), supplyBalance, d.balanceUrl(), d.customFields(),
                d.customCell1(), d.bonusRule(), d.discount(), d.bonusCleared(), d.bonusRules(), d.balanceRules());
    }

    private static BaseInfo base(String title, String notice) {
        BaseInfo b = Fixtures.definition().baseInfo();
        return new BaseInfo(b.logoUrl(), b.codeType(), b.brandName(), title, b.color(), notice, b.description(),
                b.servicePhone(), b.dateInfo(), b.skuQuantity(), b.getLimit(), b.useCustomCode(), b.canShare(),
                b.canGiveFriend(), b.locationIds(), b.useAllLocations(), b.centerButton(), b.customUrl(),
                b.promotionUrl());
    }

    // ---- catalog ----------------------------------------------------------------------------------------------

    @Test
    void creates_the_card_with_every_field_set_and_wechat_keeps_them() {
        WechatCardId cardId = adapter.catalog().create(wx(), Fixtures.fullDefinition()).get();

        JsonNode card = sandbox.control("GET", "/sandbox/cards/" + cardId.value(), null);
        assertThat(card.get("quantity").asLong()).isEqualTo(50_000);
        assertThat(adapter.catalog().get(wx(), cardId).get().status()).isEqualTo("CARD_STATUS_NOT_VERIFY");
    }

    @Test
    void refuses_a_missing_required_field_and_a_too_long_title_as_client_errors() {
        WechatError missing = error(adapter.catalog().create(wx(), withBase(Fixtures.definition(),
                base("Gold", null), true)));
        WechatError tooLong = error(adapter.catalog().create(wx(), withBase(Fixtures.definition(),
                base("TenLetters", "n"), true)));

        assertThat(missing.kind()).isEqualTo(Kind.CLIENT_ERROR);
        assertThat(missing.code()).isEqualTo("41011");
        assertThat(missing.message()).contains("notice");
        assertThat(tooLong.kind()).isEqualTo(Kind.CLIENT_ERROR);
        assertThat(tooLong.code()).isEqualTo("45021");
    }

    @Test
    void refuses_another_accounts_card_as_forbidden() {
        WechatCardId theirs = adapter.catalog().create(sandbox.newAccount().account(), Fixtures.definition()).get();

        WechatError error = error(adapter.catalog().get(wx(), theirs));

        assertThat(error.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(error.code()).isEqualTo("45030");
    }

    @Test
    void refuses_to_update_a_deleted_card_as_a_conflict() {
        WechatCardId cardId = adapter.catalog().create(wx(), Fixtures.definition()).get();
        adapter.catalog().delete(wx(), cardId).get();

        WechatError error = error(adapter.catalog().update(wx(), cardId, Fixtures.definition()));

        assertThat(error.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(error.code()).isEqualTo("40078");
        assertThat(error(adapter.catalog().delete(wx(), cardId)).kind()).isEqualTo(Kind.CONFLICT);
    }

    @Test
    void pages_through_more_cards_than_one_page_holds() {
        List<WechatCardId> created = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            created.add(adapter.catalog().create(wx(), Fixtures.definition()).get());
        }

        List<WechatCardId> all = new ArrayList<>(adapter.catalog().list(wx(), 0, 50).get());
        all.addAll(adapter.catalog().list(wx(), 50, 50).get());

        assertThat(all).containsExactlyElementsOf(created);
        assertThat(error(adapter.catalog().list(wx(), 0, 51)).kind()).isEqualTo(Kind.CLIENT_ERROR);
    }

    // ---- distribution -----------------------------------------------------------------------------------------

    @Test
    void makes_a_qr_code_that_a_member_can_scan_with_its_channel_tag() {
        WechatCardId cardId = approved(Fixtures.definition());

        QrCode qr = adapter.distribution().createQrCode(wx(), new QrCodeRequest(cardId, Option.none(), Option.none(),
                false, Option.of("store_42"), Option.none())).get();

        JsonNode scan = sandbox.control("POST", "/sandbox/qrcodes/" + qr.ticket() + "/scan",
                sandbox.object().put("openid", openId().value()));
        assertThat(sandbox.member(cardId.value(), scan.get("code").asText()).get("outer_str").asText())
                .isEqualTo("store_42");
    }

    @Test
    void signs_a_card_ext_with_the_accounts_current_wx_card_ticket() throws Exception {
        WechatCardId cardId = approved(Fixtures.definition());

        SignedCardExt ext = adapter.distribution().signCardExt(wx(), new CardExtRequest(cardId,
                Option.of(new Code("109631701445")), Option.of(new OpenId("oFS7Fj6ca4dd3ab6aQ")), Option.none(),
                Option.none())).get();

        String ticket = currentTicket();
        assertThat(ext.signature()).isEqualTo(CardExtSigner.signature(ticket, ext.timestamp(), cardId.value(),
                "109631701445", "oFS7Fj6ca4dd3ab6aQ", ext.nonceStr()));
        assertThat(Math.abs(Long.parseLong(ext.timestamp()) - System.currentTimeMillis() / 1000)).isLessThan(60);
    }

    /** The ticket as WeChat has it: fetched beside the adapter (the sandbox answers the same until it expires). */
    private String currentTicket() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String tokenJson = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl()
                + "/cgi-bin/token?grant_type=client_credential&appid=" + account.appId() + "&secret="
                + account.secret())).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String token = SandboxFixture.JSON.readTree(tokenJson).get("access_token").asText();
        String ticketJson = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl()
                + "/cgi-bin/ticket/getticket?type=wx_card&access_token=" + token)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return SandboxFixture.JSON.readTree(ticketJson).get("ticket").asText();
    }

    // ---- members ----------------------------------------------------------------------------------------------

    @Test
    void refuses_balance_on_a_card_without_stored_value_as_forbidden() {
        WechatCardId cardId = approved(withBase(Fixtures.definitionActivatedBy(ActivationMode.AUTO),
                Fixtures.definition().baseInfo(), false));
        Code code = control.handOut(cardId, openId());

        WechatError error = error(adapter.members().updateMember(wx(), new MemberUpdate(cardId, code, Points.of(10),
                Fen.of(0), Option.none(), Option.none(), Option.none(), Option.none(), false, false)));

        assertThat(error.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(error.code()).isEqualTo("43010");
    }

    @Test
    void sets_points_alone_on_a_card_without_stored_value() {
        WechatCardId cardId = approved(withBase(Fixtures.definitionActivatedBy(ActivationMode.AUTO),
                Fixtures.definition().baseInfo(), false));
        Code code = control.handOut(cardId, openId());

        var totals = adapter.members().updateMember(wx(), new MemberUpdate(cardId, code, Option.of(Points.of(10)),
                Option.none(), Option.of(10L), Option.of("purchase"), Option.none(), Option.none(), true, false));

        assertThat(totals.isRight()).as("%s", totals).isTrue();
        assertThat(totals.get().bonus()).isEqualTo(Points.of(10));
        assertThat(sandbox.control("GET", "/sandbox/cards/" + cardId.value() + "/codes/" + code.value(), null)
                .get("bonus").asLong()).isEqualTo(10);
    }

    @Test
    void refuses_totals_for_a_card_the_member_deleted_and_shows_it_deleted() {
        WechatCardId cardId = approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
        OpenId member = openId();
        Code code = control.handOut(cardId, member);
        sandbox.control("POST", "/sandbox/cards/" + cardId.value() + "/codes/" + code.value() + "/delete", null);

        WechatError error = error(adapter.members().updateMember(wx(), new MemberUpdate(cardId, code, Points.of(10),
                Fen.of(10), Option.none(), Option.none(), Option.none(), Option.none(), false, false)));
        CodeStatus status = adapter.members().codeStatus(wx(), cardId, code).get();

        assertThat(error.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(error.code()).isEqualTo("40127");
        assertThat(status.userCardStatus()).isEqualTo("DELETE");
        assertThat(status.canConsume()).isFalse();
        assertThat(adapter.members().cardsOf(wx(), member, Option.none()).get()).isEmpty();
    }

    @Test
    void refuses_updateuser_for_a_member_not_yet_activated_as_a_conflict() {
        WechatCardId cardId = approved(Fixtures.definitionActivatedBy(ActivationMode.MERCHANT_PAGE));
        Code code = control.handOut(cardId, openId());

        WechatError error = error(adapter.members().updateMember(wx(), new MemberUpdate(cardId, code, Points.of(1),
                Fen.of(0), Option.none(), Option.none(), Option.none(), Option.none(), false, false)));

        assertThat(error.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(error.code()).isEqualTo("40078");
    }

    @Test
    void refuses_a_form_with_too_many_custom_questions() {
        WechatCardId cardId = approved(Fixtures.definitionActivatedBy(ActivationMode.ONE_CLICK_FORM));
        ActivationForm tooMany = new ActivationForm(Option.none(), Option.none(), new ActivationForm.Section(false,
                List.of("USER_FORM_INFO_FLAG_MOBILE"), List.of("a", "b", "c", "d", "e", "f"), List.of()),
                ActivationForm.Section.empty());

        WechatError error = error(adapter.members().setActivationForm(wx(), cardId, tooMany));

        assertThat(error.kind()).isEqualTo(Kind.CLIENT_ERROR);
        assertThat(error.code()).isEqualTo("40124");
    }

    @Test
    void reads_every_answer_of_the_form_including_several_values_and_the_merchant_page_handover() {
        MemberCardDefinition oneClick = Fixtures.definitionActivatedBy(ActivationMode.ONE_CLICK_FORM);
        WechatCardId cardId = approved(oneClick);
        adapter.members().setActivationForm(wx(), cardId, Fixtures.activationForm()).get();
        Code code = control.handOut(cardId, openId());
        ObjectNode answers = sandbox.object();
        answers.putArray("common_field_list").addObject().put("name", "USER_FORM_INFO_FLAG_MOBILE")
                .put("value", "13800000000");
        ((com.fasterxml.jackson.databind.node.ArrayNode) answers.get("common_field_list")).addObject()
                .put("name", "USER_FORM_INFO_FLAG_NAME").put("value", "韩梅梅");
        ObjectNode taste = answers.putArray("custom_field_list").addObject().put("name", "口味");
        taste.putArray("value_list").add("浓").add("淡");
        ((com.fasterxml.jackson.databind.node.ArrayNode) answers.get("custom_field_list")).addObject()
                .put("name", "喜欢的茶").put("value", "龙井");

        String ticket = sandbox.control("POST", "/sandbox/cards/" + cardId.value() + "/codes/" + code.value()
                + "/form", answers).get("activate_ticket").asText();

        MemberInfo info = adapter.members().memberInfo(wx(), cardId, code).get();
        assertThat(info.commonFields()).containsEntry("USER_FORM_INFO_FLAG_NAME", "韩梅梅");
        assertThat(info.customFields()).containsEntry("口味", "浓,淡").containsEntry("喜欢的茶", "龙井");
        assertThat(adapter.members().activationFormAnswers(wx(), ticket).get())
                .containsEntry("USER_FORM_INFO_FLAG_MOBILE", "13800000000").containsEntry("口味", "浓,淡");
        assertThat(error(adapter.members().activationFormAnswers(wx(), "no-such-ticket")).kind())
                .isEqualTo(Kind.CLIENT_ERROR);
    }

    // ---- WeChat Pay import --------------------------------------------------------------------------------------

    /** WeChat Pay imports only into a card upgraded for it (membercard-open upgrade), as the sandbox does by default. */
    private WechatCardId upgraded(WechatCardId cardId) {
        adapter.payCardUpgrade().upgrade(sandbox.merchant(account), cardId, new BrandId("1001622624"),
                account.account().appId()).get();
        return cardId;
    }

    private ImportRequest importRequest(WechatCardId cardId, OpenId openId) {
        return new ImportRequest(cardId, openId, Option.none(), "imp-" + SandboxFixture.shortId());
    }

    @Test
    void answers_the_code_a_member_already_holds_when_importing_them_again() {
        WechatCardId cardId = upgraded(approved(Fixtures.definition()));
        OpenId member = openId();
        Code held = adapter.memberImport().importMember(sandbox.merchant(account), importRequest(cardId, member)).get();

        Code again = adapter.memberImport().importMember(sandbox.merchant(account), importRequest(cardId, member)).get();

        assertThat(again).isEqualTo(held);
    }

    @Test
    void refuses_an_import_into_an_unknown_card_as_not_found_with_wechats_message() {
        WechatError error = error(adapter.memberImport().importMember(sandbox.merchant(account),
                importRequest(new WechatCardId("pNoSuchCard000000000000000000"), openId())));

        assertThat(error.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(error.code()).isEqualTo("INVALID_REQUEST");
        assertThat(error.message()).isEqualTo("会员卡ID无效");
    }

    @Test
    void refuses_an_import_into_another_accounts_card_as_forbidden() {
        WechatCardId theirs = adapter.catalog().create(sandbox.newAccount().account(), Fixtures.definition()).get();

        WechatError error = error(adapter.memberImport().importMember(sandbox.merchant(account),
                importRequest(theirs, openId())));

        assertThat(error.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(error.code()).isEqualTo("INVALID_REQUEST");
        assertThat(error.message()).isEqualTo("会员卡的创建商户号不等于调用方商户号");
    }

    @Test
    void refuses_a_request_signed_with_the_wrong_serial_as_a_client_error() {
        WechatCardId cardId = approved(Fixtures.definition());
        MerchantCredentials right = sandbox.merchant(account);
        MerchantCredentials wrongSerial = new MerchantCredentials(right.merchantId(), "0123456789ABCDEF",
                right.privateKeyPem(), right.apiV3Key(), right.platformSerial(), right.platformPublicKeyPem());

        WechatError error = error(adapter.memberImport().importMember(wrongSerial, importRequest(cardId, openId())));

        assertThat(error.kind()).isEqualTo(Kind.CLIENT_ERROR);
        assertThat(error.code()).isEqualTo("SIGN_ERROR");
    }

    @Test
    void distrusts_answers_when_configured_with_another_platform_key() {
        WechatCardId cardId = approved(Fixtures.definition());
        MerchantCredentials right = sandbox.merchant(account);
        MerchantCredentials wrongPlatformKey = new MerchantCredentials(right.merchantId(), right.serialNo(),
                right.privateKeyPem(), right.apiV3Key(), right.platformSerial(),
                TestVectors.text(SandboxFixture.PAY_VECTOR, "public_key_pem"));

        WechatError error = error(adapter.memberImport().importMember(wrongPlatformKey, importRequest(cardId, openId())));

        assertThat(error.kind()).isEqualTo(Kind.UNTRUSTED_ANSWER);
    }

    @Test
    void surfaces_the_rate_limit_as_quota_and_never_repeats_it() throws InterruptedException {
        try (SandboxFixture limited = SandboxFixture.start(SandboxSettings.defaults().withoutAutoReview()
                .withPayRateLimitPerSecond(1))) {
            SandboxFixture.Account own = limited.newAccount();
            WechatAdapter viaLimited = WechatAdapter.create(limited.settings(), new InMemoryStores().tokens(),
                    Clock.system());
            WechatCardId cardId = viaLimited.catalog().create(own.account(), Fixtures.definition()).get();
            new SandboxControl(limited).review(cardId, true);
            viaLimited.payCardUpgrade().upgrade(limited.merchant(own), cardId, new BrandId("1001622624"),
                    own.account().appId()).get();
            Thread.sleep(1100); // the upgrade took this second's one call
            List<WechatError> errors = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                viaLimited.memberImport().importMember(limited.merchant(own), importRequest(cardId, openId()))
                        .swap().forEach(errors::add);
            }

            assertThat(errors).isNotEmpty().allSatisfy(e -> {
                assertThat(e.kind()).isEqualTo(Kind.QUOTA);
                assertThat(e.code()).isEqualTo("RATELIMIT_EXCEEDED");
            });
            assertThat(limited.calls("/v3/marketing/membercard-open/cards/" + cardId.value() + "/users/import", null))
                    .hasSize(6);
        }
    }

    @Test
    void repeats_an_import_whose_answers_were_lost_with_the_same_out_request_no_and_imports_once() {
        WechatCardId cardId = upgraded(approved(Fixtures.definition()));
        ImportRequest request = importRequest(cardId, openId());
        long importsBefore = sandbox.stats().get("imports").asLong();
        sandbox.faults(sandbox.object().put("busy_ratio", 1.0).put("after_apply", true).put("path_prefix", "/v3/"));

        WechatError lost = error(adapter.memberImport().importMember(sandbox.merchant(account), request));
        sandbox.clearFaults();
        Code code = adapter.memberImport().importMember(sandbox.merchant(account), request).get();

        assertThat(lost.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(lost.code()).isEqualTo("SYSTEM_ERROR");
        assertThat(sandbox.stats().get("imports").asLong() - importsBefore).isEqualTo(1);
        assertThat(sandbox.member(cardId.value(), code.value()).get("has_active").asBoolean()).isTrue();
    }

    @Test
    void refuses_an_import_into_a_card_not_yet_approved_as_a_client_error() {
        WechatCardId cardId = upgraded(adapter.catalog().create(wx(), Fixtures.definition()).get());

        WechatError error = error(adapter.memberImport().importMember(sandbox.merchant(account),
                importRequest(cardId, openId())));

        assertThat(error.kind()).isEqualTo(Kind.CLIENT_ERROR);
        assertThat(error.code()).isEqualTo("INVALID_REQUEST");
    }
}
