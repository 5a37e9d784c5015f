package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.ImportRequest;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.Secret;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WeChat Pay v3: signing against wechatpay-v3.json, answer verification and error handling against a stub that plays
 * WeChat Pay (signing its answers with the vector's key as the platform key).
 */
class PayV3Test {

    private static final JsonNode V = TestVectors.load("wechatpay-v3.json");
    private static final String PLATFORM_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    private static final PrivateKey PLATFORM_KEY = PaySignatures.privateKey(TestVectors.text(V, "private_key_pem"));
    private static final String CARD = "pFS7Fjg4bc67d27deXz";
    private static final String IMPORT_PATH = "/v3/marketing/membercard-open/cards/" + CARD + "/users/import";
    private static final String USER_CARDS_PATH = "/v3/marketing/membercard-open/user/cards";

    private final StubServer stub = new StubServer();
    private final WechatAdapter adapter = WechatAdapter.create(WechatSettings.defaults().withBaseUrl(stub.baseUrl()),
            new InMemoryStores().tokens(), Clock.system());

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private static MerchantCredentials merchant() {
        return new MerchantCredentials(TestVectors.text(V, "mchid"), TestVectors.text(V, "serial_no"),
                Secret.of(TestVectors.text(V, "private_key_pem")), Secret.of(V.get("aead").get("apiv3_key").asText()),
                PLATFORM_SERIAL, TestVectors.text(V, "public_key_pem"));
    }

    private static ImportRequest request(String outRequestNo) {
        return new ImportRequest(new WechatCardId(CARD), new OpenId("oFS7Fj6ca4dd3ab6aQ"), Option.none(), outRequestNo);
    }

    private Either<WechatError, Code> importMember() {
        return adapter.memberImport().importMember(merchant(), request("imp-20261123-000001"));
    }

    /** An answer signed the way WeChat Pay signs, with what the test wants changed. */
    private static StubServer.Answer signed(int status, String body, long timestampOffset, String serial,
                                            String signaturePrefix) {
        String timestamp = Long.toString(Instant.now().getEpochSecond() + timestampOffset);
        String nonce = PaySignatures.nonce();
        String signature = signaturePrefix + PaySignatures.sign(PLATFORM_KEY,
                new String(PaySignatures.responseMessage(timestamp, nonce, body.getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8));
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Signature", signature);
        headers.put("Wechatpay-Serial", serial);
        return new StubServer.Answer(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static StubServer.Answer signed(int status, String body) {
        return signed(status, body, 0, PLATFORM_SERIAL, "");
    }

    private static WechatError error(Either<WechatError, Code> result) {
        assertThat(result.isLeft()).as("expected an error but got %s", result.getOrNull()).isTrue();
        return result.getLeft();
    }

    // ---- signing, the vectors ---------------------------------------------------------------------------------

    @Test
    void signs_the_vectors_request_exactly() {
        String message = PaySignatures.requestMessage(TestVectors.text(V, "method"), TestVectors.text(V, "path"),
                TestVectors.text(V, "timestamp"), TestVectors.text(V, "nonce_str"), TestVectors.text(V, "body"));
        String signature = PaySignatures.sign(PLATFORM_KEY, message);

        assertThat(message).isEqualTo(TestVectors.text(V, "message"));
        assertThat(signature).isEqualTo(TestVectors.text(V, "signature"));
        assertThat(PaySignatures.authorization(TestVectors.text(V, "mchid"), TestVectors.text(V, "nonce_str"),
                signature, TestVectors.text(V, "timestamp"), TestVectors.text(V, "serial_no")))
                .isEqualTo(TestVectors.text(V, "authorization"));
    }

    @Test
    void decrypts_the_vectors_notification_resource() {
        JsonNode aead = V.get("aead");

        Either<WechatError, String> plain = WechatPayNotifications.decryptResource(
                Secret.of(aead.get("apiv3_key").asText()), aead.get("associated_data").asText(),
                aead.get("nonce").asText(), aead.get("ciphertext").asText());

        assertThat(plain.get()).isEqualTo(aead.get("plaintext").asText());
    }

    @Test
    void refuses_a_resource_whose_tag_does_not_hold() {
        JsonNode aead = V.get("aead");

        Either<WechatError, String> wrongData = WechatPayNotifications.decryptResource(
                Secret.of(aead.get("apiv3_key").asText()), "coupon", aead.get("nonce").asText(),
                aead.get("ciphertext").asText());

        assertThat(wrongData.getLeft().kind()).isEqualTo(Kind.UNTRUSTED_ANSWER);
    }

    @Test
    void verifies_a_notification_and_refuses_probes_strangers_and_stale_ones() {
        String body = "{\"id\":\"EV-2018022511223320873\",\"resource\":{}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();

        assertThat(WechatPayNotifications.verify(merchant(), headers(signed(200, body)), bytes, now).isRight()).isTrue();
        assertThat(WechatPayNotifications.verify(merchant(), headers(signed(200, body, 0, PLATFORM_SERIAL,
                PaySignatures.SIGNTEST_PREFIX)), bytes, now).getLeft().kind()).isEqualTo(Kind.UNTRUSTED_ANSWER);
        assertThat(WechatPayNotifications.verify(merchant(), headers(signed(200, body, 0, "OTHER", "")), bytes, now)
                .getLeft().kind()).isEqualTo(Kind.UNTRUSTED_ANSWER);
        assertThat(WechatPayNotifications.verify(merchant(), headers(signed(200, body, -301, PLATFORM_SERIAL, "")),
                bytes, now).getLeft().kind()).isEqualTo(Kind.UNTRUSTED_ANSWER);
        assertThat(WechatPayNotifications.verify(merchant(), Map.of(), bytes, now).getLeft().kind())
                .isEqualTo(Kind.UNTRUSTED_ANSWER);
    }

    private static Map<String, List<String>> headers(StubServer.Answer answer) {
        Map<String, List<String>> headers = new HashMap<>();
        answer.headers().forEach((name, value) -> headers.put(name.toLowerCase(), List.of(value)));
        return headers;
    }

    // ---- the import over HTTP ---------------------------------------------------------------------------------

    @Test
    void imports_with_a_request_signed_over_exactly_what_was_sent() {
        stub.on(IMPORT_PATH, r -> signed(200, "{\"code\":\"109631701445\"}"));

        Code code = importMember().get();

        assertThat(code).isEqualTo(new Code("109631701445"));
        StubServer.Received sent = stub.received(IMPORT_PATH).get(0);
        assertThat(sent.bodyText()).isEqualTo("{\"openid\":\"oFS7Fj6ca4dd3ab6aQ\",\"out_request_no\":\"imp-20261123-000001\"}");
        String authorization = sent.header("Authorization");
        assertThat(authorization).startsWith("WECHATPAY2-SHA256-RSA2048 mchid=\"1925931868\",nonce_str=\"")
                .contains("serial_no=\"07D54D5E30018825\"");
        String timestamp = authorization.replaceAll(".*timestamp=\"([0-9]+)\".*", "$1");
        String nonce = authorization.replaceAll(".*nonce_str=\"([A-Z0-9]+)\".*", "$1");
        String signature = authorization.replaceAll(".*signature=\"([^\"]+)\".*", "$1");
        byte[] message = PaySignatures.requestMessage("POST", IMPORT_PATH, timestamp, nonce, sent.bodyText())
                .getBytes(StandardCharsets.UTF_8);
        assertThat(PaySignatures.verify(PaySignatures.publicKey(TestVectors.text(V, "public_key_pem")), message,
                signature)).isTrue();
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(60);
    }

    @Test
    void refuses_a_2xx_without_signature_and_does_not_retry_it() {
        stub.on(IMPORT_PATH, r -> StubServer.Answer.json("{\"code\":\"109631701445\"}"));

        WechatError error = error(importMember());

        assertThat(error.kind()).isEqualTo(Kind.UNTRUSTED_ANSWER);
        assertThat(stub.received(IMPORT_PATH)).hasSize(1);
    }

    @Test
    void refuses_wechat_pays_signature_probes() {
        stub.on(IMPORT_PATH, r -> signed(200, "{\"code\":\"1\"}", 0, PLATFORM_SERIAL, PaySignatures.SIGNTEST_PREFIX));

        assertThat(error(importMember()).kind()).isEqualTo(Kind.UNTRUSTED_ANSWER);
    }

    @Test
    void refuses_an_answer_signed_with_an_unknown_serial() {
        stub.on(IMPORT_PATH, r -> signed(200, "{\"code\":\"1\"}", 0, "0000000000000000000000000000000000000000", ""));

        WechatError error = error(importMember());

        assertThat(error.kind()).isEqualTo(Kind.UNTRUSTED_ANSWER);
        assertThat(error.message()).contains("unknown platform serial");
    }

    @Test
    void refuses_an_answer_whose_timestamp_is_more_than_5_minutes_off() {
        stub.on(IMPORT_PATH, r -> signed(200, "{\"code\":\"1\"}", 301, PLATFORM_SERIAL, ""));

        assertThat(error(importMember()).kind()).isEqualTo(Kind.UNTRUSTED_ANSWER);
    }

    @Test
    void refuses_an_answer_whose_body_is_not_what_was_signed() {
        stub.on(IMPORT_PATH, r -> {
            StubServer.Answer genuine = signed(200, "{\"code\":\"1\"}");
            return new StubServer.Answer(200, genuine.headers(), "{\"code\":\"2\"}".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(error(importMember()).kind()).isEqualTo(Kind.UNTRUSTED_ANSWER);
    }

    @Test
    void turns_an_html_gateway_page_into_a_clean_transient_error_and_retries_with_the_same_out_request_no() {
        stub.on(IMPORT_PATH, r -> StubServer.Answer.of(502, "text/html",
                "<html><body><h1>502 Bad Gateway</h1></body></html>"));

        WechatError error = error(importMember());

        assertThat(error.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(error.code()).isEqualTo("http_502");
        assertThat(error.message()).doesNotContain("<html>");
        List<StubServer.Received> attempts = stub.received(IMPORT_PATH);
        assertThat(attempts).hasSize(Retries.MAX_ATTEMPTS);
        assertThat(attempts).extracting(StubServer.Received::bodyText).containsOnly(attempts.get(0).bodyText());
        assertThat(attempts).extracting(r -> r.header("Authorization")).doesNotHaveDuplicates();
    }

    @Test
    void retries_a_system_error_with_the_same_out_request_no_until_it_succeeds() {
        AtomicInteger calls = new AtomicInteger();
        stub.on(IMPORT_PATH, r -> calls.incrementAndGet() == 1
                ? signed(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"busy, retry with the same parameters\"}")
                : signed(200, "{\"code\":\"109631701445\"}"));

        assertThat(importMember().get()).isEqualTo(new Code("109631701445"));
        assertThat(stub.received(IMPORT_PATH)).hasSize(2).extracting(StubServer.Received::bodyText)
                .allMatch(body -> body.contains("\"out_request_no\":\"imp-20261123-000001\""));
    }

    @Test
    void surfaces_rate_limiting_as_quota_without_retrying() {
        stub.on(IMPORT_PATH, r -> signed(429, "{\"code\":\"RATELIMIT_EXCEEDED\",\"message\":\"接口请求频率达到限制\"}"));

        WechatError error = error(importMember());

        assertThat(error.kind()).isEqualTo(Kind.QUOTA);
        assertThat(error.code()).isEqualTo("RATELIMIT_EXCEEDED");
        assertThat(stub.received(IMPORT_PATH)).hasSize(1);
    }

    @Test
    void treats_wechat_pays_already_imported_refusal_as_success_with_the_code_the_users_cards_name() {
        stub.on(IMPORT_PATH, r -> signed(400, "{\"code\":\"INVALID_REQUEST\",\"message\":\"会员已经领取过该卡\"}"));
        stub.on(USER_CARDS_PATH, r -> signed(200, "{\"data\":[{\"card_id\":\"pOther\",\"code\":\"1\"},"
                + "{\"card_id\":\"" + CARD + "\",\"code\":\"100000000042\"}],\"total_count\":2,\"offset\":0,"
                + "\"limit\":20}"));

        assertThat(importMember().get()).isEqualTo(new Code("100000000042"));
        assertThat(stub.received(USER_CARDS_PATH)).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("openid=oFS7Fj6ca4dd3ab6aQ&offset=0&limit=20"));
    }

    @Test
    void the_brand_apis_already_active_message_counts_as_imported_too() {
        stub.on(IMPORT_PATH, r -> signed(400, "{\"code\":\"INVALID_REQUEST\",\"message\":\"用户已有已生效的会员卡\"}"));
        stub.on(USER_CARDS_PATH, r -> signed(200, "{\"data\":[{\"card_id\":\"" + CARD
                + "\",\"code\":\"100000000043\"}],\"total_count\":1}"));

        assertThat(importMember().get()).isEqualTo(new Code("100000000043"));
    }

    @Test
    void an_already_imported_refusal_is_believed_only_through_a_signed_list_of_the_users_cards() {
        stub.on(IMPORT_PATH, r -> StubServer.Answer.of(400, "application/json",
                "{\"code\":\"INVALID_REQUEST\",\"message\":\"会员已经领取过该卡\"}"));
        stub.on(USER_CARDS_PATH, r -> StubServer.Answer.of(200, "application/json",
                "{\"data\":[{\"card_id\":\"" + CARD + "\",\"code\":\"100000000042\"}],\"total_count\":1}"));

        assertThat(error(importMember()).kind()).isEqualTo(Kind.UNTRUSTED_ANSWER);
    }

    @Test
    void an_already_imported_refusal_whose_card_the_user_does_not_hold_is_a_conflict() {
        stub.on(IMPORT_PATH, r -> signed(400, "{\"code\":\"INVALID_REQUEST\",\"message\":\"会员已经领取过该卡\"}"));
        stub.on(USER_CARDS_PATH, r -> signed(200, "{\"data\":[],\"total_count\":0}"));

        WechatError error = error(importMember());

        assertThat(error.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(error.code()).isEqualTo("INVALID_REQUEST");
        assertThat(error.message()).contains("会员已经领取过该卡");
    }

    @Test
    void tells_wechat_pays_invalid_request_refusals_apart_by_their_documented_message() {
        Map<String, Kind> expected = Map.of("会员卡ID无效", Kind.NOT_FOUND, "会员卡的创建商户号不等于调用方商户号",
                Kind.FORBIDDEN, "请先升级会员卡才能使用此功能", Kind.FORBIDDEN, "out_request_no reused", Kind.CLIENT_ERROR);
        expected.forEach((message, kind) -> {
            stub.on(IMPORT_PATH, r -> signed(400, "{\"code\":\"INVALID_REQUEST\",\"message\":\"" + message + "\"}"));

            WechatError error = error(importMember());

            assertThat(error.kind()).as(message).isEqualTo(kind);
            assertThat(error.code()).isEqualTo("INVALID_REQUEST");
            assertThat(error.message()).isEqualTo(message);
        });
        assertThat(stub.received(USER_CARDS_PATH)).isEmpty();
    }

    @Test
    void maps_wechat_pays_error_codes_with_their_message() {
        Map<String, Kind> expected = Map.of(
                "{\"code\":\"PARAM_ERROR\",\"message\":\"openid is required\",\"detail\":{\"field\":\"openid\"}}",
                Kind.CLIENT_ERROR,
                "{\"code\":\"SIGN_ERROR\",\"message\":\"signature verification failed\"}", Kind.CLIENT_ERROR,
                "{\"code\":\"NO_AUTH\",\"message\":\"not bound\"}", Kind.FORBIDDEN,
                "{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"no such card\"}", Kind.NOT_FOUND);
        Map<String, Integer> statuses = Map.of("PARAM_ERROR", 400, "SIGN_ERROR", 401, "NO_AUTH", 403,
                "RESOURCE_NOT_EXISTS", 404);
        expected.forEach((body, kind) -> {
            String code = body.replaceAll("\\{\"code\":\"([A-Z_]+)\".*", "$1");
            stub.on(IMPORT_PATH, r -> signed(statuses.get(code), body));

            WechatError error = error(importMember());

            assertThat(error.kind()).as(code).isEqualTo(kind);
            assertThat(error.code()).isEqualTo(code);
            assertThat(error.message()).isNotBlank();
        });
        assertThat(stub.received(IMPORT_PATH)).hasSize(4);
    }

    @Test
    void refuses_a_merchant_key_that_is_not_a_pkcs8_pem_without_calling() {
        MerchantCredentials broken = new MerchantCredentials("1925931868", "07D54D5E30018825",
                Secret.of("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----"), Secret.of("k"),
                PLATFORM_SERIAL, TestVectors.text(V, "public_key_pem"));

        WechatError error = error(adapter.memberImport().importMember(broken, request("imp-1")));

        assertThat(error.kind()).isEqualTo(Kind.CLIENT_ERROR);
        assertThat(error.message()).doesNotContain("not a key");
        assertThat(stub.received).isEmpty();
    }
}
