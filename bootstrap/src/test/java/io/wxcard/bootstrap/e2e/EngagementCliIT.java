package io.wxcard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 17 items 4 and 6 through the packaged jar on its embedded defaults (the sandbox as WeChat), over REST and the
 * CLI: a store added with {@code stores add}; a member who scans the store's QR code (made over REST) is the store's,
 * and scanning it again opens the card they hold, a visit of the store's; a segment of the store's members defined
 * with {@code segments add} becomes a WeChat tag ({@code segments sync}); {@code segments send} is refused until a
 * preview went out ({@code segments preview}), then WeChat delivers the card to the tag's follower and no one else.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EngagementCliIT {

    private static final String API_KEY = "e2e-engagement-key-0123456789abcd";
    private static final String APP_ID = "wxdemo0000card0001"; // the demo tenant's (DemoTenant.APP_ID)

    @RegisterExtension
    final CliWorld world = new CliWorld(API_KEY);

    @Test
    void a_stores_code_brings_a_member_to_the_store_and_a_previewed_mass_send_reaches_the_segments_tag() throws Exception {
        String api = world.api;
        String sandbox = world.sandbox;
        CliWorld.Card card = world.approvedCard();
        String cardId = card.id();

        ServiceProcess.Result added = world.cli("stores", "add", "静安店", "--address", "南京西路 1 号");
        String storeId = group(added, "store (\\S+) added");
        ServiceProcess.Result listed = world.cli("stores", "list");
        String ticket = world.send("GET", api + "/v1/cards/" + cardId + "/stores/" + storeId + "/qr-code", null, 200)
                .get("ticket").asText();
        String code = scan(sandbox, ticket, "oStoreMember").get("code").asText();
        world.await("the membership received", () -> world.status(api + "/v1/cards/" + cardId + "/memberships/" + code) == 200);
        JsonNode again = scan(sandbox, ticket, "oStoreMember");
        String plainTicket = world.send("POST", api + "/v1/cards/" + cardId + "/qr-codes", "{}", 201).get("ticket")
                .asText();
        String otherCode = scan(sandbox, plainTicket, "oTester").get("code").asText();
        world.await("the other membership received", () -> world.status(api + "/v1/cards/" + cardId + "/memberships/"
                + otherCode) == 200);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        world.await("the store's visit counted", () -> storeChannel(api, cardId, storeId, today).path("store_visits")
                .asLong() == 1);

        String segmentId = group(world.cli("segments", "add", "静安会员", "--card", cardId, "--store", storeId),
                "segment (\\S+) defined");
        ServiceProcess.Result synced = world.cli("segments", "sync", segmentId, "--card", cardId);
        ServiceProcess.Result unpreviewed = world.cli("segments", "send", segmentId, "--card", cardId);
        ServiceProcess.Result previewed = world.cli("segments", "preview", segmentId, "--card", cardId,
                "--openid", "oTester");
        ServiceProcess.Result sent = world.cli("segments", "send", segmentId, "--card", cardId);
        ServiceProcess.Result segments = world.cli("segments", "list", "--card", cardId);

        assertThat(listed.output()).contains(storeId, "静安店", "1 stores");
        assertThat(again.path("opened").asBoolean()).as("a holder is opened to the card: %s", again).isTrue();
        JsonNode channel = storeChannel(api, cardId, storeId, today);
        assertThat(channel.path("new_members").asLong()).as("the member is the store's").isEqualTo(1);
        assertThat(synced.status()).as(synced.output()).isZero();
        assertThat(synced.output()).contains("1 tagged, 0 untagged");
        assertThat(unpreviewed.status()).as(unpreviewed.output()).isEqualTo(1);
        assertThat(unpreviewed.output()).contains("HTTP 409", "preview");
        assertThat(previewed.status()).as(previewed.output()).isZero();
        assertThat(sent.status()).as(sent.output()).isZero();
        assertThat(sent.output()).contains("sent to tag:");
        assertThat(segments.output()).contains(segmentId, "静安会员", "1 segments");
        assertThat(receivers(sandbox, "mass")).as("the mass send reached the tag").containsExactly("oStoreMember");
        assertThat(receivers(sandbox, "preview")).containsExactly("oTester");
        JsonNode sends = world.send("GET", api + "/v1/cards/" + cardId + "/card-messages", null, 200).get("items");
        assertThat(sends).extracting(s -> s.get("kind").asText()).containsExactlyInAnyOrder("PREVIEW", "MASS");
        assertThat(sends).allSatisfy(s -> assertThat(s.get("delivered").asBoolean()).isTrue());
    }


    private static String group(ServiceProcess.Result result, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(result.output());
        assertThat(matcher.find()).as("%s in: %s", pattern, result.output()).isTrue();
        return matcher.group(1);
    }

    private JsonNode scan(String sandbox, String ticket, String openId) throws Exception {
        return world.send("POST", sandbox + "/sandbox/qrcodes/" + ticket + "/scan", "{\"openid\":\"" + openId + "\"}", 200);
    }

    private JsonNode storeChannel(String api, String cardId, String storeId, String day) throws Exception {
        JsonNode channels = world.send("GET", api + "/v1/cards/" + cardId + "/statistics?from=" + day + "&to=" + day, null,
                200).get("channels");
        for (JsonNode channel : channels) {
            if (storeId.equals(channel.path("store").asText())) {
                return channel;
            }
        }
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    private List<String> receivers(String sandbox, String kind) throws Exception {
        List<String> openIds = new ArrayList<>();
        world.send("GET", sandbox + "/sandbox/apps/" + APP_ID + "/messages", null, 200).get("messages").forEach(m -> {
            if (m.get("kind").asText().equals(kind)) {
                openIds.add(m.get("openid").asText());
            }
        });
        return openIds;
    }
}
