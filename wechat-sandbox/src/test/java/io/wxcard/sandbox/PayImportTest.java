package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.PrivateKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WeChat Pay v3 import, driven like a merchant's own v3 client: requests signed with the merchant's key (the
 * test key of the vectors), answers verified with the platform key the sandbox publishes.
 */
class PayImportTest {
    private static final JsonNode VECTOR = TestVectors.load("wechatpay-v3.json");
    private static final String MCHID = PayMerchant.MCHID;
    private static final String SERIAL = PayMerchant.SERIAL;
    private static final PrivateKey MERCHANT_KEY = PayMerchant.KEY;
    private static Fixture f;
    private static String cardId;

    @BeforeAll
    static void start() {
        f = Fixture.start(SandboxSettings.defaults().withoutAutoReview().withPayRateLimitPerSecond(1000),
                SandboxApp.plain(Fixture.APP_ID, Fixture.SECRET, Fixture.TOKEN, null)
                        .withMerchant(MCHID, SERIAL, VECTOR.get("public_key_pem").asText()));
        cardId = f.approvedCard(Fixture.memberCard());
        PayMerchant.upgrade(f, cardId);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String path(String card) {
        return "/v3/marketing/membercard-open/cards/" + card + "/users/import";
    }

    private static String body(String openid, String outRequestNo) {
        return "{\"openid\":\"" + openid + "\",\"out_request_no\":\"" + outRequestNo + "\"}";
    }

    private static Http.Response post(String path, String body, long timestamp, String serial, PrivateKey key) {
        return PayMerchant.post(f, path, body, timestamp, serial, key);
    }

    private static Http.Response post(String path, String body) {
        return post(path, body, System.currentTimeMillis() / 1000, SERIAL, MERCHANT_KEY);
    }

    private static void assertSignedByPlatform(Http.Response response) throws Exception {
        PayMerchant.assertSignedByPlatform(f, response);
    }

    private static String error(Http.Response response) {
        return response.json().get("code").asText();
    }

    @Test
    void imports_a_member_silently_and_signs_the_answer() throws Exception {
        Http.Response response = post(path(cardId), body("oImport1", "imp-0001"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertSignedByPlatform(response);
        String code = response.json().get("code").asText();
        assertThat(code).matches("\\d{12}");
        JsonNode state = f.state(cardId, code);
        assertThat(state.get("openid").asText()).isEqualTo("oImport1");
        assertThat(state.get("has_active").asBoolean()).isTrue();
        assertThat(f.http.get("/sandbox/pushes").json().get("pushes"))
                .noneMatch(p -> p.get("xml").asText().contains(code));
    }

    @Test
    void the_same_out_request_no_answers_the_same_code_and_other_parameters_are_refused() throws Exception {
        Http.Response first = post(path(cardId), body("oImport2", "imp-0002"));
        Http.Response retry = post(path(cardId), body("oImport2", "imp-0002"));

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("code").asText()).isEqualTo(first.json().get("code").asText());
        Http.Response reused = post(path(cardId), body("oImport3", "imp-0002"));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(error(reused)).isEqualTo("INVALID_REQUEST");
        assertSignedByPlatform(reused);
    }

    @Test
    void an_openid_already_holding_the_card_is_refused_as_wechat_documents_and_user_cards_names_its_code()
            throws Exception {
        String code = f.receive(cardId, "oImport4");

        Http.Response response = post(path(cardId), body("oImport4", "imp-0004"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(error(response)).isEqualTo("INVALID_REQUEST");
        assertThat(response.json().get("message").asText()).isEqualTo("会员已经领取过该卡");
        assertSignedByPlatform(response);
        Http.Response cards = get("/v3/marketing/membercard-open/user/cards?openid=oImport4&offset=0&limit=20");
        assertThat(cards.status()).isEqualTo(200);
        assertSignedByPlatform(cards);
        assertThat(cards.json().get("total_count").asInt()).isEqualTo(1);
        assertThat(cards.json().get("data").get(0).get("card_id").asText()).isEqualTo(cardId);
        assertThat(cards.json().get("data").get(0).get("code").asText()).isEqualTo(code);
        assertThat(get("/v3/marketing/membercard-open/user/cards?openid=oImport4&offset=0&limit=21").status())
                .isEqualTo(400);
    }

    private static Http.Response get(String pathAndQuery) {
        return PayMerchant.get(f, pathAndQuery);
    }

    @Test
    void the_code_given_is_used() {
        Http.Response response = post(path(cardId),
                "{\"openid\":\"oImport5\",\"code\":\"777000111222\",\"out_request_no\":\"imp-0005\"}");

        assertThat(response.json().get("code").asText()).isEqualTo("777000111222");
        Http.Response taken = post(path(cardId),
                "{\"openid\":\"oImport6\",\"code\":\"777000111222\",\"out_request_no\":\"imp-0006\"}");
        assertThat(error(taken)).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void parameters_are_checked() {
        Http.Response noOpenid = post(path(cardId), "{\"out_request_no\":\"imp-0007\"}");
        assertThat(noOpenid.status()).isEqualTo(400);
        assertThat(error(noOpenid)).isEqualTo("PARAM_ERROR");
        assertThat(noOpenid.json().get("message").asText()).contains("openid");

        Http.Response longNo = post(path(cardId), body("oImport8", "x".repeat(129)));
        assertThat(longNo.status()).isEqualTo(400);
        assertThat(error(longNo)).isEqualTo("PARAM_ERROR");
        assertThat(post(path(cardId), "not json").status()).isEqualTo(400);
        assertThat(post(path(cardId), body("oImport8", "x".repeat(128))).status()).isEqualTo(200);
    }

    @Test
    void requests_that_are_not_the_merchants_are_refused_with_sign_error() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        Http.Response stale = post(path(cardId), body("oImport9", "imp-0009"), now - 301, SERIAL, MERCHANT_KEY);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(error(stale)).isEqualTo("SIGN_ERROR");
        assertSignedByPlatform(stale);

        assertThat(post(path(cardId), body("oImport9", "imp-0009"), now, "0000", MERCHANT_KEY).status())
                .isEqualTo(401);
        PrivateKey otherKey = java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        assertThat(post(path(cardId), body("oImport9", "imp-0009"), now, SERIAL, otherKey).status())
                .isEqualTo(401);
        Http.Response unsigned = f.http.post(path(cardId), body("oImport9", "imp-0009"));
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(error(unsigned)).isEqualTo("SIGN_ERROR");
    }

    @Test
    void a_body_changed_after_signing_is_refused() {
        String path = path(cardId);
        long timestamp = System.currentTimeMillis() / 1000;
        String signed = body("oImport10", "imp-0010");
        String message = "POST\n" + path + "\n" + timestamp + "\nN0NCE\n" + signed + "\n";
        String authorization = "WECHATPAY2-SHA256-RSA2048 mchid=\"" + MCHID + "\",nonce_str=\"N0NCE\",signature=\""
                + sign(MERCHANT_KEY, message) + "\",timestamp=\"" + timestamp + "\",serial_no=\"" + SERIAL + "\"";

        Http.Response response = f.http.send(HttpRequest.newBuilder(URI.create(f.sandbox.baseUrl() + path))
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body("oImport10", "imp-9999"))));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void unknown_cards_and_other_accounts_are_refused_with_wechats_invalid_request_messages() {
        Http.Response unknown = post(path("pNoSuchCard"), body("oImport11", "imp-0011"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(error(unknown)).isEqualTo("INVALID_REQUEST");
        assertThat(unknown.json().get("message").asText()).isEqualTo("会员卡ID无效");

        f.sandbox.registerApp(SandboxApp.plain("wxpayother0000001", "other-secret", "t", null));
        String token = f.http.get("/cgi-bin/token?grant_type=client_credential&appid=wxpayother0000001"
                + "&secret=other-secret").json().get("access_token").asText();
        String otherCard = f.http.post("/card/create?access_token=" + token,
                Http.json(Fixture.createBody(Fixture.memberCard()))).json().get("card_id").asText();
        f.control("/sandbox/cards/" + otherCard + "/review", "{\"result\":\"pass\"}");
        Http.Response foreignCard = post(path(otherCard), body("oImport12", "imp-0012"));
        assertThat(foreignCard.status()).isEqualTo(400);
        assertThat(error(foreignCard)).isEqualTo("INVALID_REQUEST");
        assertThat(foreignCard.json().get("message").asText()).isEqualTo("会员卡的创建商户号不等于调用方商户号");

        f.control("/sandbox/cards/" + otherCard + "/users", "{\"openid\":\"oOtherAccount1\"}");
        Http.Response foreignOpenid = post(path(cardId), body("oOtherAccount1", "imp-0013"));
        assertThat(foreignOpenid.status()).isEqualTo(403);
        assertThat(error(foreignOpenid)).isEqualTo("NO_AUTH");
    }

    @Test
    void a_card_not_yet_approved_cannot_take_imports() {
        String underReview = f.createCard(Fixture.memberCard());
        PayMerchant.upgrade(f, underReview);

        Http.Response response = post(path(underReview), body("oImport14", "imp-0014"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(error(response)).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void the_platform_certificate_is_published_by_the_control_api() {
        JsonNode certificate = f.http.get("/sandbox/platform-certificate").json();

        assertThat(certificate.get("serial_no").asText()).isEqualTo(f.sandbox.platformSerial()).hasSize(40);
        assertThat(certificate.get("public_key_pem").asText()).isEqualTo(f.sandbox.platformPublicKeyPem())
                .startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void too_many_requests_from_one_merchant_are_rate_limited() {
        try (Fixture limited = Fixture.start(SandboxSettings.defaults().withPayRateLimitPerSecond(1),
                SandboxApp.plain(Fixture.APP_ID, Fixture.SECRET, Fixture.TOKEN, null)
                        .withMerchant(MCHID, SERIAL, VECTOR.get("public_key_pem").asText()))) {
            Fixture saved = f;
            f = limited;
            try {
                int tooMany = 0;
                for (int i = 0; i < 4; i++) {
                    Http.Response response = post(path("pAnyCard"), body("oRate" + i, "rate-" + i));
                    if (response.status() == 429) {
                        tooMany++;
                        assertThat(error(response)).isEqualTo("RATELIMIT_EXCEEDED");
                    }
                }
                assertThat(tooMany).isPositive();
            } finally {
                f = saved;
            }
        }
    }

    @Test
    void injected_faults_answer_system_error() throws Exception {
        f.control("/sandbox/faults", "{\"http_5xx_ratio\":1.0,\"path_prefix\":\"/v3/\"}");
        try {
            Http.Response response = post(path(cardId), body("oImport15", "imp-0015"));
            assertThat(response.status()).isEqualTo(500);
            assertThat(error(response)).isEqualTo("SYSTEM_ERROR");
            assertSignedByPlatform(response);
            // the OA API is outside the path prefix and keeps working
            assertThat(f.oa("/card/get", "{\"card_id\":\"" + cardId + "\"}").errcode()).isZero();
        } finally {
            f.control("/sandbox/faults", "{\"clear\":true}");
        }
        assertThat(post(path(cardId), body("oImport15", "imp-0015")).status()).isEqualTo(200);
    }

    private static String sign(PrivateKey key, String message) {
        return PayMerchant.sign(key, message);
    }
}
