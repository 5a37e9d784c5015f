package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 20 item 3 in the sandbox: WeChat Pay member-card activities' required fields, idempotency and states. */
class PayActivitiesTest {
    private static final String ACTIVITIES = "/v3/marketing/membercard-activity/activities";
    private static Fixture f;

    @BeforeAll
    static void start() {
        f = Fixture.start(SandboxSettings.defaults().withoutAutoReview().withPayRateLimitPerSecond(1000),
                SandboxApp.plain(Fixture.APP_ID, Fixture.SECRET, Fixture.TOKEN, null)
                        .withMerchant(PayMerchant.MCHID, PayMerchant.SERIAL,
                                PayMerchant.VECTOR.get("public_key_pem").asText()));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String body(String card, String outRequestNo, String begin, String end, String extra) {
        return "{\"card_id\":\"" + card + "\",\"activity_name\":\"开卡有礼\",\"activity_type\":\"NON_MEMBER_AFTERPAY\","
                + "\"begin_time\":\"" + begin + "\",\"end_time\":\"" + end + "\",\"out_request_no\":\"" + outRequestNo
                + "\",\"stock_list\":[{\"stock_creator_mchid\":\"1900000109\",\"stock_id\":\"98065001\"}]" + extra
                + "}";
    }

    private static final String SETTING = ",\"pay_activity_setting\":{\"logo_url\":\"https://wxpaylogo.qpic.cn/x/0\","
            + "\"activity_second_title\":\"开卡送券\",\"mchid_list\":[\"" + PayMerchant.MCHID + "\"]}";

    @Test
    void refuses_missing_fields_and_a_card_not_upgraded_then_creates_once_per_out_request_no() {
        String card = f.approvedCard(Fixture.memberCard());
        String now = "2020-01-20T13:29:35+08:00";
        String soon = "2099-01-29T13:29:35+08:00";
        Http.Response notUpgraded = PayMerchant.post(f, ACTIVITIES, body(card, "a-1", now, soon, SETTING));
        assertThat(notUpgraded.json().get("message").asText()).isEqualTo(PayImport.NOT_UPGRADED);
        PayMerchant.upgrade(f, card);

        Http.Response tooLong = PayMerchant.post(f, ACTIVITIES, body(card, "a-1", now, soon, SETTING));
        assertThat(tooLong.json().get("detail").get("field").asText()).isEqualTo("end_time");
        String begin = "2099-01-01T00:00:00+08:00";
        String end = "2099-01-01T00:00:00+08:00".replace("2099-01-01", "2099-03-01");
        Http.Response noSetting = PayMerchant.post(f, ACTIVITIES, body(card, "a-1", begin, end, ""));
        assertThat(noSetting.json().get("detail").get("field").asText()).isEqualTo("pay_activity_setting");
        Http.Response noStocks = PayMerchant.post(f, ACTIVITIES, body(card, "a-1", begin, end, SETTING)
                .replace("\"stock_list\":[{\"stock_creator_mchid\":\"1900000109\",\"stock_id\":\"98065001\"}]",
                        "\"stock_list\":[]"));
        assertThat(noStocks.json().get("detail").get("field").asText()).isEqualTo("stock_list");

        Http.Response made = PayMerchant.post(f, ACTIVITIES, body(card, "a-1", begin, end, SETTING));
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        String id = made.json().get("activity_id").asText();
        assertThat(PayMerchant.post(f, ACTIVITIES, body(card, "a-1", begin, end, SETTING)).json()
                .get("activity_id").asText()).as("the same request again").isEqualTo(id);
        assertThat(PayMerchant.post(f, ACTIVITIES, body(card, "a-1", begin, "2099-02-01T00:00:00+08:00", SETTING))
                .status()).as("the number reused for another body").isEqualTo(400);
        assertThat(PayMerchant.post(f, ACTIVITIES, body(card, "a-2", begin, end, SETTING)).json().get("message")
                .asText()).isEqualTo(PayActivities.OVERLAPS);

        Http.Response listed = PayMerchant.get(f, ACTIVITIES + "?offset=0&limit=10&card_id=" + card);
        assertThat(listed.json().get("total_count").asInt()).isEqualTo(1);
        assertThat(PayMerchant.get(f, ACTIVITIES + "?offset=0&limit=0&card_id=" + card).status()).isEqualTo(400);
        Http.Response terminated = PayMerchant.post(f, ACTIVITIES + "/" + id + "/terminate", "");
        assertThat(terminated.json().get("terminate_time").asText()).isNotBlank();
        assertThat(PayMerchant.get(f, ACTIVITIES + "/" + id).json().get("activity_status").asText())
                .isEqualTo("TERMINATED");
        assertThat(PayMerchant.post(f, ACTIVITIES + "/" + id + "/terminate", "").json().get("message").asText())
                .isEqualTo("活动已终止");
        assertThat(PayMerchant.get(f, ACTIVITIES + "/999").status()).isEqualTo(404);
    }
}
