package io.wxcard.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Walks one card through its whole life against the running service, with the built-in sandbox playing WeChat and
 * the member: upload the logo, create, submit, approved, QR code, a member receives the card, activates, earns points and stored value,
 * is invalidated, the card is deleted. Each state is printed as it happens.
 */
@Command(name = "demo", description = "Drive the whole lifecycle against the running service and its sandbox.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the service (default: ${DEFAULT-VALUE})")
    String url;
    @Option(names = "--api-key", description = "the demo tenant's API key (default: $CARD_DEMO_API_KEY)")
    String apiKey;
    @Option(names = "--sandbox-url", defaultValue = "http://127.0.0.1:8090", description = "the sandbox (default: ${DEFAULT-VALUE})")
    String sandboxUrl;
    @Option(names = "--timeout-seconds", defaultValue = "30", description = "how long to wait for each step")
    int timeoutSeconds;

    private HttpJson api;
    private HttpJson sandbox;
    private int step;

    @Override
    public Integer call() {
        String key = apiKey != null ? apiKey : System.getenv("CARD_DEMO_API_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("give the demo tenant's API key: --api-key (the service prints it when it starts)");
        }
        api = new HttpJson(url, key);
        sandbox = new HttpJson(sandboxUrl, null);

        String logo = api.postPart("/v1/images", "buffer", "logo.png", "image/png", LOGO).ok("uploading the logo")
                .get("url").asText();
        say("logo uploaded to WeChat (media/uploadimg; WeChat takes card pictures from its own host only): %s", logo);

        JsonNode card = api.post("/v1/cards", HttpJson.parse(CARD.replace(LOGO_URL, logo)), Map.of())
                .ok("creating the card");
        String cardId = card.get("id").asText();
        say("card %s drafted: %s", cardId, card.get("state").asText());

        card = api.post("/v1/cards/" + cardId + "/submit", Map.of(), Map.of()).ok("submitting the card");
        String wechatCardId = card.get("wechat_card_id").asText();
        say("submitted to WeChat as %s: %s", wechatCardId, card.get("state").asText());

        card = await("WeChat's review", () -> api.get("/v1/cards/" + cardId).ok("reading the card"),
                c -> c.get("state").asText().equals("APPROVED"));
        say("WeChat approved the card (card_pass_check pushed to the service): %s", card.get("state").asText());

        JsonNode qr = api.post("/v1/cards/" + cardId + "/qr-codes", Map.of("outer_str", "demo-store"), Map.of())
                .ok("creating a QR code");
        say("QR code for the till: %s", qr.get("url").asText());

        String openId = "oDemo" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        JsonNode scan = sandbox.post("/sandbox/qrcodes/" + qr.get("ticket").asText() + "/scan", Map.of("openid", openId),
                Map.of()).ok("the member scanning the QR code");
        String code = scan.get("code").asText();
        String membership = "/v1/cards/" + cardId + "/memberships/" + code;
        JsonNode member = await("the user_get_card push", () -> api.get(membership),
                answer -> answer.status() == 200).body();
        say("member %s received the card, code %s: %s", openId, code, member.get("state").asText());
        say("the card is now %s", api.get("/v1/cards/" + cardId).ok("reading the card").get("state").asText());

        member = api.post(membership + "/activate", Map.of("membership_number", "DEMO-" + code.substring(code.length() - 4),
                "init_bonus", 100), Map.of()).ok("activating");
        say("activated on the merchant's page: %s, %d points", member.get("state").asText(), member.get("points").asLong());

        String orderKey = "order-" + UUID.randomUUID();
        Map<String, Object> purchase = Map.of("delta", 50, "reason", "first coffee", "notify", true);
        JsonNode entry = api.post(membership + "/points", purchase, Map.of("Idempotency-Key", orderKey)).ok("adding points");
        HttpJson.Answer replay = api.post(membership + "/points", purchase, Map.of("Idempotency-Key", orderKey));
        say("earned 50 points; the same request sent again is answered from the ledger (replayed: %s), changing nothing",
                replay.headers().getOrDefault("Idempotent-Replayed", "false"));
        api.post(membership + "/balance", Map.of("delta", 5000, "reason", "top-up", "notify", true),
                Map.of("Idempotency-Key", "topup-" + UUID.randomUUID())).ok("adding stored value");
        member = api.get(membership).ok("reading the membership");
        say("ledger totals: %d points, %d fen stored value (entry %d)", member.get("points").asLong(),
                member.get("balance").asLong(), entry.get("sequence").asLong());

        String onWechat = "/sandbox/cards/" + wechatCardId + "/codes/" + code;
        long points = member.get("points").asLong();
        long balance = member.get("balance").asLong();
        JsonNode wechatSide = await("the outbox to bring WeChat in step", () -> sandbox.get(onWechat).ok("reading WeChat"),
                w -> w.get("bonus").asLong() == points && w.get("balance").asLong() == balance);
        say("WeChat shows the same totals (synced through the outbox): %d points, %d fen",
                wechatSide.get("bonus").asLong(), wechatSide.get("balance").asLong());

        member = api.post(membership + "/invalidate", Map.of("reason", "demo over"), Map.of()).ok("invalidating");
        say("membership invalidated: %s", member.get("state").asText());
        await("WeChat to make the code unavailable", () -> sandbox.get(onWechat).ok("reading WeChat"),
                w -> w.toString().contains("UNAVAILABLE"));
        say("WeChat made the code unavailable");

        card = api.delete("/v1/cards/" + cardId).ok("deleting the card");
        say("card deleted: %s", card.get("state").asText());
        await("WeChat to delete the card", () -> sandbox.get("/sandbox/cards/" + wechatCardId).ok("reading the card on WeChat"),
                c -> c.toString().contains("CARD_STATUS_DELETE"));
        say("WeChat deleted the card; members keep the cards they already hold. Demo done.");
        return 0;
    }

    private void say(String format, Object... args) {
        System.out.printf("%2d. %s%n", ++step, String.format(format, args));
    }

    private <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting " + timeoutSeconds + " s for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            last = probe.get();
        }
        return last;
    }

    /** The demo's logo: a 1x1 PNG, uploaded to WeChat before the card names it. */
    static final byte[] LOGO = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    /** Where {@link #CARD} names its logo, replaced by the URL WeChat answers for {@link #LOGO}. */
    private static final String LOGO_URL = "UPLOADED_LOGO_URL";

    /** WeChat's own card/create body, activated on the merchant's page, with points and stored value. */
    static final String CARD = """
            {"card": {"card_type": "MEMBER_CARD", "member_card": {
              "base_info": {
                "logo_url": "UPLOADED_LOGO_URL", "brand_name": "Tea House",
                "code_type": "CODE_TYPE_QRCODE", "title": "Gold Card", "color": "Color010",
                "notice": "Show at the till", "description": "Earn a point for every yuan.",
                "date_info": {"type": "DATE_TYPE_PERMANENT"}, "sku": {"quantity": 1000}, "get_limit": 1,
                "can_share": true, "use_all_locations": true},
              "prerogative": "10% off every drink",
              "activate_url": "https://shop.example.com/activate",
              "supply_bonus": true, "supply_balance": true}}}
            """;
}
