package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.wechat.push.EventHeader;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The campaign routes (issue 20 item 3, issue 17 item 5) over the in-memory application: the guard's refusals as
 * problems naming what is wrong, the protected-members count, the review of an import's failures, termination.
 * Over the sandbox, end to end: bootstrap's CampaignIT.
 */
class CampaignRoutesTest {

    private static ApiHarness h;

    @BeforeAll
    static void start() {
        h = new ApiHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static String payToJoin(long least, long max) {
        Instant now = h.clock.now();
        return """
                {"kind": "PAY_TO_JOIN", "name": "满10元开卡", "mchids": ["1900000109"], "begin": "%s", "end": "%s",
                 "least_cost_fen": %d, "max_cost_fen": %d}""".formatted(now, now.plus(Duration.ofDays(7)), least, max);
    }

    /** An import of the card with one member imported and one row failed; still running unless {@code finished}. */
    private static String importWithAFailure(Merchant m, String cardId, boolean finished) {
        ImportJobStore imports = h.stores.imports();
        ImportJobId job = new ImportJobId("imp_" + System.nanoTime());
        Instant now = h.clock.now();
        imports.create(ImportJob.started(job, m.tenant, new CardId(cardId), now));
        imports.stage(job, List.of(
                ImportRow.pending(job, 1, new OpenId("oOld1"), Option.none(), Option.none(), Option.none(),
                        Option.none(), Option.none(), "r1-" + job, now),
                ImportRow.pending(job, 2, new OpenId("oOld2"), Option.none(), Option.none(), Option.none(),
                        Option.none(), Option.none(), "r2-" + job, now)));
        imports.staged(job, 2, 0, now);
        imports.imported(job, 1, new Code("100000000001"), now);
        if (finished) {
            finish(job);
        }
        return job.value();
    }

    private static void finish(ImportJobId job) {
        h.stores.imports().failed(job, 2, "openid of another account", h.clock.now());
        h.stores.imports().completed(job, h.clock.now());
    }

    @Test
    void is_refused_while_the_import_runs_and_after_it_until_its_failures_are_reviewed_then_reports_who_it_protected() {
        Merchant m = h.newMerchant();
        String cardId = m.approved(Cards.minimal());
        String job = importWithAFailure(m, cardId, false);
        var rulesBefore = h.wechatCampaigns.rules();

        Http.Answer running = m.http.post("/v1/cards/" + cardId + "/campaigns", payToJoin(1, 100_00));
        assertThat(running.status()).as(running.body()).isEqualTo(409);
        assertThat(running.problemType()).endsWith("campaign-blocked-by-import");
        assertThat(running.json().get("detail").asText()).contains(job, "still running");
        assertThat(h.wechatCampaigns.rules()).as("nothing told to WeChat").isEqualTo(rulesBefore);

        finish(new ImportJobId(job));
        Http.Answer unreviewed = m.http.post("/v1/cards/" + cardId + "/campaigns", payToJoin(1, 100_00));
        assertThat(unreviewed.status()).isEqualTo(409);
        assertThat(unreviewed.json().get("detail").asText()).contains("failed rows nobody has looked at");

        Http.Answer reviewed = m.http.post("/v1/imports/" + job + "/failures-reviewed",
                "{\"note\": \"oOld2 belongs to another account\"}");
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewed.json().get("import_id").asText()).isEqualTo(job);

        Http.Answer started = m.http.post("/v1/cards/" + cardId + "/campaigns", payToJoin(1, 100_00));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode campaign = started.json();
        assertThat(campaign.get("protected_members").asLong()).isEqualTo(1);
        assertThat(campaign.get("kind").asText()).isEqualTo("PAY_TO_JOIN");
        assertThat(campaign.get("least_cost_fen").asLong()).isEqualTo(1);
        assertThat(h.wechatCampaigns.rules()).contains(campaign.get("wechat_id").asText())
                .hasSize(rulesBefore.size() + 1);
        String location = started.header("Location");
        assertThat(location).isEqualTo("/v1/campaigns/" + campaign.get("id").asText());
        JsonNode read = m.http.get(location).json();
        assertThat(read.get("wechat").get("confirmed").asBoolean()).as("WeChat's view on a read").isTrue();
        assertThat(read.get("wechat").get("state").asText()).isEqualTo("RULE_PRESENT");
        assertThat((JsonNode) ((com.fasterxml.jackson.databind.node.ObjectNode) read.deepCopy()).without("wechat"))
                .isEqualTo(campaign);
        assertThat(m.http.get("/v1/cards/" + cardId + "/campaigns").json().get("campaigns")).containsExactly(read);
    }

