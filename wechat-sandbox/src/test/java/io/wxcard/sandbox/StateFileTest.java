package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file: what a restarted sandbox still knows, background saving, and refusing a corrupt file. */
class StateFileTest {
    private static final JsonNode PAY = TestVectors.load("wechatpay-v3.json");

    private static SandboxApp app() {
        return SandboxApp.plain(Fixture.APP_ID, Fixture.SECRET, Fixture.TOKEN, null)
                .withMerchant(PAY.get("mchid").asText(), PAY.get("serial_no").asText(),
                        PAY.get("public_key_pem").asText());
    }

    private static String token(Http http) {
        Http.Response response = http.get("/cgi-bin/token?grant_type=client_credential&appid=" + Fixture.APP_ID
                + "&secret=" + Fixture.SECRET);
        assertThat(response.errcode()).as(response.body()).isZero();
        return response.json().get("access_token").asText();
    }

    private static String member(String cardId, String code, String more) {
        return "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code + "\"" + more + "}";
    }

    @Test
    void a_restarted_sandbox_knows_the_cards_members_and_accounts_of_the_previous_run(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("not-yet/sandbox-state.json");
        SandboxSettings settings = SandboxSettings.defaults().withoutAutoReview().withStateFile(file);
        String cardId;
        String underReview;
        String code;
        String encryptCode;
        String oldToken;
        String qrTicket;
        String serial;
        String importedCode;
        long pageId;
        String logoPath;
        try (Fixture f = Fixture.start(settings, app())) {
            cardId = f.approvedCard(Fixture.memberCard());
            underReview = f.createCard(Fixture.memberCard());
            assertThat(f.oa("/card/testwhitelist/set", "{\"openid\":[\"oTester1\"]}").errcode()).isZero();
            Http.Response received = f.control("/sandbox/cards/" + cardId + "/users",
                    "{\"openid\":\"oKept1\",\"outer_str\":\"store_7\",\"nickname\":\"Lin\"}");
            code = received.json().get("code").asText();
            encryptCode = received.json().get("encrypt_code").asText();
            assertThat(f.oa("/card/membercard/updateuser", member(cardId, code,
                    ",\"bonus\":120,\"balance\":300,\"record_bonus\":\"order 9\"")).errcode()).isZero();
            f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/wechat-side-change",
                    "{\"bonus_delta\":-20,\"reason\":\"mall\"}");
            qrTicket = f.oa("/card/qrcode/create", "{\"action_name\":\"QR_CARD\",\"action_info\":{\"card\":"
                    + "{\"card_id\":\"" + cardId + "\",\"outer_str\":\"poster\"}}}").json().get("ticket").asText();
            pageId = f.oa("/card/landingpage/create", "{\"banner\":\"http://b\",\"page_title\":\"Join\","
                    + "\"scene\":\"SCENE_H5\",\"card_list\":[{\"card_id\":\"" + cardId + "\",\"thumb_url\":\"http://t\"}]}")
                    .json().get("page_id").asLong();
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4};
            String logoUrl = Multipart.upload(f.http, "/cgi-bin/media/uploadimg?access_token=" + f.token(),
                    "buffer", "logo.png", png).json().get("url").asText();
            logoPath = MediaRoutes.servedPath(logoUrl);
            payUpgrade(f.http, cardId);
            importedCode = payImport(f.http, cardId, "oImported1", "import-1").json().get("code").asText();
            oldToken = f.token();
            serial = f.sandbox.platformSerial();
        }
        assertThat(file).exists();
        assertThat(Files.readString(file)).contains(cardId, code, Fixture.SECRET);

        try (WechatSandbox sandbox = WechatSandbox.start(settings)) {
            Http http = new Http(sandbox.baseUrl());
            assertThat(http.post("/card/get?access_token=" + oldToken, "{\"card_id\":\"" + cardId + "\"}").errcode())
                    .as("tokens are not kept").isEqualTo(40001);
            String token = token(http);

            JsonNode card = http.post("/card/get?access_token=" + token, "{\"card_id\":\"" + cardId + "\"}").json();
            assertThat(card.get("errcode").asInt()).isZero();
            JsonNode baseInfo = card.get("card").get("member_card").get("base_info");
            assertThat(baseInfo.get("status").asText()).isEqualTo("CARD_STATUS_DISPATCH");
            assertThat(baseInfo.get("title").asText()).isEqualTo("Gold Card");
            assertThat(baseInfo.get("sku").get("quantity").asLong()).isEqualTo(99);

            JsonNode user = http.post("/card/membercard/userinfo/get?access_token=" + token,
                    member(cardId, code, "")).json();
            assertThat(user.get("errcode").asInt()).as(user.toString()).isZero();
            assertThat(user.get("openid").asText()).isEqualTo("oKept1");
            assertThat(user.get("nickname").asText()).isEqualTo("Lin");
            assertThat(user.get("bonus").asLong()).isEqualTo(100);
            assertThat(user.get("balance").asLong()).isEqualTo(300);
            assertThat(user.get("membership_number").asText()).isEqualTo(code);
            assertThat(user.get("has_active").asBoolean()).isTrue();
            JsonNode state = http.get("/sandbox/cards/" + cardId + "/codes/" + code).json();
            assertThat(state.get("outer_str").asText()).isEqualTo("store_7");
            assertThat(state.get("changes")).extracting(c -> c.get("source").asText())
                    .containsExactly("updateuser", "wechat");
            assertThat(state.get("changes").get(0).get("record_bonus").asText()).isEqualTo("order 9");

            assertThat(http.post("/card/membercard/updateuser?access_token=" + token,
                    member(cardId, code, ",\"add_bonus\":5")).json().get("result_bonus").asLong()).isEqualTo(105);
            assertThat(http.post("/card/code/decrypt?access_token=" + token,
                    "{\"encrypt_code\":\"" + encryptCode + "\"}").json().get("code").asText()).isEqualTo(code);
            assertThat(http.post("/card/code/get?access_token=" + token, member(cardId, importedCode, "")).json()
                    .get("openid").asText()).isEqualTo("oImported1");
            assertThat(payImport(http, cardId, "oImported1", "import-1").json().get("code").asText())
                    .as("the same out_request_no answers the same code").isEqualTo(importedCode);
            assertThat(payImport(http, cardId, "oImported2", "import-2").json().get("code").asText())
                    .as("the upgrade is kept: a new import works").isNotEqualTo(importedCode);
            assertThat(sandbox.platformSerial()).isEqualTo(serial);
            assertThat(http.get(logoPath).status()).isEqualTo(200);

            Http.Response scan = http.post("/sandbox/qrcodes/" + qrTicket + "/scan", "{\"openid\":\"oScanner1\"}");
            assertThat(scan.status()).as(scan.body()).isEqualTo(200);
            assertThat(scan.json().get("code").asText()).isNotIn(code, importedCode);
            assertThat(http.post("/sandbox/cards/" + underReview + "/users", "{\"openid\":\"oTester1\"}").status())
                    .as("the whitelist is kept").isEqualTo(200);
            assertThat(http.post("/card/landingpage/create?access_token=" + token, "{\"banner\":\"http://b\","
                    + "\"page_title\":\"Again\",\"scene\":\"SCENE_H5\",\"card_list\":[{\"card_id\":\"" + cardId
                    + "\",\"thumb_url\":\"http://t\"}]}").json().get("page_id").asLong()).isGreaterThan(pageId);
        }

        // a run that auto-reviews gives the card still under review its review again
        try (WechatSandbox sandbox = WechatSandbox.start(SandboxSettings.defaults()
                .withReviewDelay(Duration.ofMillis(50)).withStateFile(file))) {
            Http http = new Http(sandbox.baseUrl());
            awaitStatus(http, underReview, "CARD_STATUS_VERIFY_OK");
            assertThat(http.get("/sandbox/cards/" + underReview).json().get("members").asInt()).isEqualTo(1);
        }
    }

    @Test
    void changes_are_saved_in_the_background_without_waiting_for_close(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        try (Fixture f = Fixture.start(SandboxSettings.defaults().withoutAutoReview().withStateFile(file), app())) {
            String cardId = f.createCard(Fixture.memberCard());

            long deadline = System.currentTimeMillis() + 5_000;
            while (!(Files.exists(file) && Files.readString(file).contains(cardId))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            JsonNode saved = Http.JSON.readTree(Files.readString(file));
            assertThat(saved.get("format").asText()).isEqualTo("wechat-sandbox-state");
            assertThat(saved.get("cards").get(0).get("card_id").asText()).isEqualTo(cardId);
        }
        // Checked once the sandbox has stopped: while it runs, a later save may be writing its temporary file.
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void a_corrupt_state_file_fails_the_start_naming_the_file(@TempDir Path dir) throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"format\":\"wechat-sandbox-sta");
        assertThatThrownBy(() -> WechatSandbox.start(SandboxSettings.defaults().withStateFile(garbage)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot load the sandbox state from " + garbage.toAbsolutePath());

        Path other = Files.writeString(dir.resolve("other.json"), "{\"cards\":[]}");
        assertThatThrownBy(() -> WechatSandbox.start(SandboxSettings.defaults().withStateFile(other)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(other.toAbsolutePath().toString()).hasMessageContaining("not a sandbox state");

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\":\"wechat-sandbox-state\","
                + "\"version\":1,\"apps\":[],\"whitelists\":{},\"cards\":[{\"card_id\":\"pABC\",\"appid\":\"wx1\"}]}");
        assertThatThrownBy(() -> WechatSandbox.start(SandboxSettings.defaults().withStateFile(broken)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(broken.toAbsolutePath().toString())
                .hasMessageContaining("card pABC").hasMessageContaining("member_card");
        assertThat(Files.readString(broken)).as("a file that cannot be loaded is left alone").contains("pABC");
    }

    private static void awaitStatus(Http http, String cardId, String status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        String seen;
        do {
            seen = http.get("/sandbox/cards/" + cardId).json().get("status").asText();
            if (seen.equals(status)) {
                return;
            }
            Thread.sleep(20);
        } while (System.currentTimeMillis() < deadline);
        assertThat(seen).isEqualTo(status);
    }

    /** A WeChat Pay v3 import signed with the merchant key of the test vectors. */
    private static Http.Response payImport(Http http, String cardId, String openid, String outRequestNo)
            throws Exception {
        Http.Response response = paySigned(http, "/v3/marketing/membercard-open/cards/" + cardId + "/users/import",
                "{\"openid\":\"" + openid + "\",\"out_request_no\":\"" + outRequestNo + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    /** The membercard-open upgrade, which WeChat Pay requires before an import. */
    private static void payUpgrade(Http http, String cardId) throws Exception {
        Http.Response response = paySigned(http, "/v3/marketing/membercard-open/cards/" + cardId + "/upgrade",
                "{\"brand_id\":\"1001622624\",\"appid\":\"" + Fixture.APP_ID + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private static Http.Response paySigned(Http http, String path, String body) throws Exception {
        long timestamp = System.currentTimeMillis() / 1000;
        String nonce = UUID.randomUUID().toString().replace("-", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(PAY.get("private_key_pem").asText().replaceAll("-----[A-Z ]+-----|\\s", ""))));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(("POST\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n")
                .getBytes(StandardCharsets.UTF_8));
        String authorization = "WECHATPAY2-SHA256-RSA2048 mchid=\"" + PAY.get("mchid").asText() + "\",nonce_str=\""
                + nonce + "\",signature=\"" + Base64.getEncoder().encodeToString(signer.sign()) + "\",timestamp=\""
                + timestamp + "\",serial_no=\"" + PAY.get("serial_no").asText() + "\"";
        return http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
