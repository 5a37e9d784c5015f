package io.wxcard.examples.teahouse;

import static io.wxcard.examples.teahouse.SandboxWechat.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ActivateMembershipUseCase;
import io.wxcard.application.port.in.ActivateMembershipUseCase.ActivateMembershipCommand;
import io.wxcard.application.port.in.DistributeCardUseCase;
import io.wxcard.application.port.in.DistributeCardUseCase.CreateQrCodeCommand;
import io.wxcard.application.port.in.DraftCardUseCase;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.in.FindCardsQuery;
import io.wxcard.application.port.in.FindMembershipsQuery;
import io.wxcard.application.port.in.SubmitCardUseCase;
import io.wxcard.application.port.out.wechat.QrCode;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.tenant.TenantId;
import io.wxcard.application.port.out.events.EventType;
import io.wxcard.application.port.out.events.MerchantEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tea house application as a team would run it, on H2 and against the WeChat sandbox over real HTTP: only the
 * starter, a DataSource and {@code wxcard.*} properties. A card goes from draft to WeChat's approval (pushed to the
 * starter's endpoint), a member receives it from a QR code (pushed), is activated, earns points at the application's
 * own till, and the outbox brings WeChat's copy of the card to the same total.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TeaHouseLifecycleTest {

    static final SandboxWechat WECHAT = new SandboxWechat();
    static final TenantId TEA_HOUSE = new TenantId("teahouse");

    @DynamicPropertySource
    static void wxcard(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:teahouse-lifecycle;DB_CLOSE_DELAY=-1");
        properties.add("wxcard.wechat.api-base-url", WECHAT.sandbox::baseUrl);
        properties.add("wxcard.wechat.pay-api-base-url", WECHAT.sandbox::baseUrl);
        // the tenant of application.properties, its secrets as the environment would give them
        properties.add("TEAHOUSE_APPID", () -> SandboxWechat.APP_ID);
        properties.add("TEAHOUSE_APPSECRET", () -> WECHAT.appSecret);
        properties.add("TEAHOUSE_PUSH_TOKEN", () -> WECHAT.pushToken);
        properties.add("TEAHOUSE_AES_KEY", () -> WECHAT.aesKey);
    }

    @AfterAll
    static void stopWechat() {
        WECHAT.close();
    }

    /** The application's own listener of wxcard's events, as a team writes one. */
    @TestConfiguration
    static class EventsHeard {
        final List<EventType> heard = new CopyOnWriteArrayList<>();

        @EventListener
        void on(MerchantEvent event) {
            heard.add(event.type());
        }
    }

    @LocalServerPort int port;
    @Autowired EventsHeard events;
    @Autowired DraftCardUseCase draft;
    @Autowired SubmitCardUseCase submit;
    @Autowired FindCardsQuery cards;
    @Autowired DistributeCardUseCase distribute;
    @Autowired FindMembershipsQuery memberships;
    @Autowired ActivateMembershipUseCase activate;

    @Test
    void walks_a_card_to_an_activated_member_whose_points_reach_wechat() {
        WECHAT.registerTeaHouse(port);
        Card card = draft.draft(new DraftCardCommand(TEA_HOUSE,
                Fixtures.definitionActivatedBy(ActivationMode.MERCHANT_PAGE))).get();
        submit.submit(TEA_HOUSE, card.id()).get();
        Card approved = await("WeChat's card_pass_check push", () -> cards.card(TEA_HOUSE, card.id()).get(),
                c -> c.state() == CardState.APPROVED);
        String wechatCardId = approved.wechatCardId().get().value();

        QrCode qr = distribute.createQrCode(new CreateQrCodeCommand(TEA_HOUSE, card.id(), Option.none(), Option.none(),
                false, Option.of("till-1"), Option.none())).get();
        String code = WECHAT.post(WECHAT.sandbox.baseUrl() + "/sandbox/qrcodes/" + qr.ticket() + "/scan",
                Map.of("openid", "oTeaHouseMember0000000001")).get("code").asText();
        MembershipKey member = new MembershipKey(TEA_HOUSE, card.id(), new Code(code));
        Membership received = await("WeChat's user_get_card push", () -> memberships.membership(member).getOrNull(),
                m -> m != null);
        assertThat(received.state()).isEqualTo(MembershipState.ISSUED);

        Membership activated = activate.activate(new ActivateMembershipCommand(member,
                Option.of(new MembershipNumber("TEA-0001")), Option.of(new Points(100)), Option.none())).get();
        assertThat(activated.state()).isEqualTo(MembershipState.ACTIVATED);

        String till = "http://127.0.0.1:" + port + "/till/teahouse/cards/" + card.id().value() + "/members/" + code
                + "/purchases";
        assertThat(WECHAT.post(till, Map.of("orderId", "A-1", "amountFen", 5000)).get("points").asLong()).isEqualTo(150);
        assertThat(WECHAT.post(till, Map.of("orderId", "A-1", "amountFen", 5000)).get("points").asLong())
                .as("the till sent the same order again: earned once").isEqualTo(150);

        JsonNode onWechat = await("the outbox to send WeChat the total",
                () -> WECHAT.get(WECHAT.sandbox.baseUrl() + "/sandbox/cards/" + wechatCardId + "/codes/" + code),
                state -> state.path("bonus").asLong() == 150);
        assertThat(onWechat.path("bonus").asLong()).isEqualTo(150);

        await("the events as Spring application events", () -> List.copyOf(events.heard),
                heard -> heard.containsAll(List.of(EventType.CARD_APPROVED, EventType.MEMBERSHIP_ACTIVATED,
                        EventType.POINTS_CHANGED)));

        JsonNode health = WECHAT.get("http://127.0.0.1:" + port + "/actuator/health/wxcard");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode pending = WECHAT.get("http://127.0.0.1:" + port + "/actuator/metrics/wxcard.outbox.pending");
        assertThat(pending.path("measurements").get(0).path("value").asDouble()).isZero();
    }
}