    @Test
    void an_override_reason_starts_it_while_an_import_runs_and_is_shown() {
        Merchant m = h.newMerchant();
        String cardId = m.approved(Cards.minimal());
        importWithAFailure(m, cardId, false);
        String body = payToJoin(1, 100).replace("}", ", \"override_reason\": \"the import only adds staff\"}");

        Http.Answer started = m.http.post("/v1/cards/" + cardId + "/campaigns", body);

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("override_reason").asText()).isEqualTo("the import only adds staff");
    }

    @Test
    void an_overlapping_rule_and_an_activity_on_a_card_not_upgraded_are_refused_and_terminate_ends_a_rule_once() {
        Merchant m = h.newMerchant();
        String cardId = m.approved(Cards.minimal());
        JsonNode first = m.http.post("/v1/cards/" + cardId + "/campaigns", payToJoin(1_00, 50_00)).json();

        Http.Answer overlapping = m.http.post("/v1/cards/" + cardId + "/campaigns", payToJoin(50_00, 90_00));
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.problemType()).endsWith("campaign-overlaps");
        assertThat(overlapping.json().get("detail").asText()).contains(first.get("id").asText());
        Instant now = h.clock.now();
        Http.Answer activity = m.http.post("/v1/cards/" + cardId + "/campaigns", """
                {"kind": "NON_MEMBER_AFTERPAY", "name": "开卡有礼", "begin": "%s", "end": "%s",
                 "mchids": ["1900000109"], "gifts": ["1900000109:98065001"],
                 "logo_url": "https://wxpaylogo.qpic.cn/x/0", "second_title": "开卡送券"}"""
                .formatted(now, now.plus(Duration.ofDays(3))));
        assertThat(activity.status()).isEqualTo(409);
        assertThat(activity.problemType()).endsWith("campaign-card-not-upgraded");

        String terminate = "/v1/campaigns/" + first.get("id").asText() + "/terminate";
        Http.Answer ended = m.http.post(terminate, null);
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("terminated_at").asText()).isNotBlank();
        assertThat(h.wechatCampaigns.rules()).doesNotContain(first.get("wechat_id").asText());
        assertThat(m.http.post(terminate, null).problemType()).endsWith("campaign-not-running");
        assertThat(m.http.post("/v1/cards/" + cardId + "/campaigns", payToJoin(50_00, 90_00)).status())
                .isEqualTo(201);
    }

    /** WeChat pushes the receipt of the card by {@code openId} with this {@code SourceScene}; answers the code. */
    private static String receivedWith(Merchant m, String cardId, String openId, String sourceScene) {
        Code code = h.wechat.handOut(m.wechatCardId(cardId), new OpenId(openId));
        return pushed(m, cardId, openId, code, sourceScene);
    }

    private static String pushed(Merchant m, String cardId, String openId, Code code, String sourceScene) {
        var header = new EventHeader("gh_teahouse", openId, h.clock.now().getEpochSecond(), "user_get_card");
        assertThat(h.app.handleWechatEvent().handle(m.tenant, new WechatEvent.CardReceived(header,
                m.wechatCardId(cardId), code, Option.none(), false, Option.none(), false, Option.none(),
                Option.none(), Option.of(sourceScene))).isRight()).isTrue();
        return code.value();
    }

    @Test
    void a_receipt_after_a_payment_joins_the_running_rule_which_counts_it_and_the_membership_shows_it() {
        Merchant m = h.newMerchant();
        String cardId = m.approved(Cards.minimal());
        JsonNode rule = m.http.post("/v1/cards/" + cardId + "/campaigns", payToJoin(1_00, 50_00)).json();
        assertThat(rule.get("members_joined").asLong()).isZero();

        String paid = receivedWith(m, cardId, "oPaid1", "SOURCE_SCENE_PAY");
        pushed(m, cardId, "oPaid1", new Code(paid), "SOURCE_SCENE_PAY"); // WeChat pushes it again: counted once
        String scanned = receivedWith(m, cardId, "oScanned1", "SOURCE_SCENE_QRCODE");

        String one = "/v1/campaigns/" + rule.get("id").asText();
        assertThat(m.http.get(one).json().get("members_joined").asLong()).isEqualTo(1);
        assertThat(m.http.get("/v1/cards/" + cardId + "/campaigns").json().get("campaigns").get(0)
                .get("members_joined").asLong()).isEqualTo(1);
        JsonNode joined = m.http.get("/v1/cards/" + cardId + "/memberships/" + paid + "/campaign").json();
        assertThat(joined.get("campaign_id").asText()).isEqualTo(rule.get("id").asText());
        assertThat(joined.get("source_scene").asText()).isEqualTo("SOURCE_SCENE_PAY");
        assertThat(joined.get("openid").asText()).isEqualTo("oPaid1");
        Http.Answer none = m.http.get("/v1/cards/" + cardId + "/memberships/" + scanned + "/campaign");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("detail").asText()).contains(scanned, "joined through no campaign");
        assertThat(h.newMerchant().http.get("/v1/cards/" + cardId + "/memberships/" + paid + "/campaign").status())
                .as("another tenant's card").isEqualTo(404);
    }

    @Test
    void a_wechat_pay_activity_without_its_settings_is_refused_naming_each_and_a_rule_deleted_on_wechat_shows_ended() {
        Merchant m = h.newMerchant();
        String cardId = m.approved(Cards.minimal());
        Instant now = h.clock.now();
        Http.Answer bare = m.http.post("/v1/cards/" + cardId + "/campaigns", """
                {"kind": "MEMBER_AFTERPAY", "name": "老会员有礼", "begin": "%s", "end": "%s", "gifts": ["98065001"]}"""
                .formatted(now, now.plus(Duration.ofDays(3))));
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.json().get("errors").findValuesAsText("field")).containsExactly("gifts", "logo_url",
                "second_title");
        Http.Answer onRule = m.http.post("/v1/cards/" + cardId + "/campaigns", payToJoin(1, 2).replace("}",
                ", \"logo_url\": \"https://a.example/l.png\", \"second_title\": \"券\", \"gifts\": [\"1900000109:1\"]}"));
        assertThat(onRule.status()).isEqualTo(422);
        assertThat(onRule.json().get("detail").asText()).contains("only WeChat Pay activities");

        JsonNode rule = m.http.post("/v1/cards/" + cardId + "/campaigns", payToJoin(1, 2)).json();
        h.wechatCampaigns.deletedOnWechat(rule.get("wechat_id").asText());
        JsonNode read = m.http.get("/v1/campaigns/" + rule.get("id").asText()).json();
        assertThat(read.get("wechat").get("state").asText()).isEqualTo("RULE_DELETED");
        assertThat(read.get("wechat").get("ended_on_wechat").asBoolean()).isTrue();
        assertThat(read.get("terminated_at").asText()).isNotBlank();
    }

    @Test
    void bad_terms_are_refused_naming_each_field_and_nothing_is_started() {
        Merchant m = h.newMerchant();
        String cardId = m.approved(Cards.minimal());

        Http.Answer missing = m.http.post("/v1/cards/" + cardId + "/campaigns", "{\"kind\": \"GIFT\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.problemType()).endsWith("campaign-invalid");
        assertThat(missing.json().get("errors").findValuesAsText("field"))
                .containsExactly("kind", "name", "begin", "end");
        Http.Answer inverted = m.http.post("/v1/cards/" + cardId + "/campaigns", payToJoin(90_00, 10_00));
        assertThat(inverted.status()).isEqualTo(422);
        assertThat(inverted.json().get("detail").asText()).contains("max_cost");
        Http.Answer noNote = m.http.post("/v1/imports/" + importWithAFailure(m, cardId, true)
                + "/failures-reviewed", "{}");
        assertThat(noNote.status()).isEqualTo(422);
        assertThat(noNote.json().get("errors").get(0).get("field").asText()).isEqualTo("note");
        assertThat(m.http.get("/v1/cards/" + cardId + "/campaigns").json().get("campaigns")).isEmpty();
        assertThat(m.http.get("/v1/campaigns/cmp_nothing").status()).isEqualTo(404);
        assertThat(h.newMerchant().http.get("/v1/cards/" + cardId + "/campaigns").status())
                .as("another tenant's card").isEqualTo(404);
    }
}
