package io.wxcard.benchmarks.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@link ServiceWorld} is seeded, through the service's own ways in: the tenant added with its CLI, the card
 * drafted and approved over its API, the members imported through its import route (so they are activated, with 0
 * points, on both sides).
 */
final class WorldSeeding {

    /** WeChat's own card/create body: points, no stored value, activated on the merchant's page (or by import). */
    static final String CARD = """
            {"card": {"card_type": "MEMBER_CARD", "member_card": {
              "base_info": {
                "logo_url": "https://mmbiz.qpic.cn/bench/logo.png", "brand_name": "Bench Tea",
                "code_type": "CODE_TYPE_QRCODE", "title": "Bench", "color": "Color010",
                "notice": "Show at the till", "description": "Earn a point for every yuan.",
                "date_info": {"type": "DATE_TYPE_PERMANENT"}, "sku": {"quantity": 100000}, "get_limit": 1,
                "use_all_locations": true},
              "prerogative": "10% off every drink",
              "activate_url": "https://shop.example.com/activate",
              "supply_bonus": true, "supply_balance": false}}}
            """;

    private WorldSeeding() {}

    /**
     * Registers the world's account with the sandbox (safe-mode pushes, WeChat Pay merchant credentials: an RSA key
     * pair made here, the sandbox's platform key) and adds the tenant with the service's own CLI; answers its API key.
     */
    static String addTenant(ServiceWorld world) throws IOException {
        Api sandbox = world.sandbox();
        String[] merchantKey = WechatCrypto.newRsaPem();
        String merchantSerial = "BENCH" + WechatCrypto.randomHex(16).toUpperCase();
        JsonNode platform = sandbox.get("/sandbox/platform-certificate").expect(200, "the sandbox's platform key");
        ObjectNode app = Api.JSON.createObjectNode().put("appid", world.account().appId()).put("secret", world.account().appSecret()).put("token", world.account().token())
                .put("encoding_aes_key", world.account().aesKey()).put("callback_url", world.pushUrl()).put("mode", "safe")
                .put("mchid", "1900000099").put("merchant_serial", merchantSerial)
                .put("merchant_public_key_pem", merchantKey[1]);
        sandbox.post("/sandbox/apps", app.toString()).expect(200, "registering the account with the sandbox");
        // Builds before the card upgrade (V7) cannot upgrade a card, so every world imports without it, alike.
        sandbox.post("/sandbox/apps/" + world.account().appId() + "/require-card-upgrade", "{\"enabled\":false}")
                .expect(200, "letting the account import into cards not upgraded for WeChat Pay");
        Path secrets = Files.createDirectories(world.work().resolve("secrets"));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("appsecret", world.account().appSecret());
        files.put("token", world.account().token());
        files.put("aeskey", world.account().aesKey());
        files.put("merchant.pem", merchantKey[0]);
        files.put("apiv3", WechatCrypto.randomHex(16));
        files.put("platform.pem", platform.get("public_key_pem").asText());
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(secrets.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        Proc cli = Proc.start("tenant-add", List.of("-Xmx256m"), List.of("-jar", world.serviceJar(), "tenant", "add",
                "--id", ServiceWorld.TENANT, "--name", "Bench Tea", "--appid", world.account().appId(),
                "--appsecret-file", secrets.resolve("appsecret").toString(),
                "--token-file", secrets.resolve("token").toString(),
                "--aes-key-file", secrets.resolve("aeskey").toString(),
                "--mchid", "1900000099", "--merchant-serial", merchantSerial,
                "--private-key", secrets.resolve("merchant.pem").toString(),
                "--apiv3-key-file", secrets.resolve("apiv3").toString(),
                "--platform-serial", platform.get("serial_no").asText(),
                "--platform-public-key", secrets.resolve("platform.pem").toString()), world.environment());
        int status = cli.waitFor(Duration.ofSeconds(120));
        Matcher key = Pattern.compile("API key \\(shown this once[^)]*\\): (\\S+)").matcher(cli.output());
        if (status != 0 || !key.find()) {
            throw new IllegalStateException("tenant add failed (" + status + "):\n" + cli.tail(40));
        }
        return key.group(1);
    }

    /** A card of the service and its WeChat card_id. */
    record CardIds(String id, String wechatId) {}

    /** Drafts the card, submits it to the sandbox and waits for its approval (pushed back in safe mode). */
    static CardIds prepareCard(Api api) {
        String cardId = api.post("/v1/cards", CARD).expect(201, "drafting the card").get("id").asText();
        JsonNode submitted = api.postWhileUnavailable("/v1/cards/" + cardId + "/submit", "{}")
                .expect(200, "submitting the card");
        String wechatCardId = submitted.get("wechat_card_id").asText();
        Waits.await("the card approved (card_pass_check pushed in safe mode)", Duration.ofSeconds(60),
                () -> api.get("/v1/cards/" + cardId).json().path("state").asText().equals("APPROVED"));
        return new CardIds(cardId, wechatCardId);
    }

    /**
     * Imports {@code count} new members (openids unique to this run) through the REST import route and waits until
     * they are all imported; answers every member of the card.
     */
    static List<ServiceWorld.Member> importMembers(ServiceWorld world, int count) throws SQLException {
        Api api = world.api();
        String cardId = world.cardId();
        StringBuilder csv = new StringBuilder("openid\n");
        for (int i = 0; i < count; i++) {
            csv.append(world.openId(i)).append('\n');
        }
        String importId = api.post("/v1/cards/" + cardId + "/imports", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)).expect(202, "importing the members").get("id").asText();
        Waits.await(count + " members imported", Duration.ofSeconds(60 + count / 20),
                () -> api.get("/v1/imports/" + importId).json().path("status").asText().equals("COMPLETED"));
        JsonNode done = api.get("/v1/imports/" + importId).json();
        if (done.path("counts").path("imported").asLong() != count) {
            throw new IllegalStateException("the members' import did not import them all: " + done);
        }
        return world.tables().query("SELECT code, open_id FROM memberships ORDER BY code",
                rows -> new ServiceWorld.Member(rows.getString(1), rows.getString(2)));
    }
}
