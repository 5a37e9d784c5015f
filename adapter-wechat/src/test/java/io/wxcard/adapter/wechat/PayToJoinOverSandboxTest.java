package io.wxcard.adapter.wechat;

import static io.wxcard.adapter.wechat.ProductOverSandbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ManageCampaignsUseCase;
import io.wxcard.application.port.in.ManageCampaignsUseCase.StartCampaignCommand;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignJoin;
import io.wxcard.domain.campaign.CampaignKind;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 5 over HTTP: a member who pays a merchant of a running pay-to-join campaign is offered the card by the
 * sandbox (as WeChat does after a payment), whose {@code user_get_card} push carries {@code SourceScene
 * SOURCE_SCENE_PAY}; the product makes the membership and attributes it to the campaign, and a member handed
 * the card otherwise (no SourceScene) is attributed to none.
 */
class PayToJoinOverSandboxTest extends ProductOverSandboxTest {

    private static JsonNode pay(ProductOverSandbox product, String mchid, String openid, long fen) {
        return sandbox.control("POST", "/sandbox/payments", Map.of("appid", product.account.appId(), "mchid", mchid,
                "openid", openid, "amount_fen", fen));
    }

    @Test
    void a_member_who_pays_under_the_rule_joins_through_the_campaign_and_is_counted_once() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            ManageCampaignsUseCase campaigns = product.campaigns.campaigns();
            Card card = product.approvedCard(Fixtures.definition());
            String mchid = "17" + System.nanoTime() % 100_000_000L;
            Instant now = Instant.now();
            Campaign rule = ok(campaigns.start(new StartCampaignCommand(product.tenant, card.id(),
                    new CampaignTerms(CampaignKind.PAY_TO_JOIN, "满10元开卡", List.of(mchid), now.minusSeconds(5),
                            now.plus(Duration.ofDays(1)), Option.of(Fen.of(10_00)), Option.of(Fen.of(500_00))),
                    Option.none())));
            String payer = "oPay" + SandboxFixture.shortId();

            JsonNode offered = pay(product, mchid, payer, 25_00);
            JsonNode tooLittle = pay(product, mchid, "oLow" + SandboxFixture.shortId(), 9_99);
            product.settle();
            var handedOut = product.received(card, "oScan" + SandboxFixture.shortId());

            assertThat(offered.get("offered").asBoolean()).as(offered.toString()).isTrue();
            assertThat(offered.get("rule_id").asText()).isEqualTo(rule.wechatId());
            assertThat(tooLittle.get("offered").asBoolean()).isFalse();
            Code code = new Code(offered.get("code").asText());
            assertThat(ok(product.app.findMemberships().membership(new MembershipKey(product.tenant, card.id(),
                    code))).openId().value()).isEqualTo(payer);
            CampaignJoin join = ok(campaigns.joinedThrough(product.tenant, card.id(), code)).get();
            assertThat(join.campaignId()).isEqualTo(rule.id());
            assertThat(join.sourceScene()).isEqualTo("SOURCE_SCENE_PAY");
            assertThat(ok(campaigns.joinedThrough(product.tenant, card.id(), handedOut.code()))).isEmpty();
            assertThat(ok(campaigns.membersJoined(product.tenant, rule.id()))).isEqualTo(1);
        }
    }
}
