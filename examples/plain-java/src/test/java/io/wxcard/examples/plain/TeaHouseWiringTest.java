package io.wxcard.examples.plain;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.adapter.persistence.DatabaseSettings;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.in.ManageTenantsUseCase.AddTenantCommand;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.TenantId;
import io.wxcard.sandbox.SandboxApp;
import io.wxcard.sandbox.SandboxSettings;
import io.wxcard.sandbox.WechatSandbox;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The hand-wired application against the WeChat sandbox over real HTTP, with the tea house's own tenant store: a
 * tenant is added (into the team's table), a card is drafted and submitted to WeChat, WeChat's approval arrives at
 * the team's own push endpoint, and the push inbox, run by the team's own loop, applies it.
 */
class TeaHouseWiringTest {

    static final TenantId TEA_HOUSE = new TenantId("teahouse");

    @Test
    void a_card_submitted_through_the_hand_wired_application_is_approved_by_wechats_push() throws Exception {
        String url = "jdbc:h2:mem:plain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcTenantStore tenants = new JdbcTenantStore(JdbcTenantStoreContractTest.dataSource(url)).createTable();
        try (WechatSandbox wechat = WechatSandbox.start(SandboxSettings.defaults().withReviewDelay(Duration.ofMillis(200)));
             TeaHouseWiring app = new TeaHouseWiring(new DatabaseSettings(url, "sa", null, 4), wechat.baseUrl(), tenants,
                     "teahouse-1");
             PushEndpoint pushes = new PushEndpoint(app.services.acceptWechatPush())) {
            app.services.manageTenants().add(new AddTenantCommand(Option.of(TEA_HOUSE), "Tea House",
                    new AppId("wxteahouse00000002"), Secret.of("teahouse-appsecret"), Secret.of("teahouse-token"),
                    Option.none(), PushMode.PLAIN, Option.none(), Option.none())).get();
            assertThat(tenants.find(TEA_HOUSE)).as("kept in the team's own table").isNotEmpty();
            wechat.registerApp(SandboxApp.plain("wxteahouse00000002", "teahouse-appsecret", "teahouse-token",
                    pushes.url(TEA_HOUSE)));

            Card card = app.services.draftCard().draft(new DraftCardCommand(TEA_HOUSE, Fixtures.definition())).get();
            Card submitted = app.services.submitCard().submit(TEA_HOUSE, card.id()).get();
            assertThat(submitted.state()).isEqualTo(CardState.UNDER_REVIEW);

            // The team's own background loop (bootstrap and the starter run it for you): apply the kept pushes.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Card now = submitted;
            while (now.state() != CardState.APPROVED && System.nanoTime() < deadline) {
                app.services.applyWechatPushes().applyDue(50);
                Thread.sleep(50);
                now = app.services.findCards().card(TEA_HOUSE, card.id()).get();
            }
            assertThat(now.state()).as("approved by WeChat's card_pass_check push").isEqualTo(CardState.APPROVED);
        }
    }
}
