package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 14 item 3 in the sandbox: the membercard-open upgrade, and Pay import refused on a card not upgraded. */
class CardUpgradeTest {
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

    @Test
    void by_default_import_is_refused_until_the_card_is_upgraded_and_works_after() throws Exception {
        String card = f.approvedCard(Fixture.memberCard());
        String upgrade = "/v3/marketing/membercard-open/cards/" + card + "/upgrade";
        {
            Http.Response refused = PayMerchant.post(f, "/v3/marketing/membercard-open/cards/" + card + "/users/import", "{\"openid\":\"oUpgrade1\",\"out_request_no\":\"up-1\"}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(refused.json().get("message").asText()).isEqualTo("请先升级会员卡才能使用此功能");

            assertThat(PayMerchant.post(f, upgrade, "{\"brand_id\":\"1001622624\"}").status()).as("appid missing").isEqualTo(400);
            assertThat(PayMerchant.post(f, upgrade, "{\"brand_id\":\"1001622624\",\"appid\":\"wxsomeoneelse\"}").status())
                    .isEqualTo(400);
            Http.Response upgraded = PayMerchant.post(f, upgrade, "{\"brand_id\":\"1001622624\",\"appid\":\"" + Fixture.APP_ID + "\"}");
            assertThat(upgraded.status()).isEqualTo(204);
            assertThat(upgraded.body()).isEmpty();
            PayMerchant.assertSignedByPlatform(f, upgraded);
            Http.Response again = PayMerchant.post(f, upgrade, "{\"brand_id\":\"1001622624\",\"appid\":\"" + Fixture.APP_ID + "\"}");
            assertThat(again.json().get("message").asText()).isEqualTo("会员卡已经迁移");

            Http.Response imported = PayMerchant.post(f, "/v3/marketing/membercard-open/cards/" + card + "/users/import", "{\"openid\":\"oUpgrade1\",\"out_request_no\":\"up-1\"}");
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            assertThat(imported.json().get("code").asText()).isNotBlank();
        }
    }

    @Test
    void an_account_can_be_exempted_from_the_upgrade_for_old_tests() {
        String card = f.approvedCard(Fixture.memberCard());
        assertThat(f.control("/sandbox/apps/" + Fixture.APP_ID + "/require-card-upgrade", "{\"enabled\":false}")
                .status()).isEqualTo(200);
        try {
            Http.Response imported = PayMerchant.post(f, "/v3/marketing/membercard-open/cards/" + card
                    + "/users/import", "{\"openid\":\"oExempt1\",\"out_request_no\":\"ex-1\"}");
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        } finally {
            f.control("/sandbox/apps/" + Fixture.APP_ID + "/require-card-upgrade", "{\"enabled\":true}");
        }
    }
}
