package io.wxcard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 20 item 3, "done when", through the packaged jar on its embedded defaults (H2, the built-in sandbox): a
 * pay-to-join campaign is refused while an import of the card's existing members runs (slowed to {@value #RATE} a
 * second), refused again while the finished import has a failed row nobody reviewed, and starts once the review is
 * recorded through the CLI; it reports the members the import protected, is told to WeChat
 * ({@code card/paygiftcard/add}), and is terminated through the CLI ({@code card/paygiftcard/delete}).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CampaignIT {

    private static final String API_KEY = "e2e-campaign-key-0123456789abcdef";
    private static final int RATE = 4;
    private static final int MEMBERS = 16;

    @RegisterExtension
    final CliWorld world = new CliWorld(API_KEY).with("CARD_IMPORT_RATE", Integer.toString(RATE));

    @Test
    void a_campaign_waits_for_the_import_and_its_review_then_reports_the_members_it_protected() throws Exception {
        String api = world.api;
        String sandbox = world.sandbox;
        CliWorld.Card card = world.approvedCard();
        String cardId = card.id();
        world.send("POST", api + "/v1/cards/" + cardId + "/wechat-pay-upgrade", "{\"brand_id\":\"1001622624\"}", 200);
        StringBuilder csv = new StringBuilder("openid,code,points\n");
        for (int i = 0; i < MEMBERS; i++) {
            csv.append("oCampaignOld").append(String.format("%03d", i)).append(",,\n");
        }
        csv.append("o bad openid,,\n"); // cannot be read: a failed row someone has to look at
        String importId = world.send("POST", api + "/v1/cards/" + cardId + "/imports", csv.toString(), "text/csv", 202)
                .get("id").asText();
        String campaigns = api + "/v1/cards/" + cardId + "/campaigns";
        Instant now = Instant.now();
        String rule = """
                {"kind": "PAY_TO_JOIN", "name": "满10元开卡", "mchids": ["1900000109"], "begin": "%s", "end": "%s",
                 "least_cost_fen": 1000, "max_cost_fen": 100000}""".formatted(now, now.plus(Duration.ofDays(7)));

        JsonNode running = world.send("POST", campaigns, rule, 409);
        assertThat(running.get("type").asText()).endsWith("campaign-blocked-by-import");
        assertThat(running.get("detail").asText()).contains(importId, "still running");
        assertThat(world.send("GET", api + "/v1/imports/" + importId, null, 200).get("status").asText())
                .as("the refusal came while the import ran").isNotEqualTo("COMPLETED");

        world.await("the import finished", () -> "COMPLETED".equals(world.send("GET", api + "/v1/imports/" + importId, null,
                200).get("status").asText()));
        JsonNode counts = world.send("GET", api + "/v1/imports/" + importId, null, 200).get("counts");
        assertThat(counts.get("imported").asLong()).as(counts.toString()).isEqualTo(MEMBERS);
        assertThat(counts.get("failed").asLong()).as(counts.toString()).isEqualTo(1);
        JsonNode unreviewed = world.send("POST", campaigns, rule, 409);
        assertThat(unreviewed.get("detail").asText()).contains(importId, "failed rows nobody has looked at");
        assertThat(calls(sandbox, "/card/paygiftcard/add")).as("nothing told to WeChat yet").isZero();

        ServiceProcess.Result reviewed = world.cli("campaigns", "failures-reviewed", importId, "--note",
                "the unreadable line was a typo in the export");
        assertThat(reviewed.status()).as(reviewed.output()).isZero();
        JsonNode started = world.send("POST", campaigns, rule, 201);

        assertThat(started.get("protected_members").asLong()).isEqualTo(MEMBERS);
        assertThat(started.get("wechat_id").asText()).isNotBlank();
        assertThat(calls(sandbox, "/card/paygiftcard/add")).isEqualTo(1);
        JsonNode overlapping = world.send("POST", campaigns, rule, 409);
        assertThat(overlapping.get("type").asText()).endsWith("campaign-overlaps");
        ServiceProcess.Result listed = world.cli("campaigns", "list", "--card", cardId);
        assertThat(listed.output()).contains(started.get("id").asText(), MEMBERS + " members protected",
                "1 campaigns");
        ServiceProcess.Result terminated = world.cli("campaigns", "terminate", started.get("id").asText());
        assertThat(terminated.status()).as(terminated.output()).isZero();
        assertThat(terminated.output()).contains("terminated at");
        assertThat(calls(sandbox, "/card/paygiftcard/delete")).isEqualTo(1);
        assertThat(world.send("GET", api + "/v1/campaigns/" + started.get("id").asText(), null, 200)
                .has("terminated_at")).isTrue();

        // A WeChat Pay member-card activity on the same (upgraded) card, through the CLI, signed to the sandbox.
        ServiceProcess.Result activity = world.cli("campaigns", "create", "--card", cardId, "--kind",
                "NON_MEMBER_AFTERPAY", "--name", "开卡有礼", "--mchid", "1900000109", "--begin",
                Instant.now().toString(), "--end", Instant.now().plus(Duration.ofDays(30)).toString(), "--gift",
                "1900000109:98065001", "--logo-url", "https://wxpaylogo.qpic.cn/e2e/0", "--second-title", "开卡送券");
        assertThat(activity.status()).as(activity.output()).isZero();
        assertThat(calls(sandbox, "/v3/marketing/membercard-activity/activities")).isEqualTo(1);
        String activityId = activity.output().trim().split("\\s+")[0];
        ServiceProcess.Result shown = world.cli("campaigns", "show", activityId);
        assertThat(shown.output()).as(shown.output()).contains("gifts 1900000109:98065001", "on WeChat: ONGOING");
        assertThat(world.cli("campaigns", "terminate", activityId).status()).isZero();
        assertThat(world.cli("campaigns", "show", activityId).output()).contains("on WeChat: TERMINATED");
    }


    /** How many calls of this path (after /cgi-bin or not) the sandbox answered. */
    private long calls(String sandbox, String path) throws Exception {
        JsonNode calls = world.send("GET", sandbox + "/sandbox/calls", null, 200).get("calls");
        long n = 0;
        for (JsonNode call : calls) {
            if (call.path("path").asText().endsWith(path)) {
                n++;
            }
        }
        return n;
    }
}
