package io.wxcard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.ChangeLedgerUseCase;
import io.wxcard.application.port.in.DraftCardUseCase;
import io.wxcard.application.port.in.EditCardUseCase;
import io.wxcard.application.port.in.ManageTenantsUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.EngagementServices;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** What the starter contributes to an application's context, and how each part gives way or is switched off. */
class WxcardAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                    WxcardAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:starter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    @Test
    void builds_the_application_on_the_applications_data_source_with_every_use_case_a_bean_of_its_own() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CardServices.class).hasSingleBean(BackgroundLoops.class);
            assertThat(context.getBeanNamesForType(DraftCardUseCase.class)).containsExactly("draftCard");
            assertThat(context.getBeanNamesForType(EditCardUseCase.class)).containsExactly("editCard");
            assertThat(context.getBean(DraftCardUseCase.class)).isNotInstanceOf(EditCardUseCase.class);
            assertThat(context.getBeanNamesForType(io.wxcard.application.port.in.ManageCampaignsUseCase.class))
                    .containsExactly("manageCampaigns");
            assertThat(context.getBean(BackgroundLoops.class).isRunning()).isTrue();
            assertThat(context.getBean(ManageTenantsUseCase.class).list()).isEmpty(); // the schema is there
        });
    }

    @Test
    void gives_way_to_the_applications_own_port_and_use_case() {
        Clock fixed = () -> Instant.parse("2026-12-01T00:00:00Z");
        ChangeLedgerUseCase own = command -> {
            throw new UnsupportedOperationException("the application's own");
        };
        runner.withBean("shopClock", Clock.class, () -> fixed).withBean("shopLedger", ChangeLedgerUseCase.class, () -> own)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Clock.class)).isSameAs(fixed);
                    assertThat(context.getBean(ChangeLedgerUseCase.class)).isSameAs(own);
                    assertThat(context).doesNotHaveBean("wxcardClock").doesNotHaveBean("changeLedger");
                });
    }

    @Test
    void runs_no_background_loops_when_told_so_and_reports_it_healthy() {
        runner.withPropertyValues("wxcard.outbox.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(BackgroundLoops.class);
            assertThat(context.getBean(WxcardHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void reports_the_loops_down_once_they_are_stopped() {
        runner.run(context -> {
            WxcardHealthIndicator health = context.getBean(WxcardHealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getDetails()).containsKeys("outboxPending", "inboxPending", "loops");
            context.getBean(BackgroundLoops.class).stop();
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void adds_the_configured_tenants_once() {
        ApplicationContextRunner withTenant = runner.withPropertyValues("wxcard.tenants[0].id=teahouse",
                "wxcard.tenants[0].app-id=wxteahouse0000001", "wxcard.tenants[0].app-secret=appsecret-of-teahouse",
                "wxcard.tenants[0].push-token=token", "wxcard.tenants[0].push-mode=plain");
        withTenant.run(context -> assertThat(context.getBean(ManageTenantsUseCase.class).list())
                .extracting(tenant -> tenant.id()).containsExactly(new TenantId("teahouse")));
    }

    @Test
    void refuses_a_configured_tenant_without_its_appid_naming_the_property_and_no_secret() {
        runner.withPropertyValues("wxcard.tenants[0].id=teahouse", "wxcard.tenants[0].app-secret=hunter2-secret",
                "wxcard.tenants[0].push-token=token").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("wxcard.tenants[0].app-id is missing");
                    assertThat(rootMessages(context.getStartupFailure())).doesNotContain("hunter2-secret");
                });
    }

    @Test
    void mounts_the_push_endpoint_in_a_servlet_application_unless_told_not_to() {
        WebApplicationContextRunner web = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        FlywayAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
                        WebMvcAutoConfiguration.class, WxcardAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        web.run(context -> assertThat(context).hasSingleBean(WechatPushController.class));
        web.withPropertyValues("wxcard.push.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(WechatPushController.class));
        runner.run(context -> assertThat(context).doesNotHaveBean(WechatPushController.class));
    }

    @Test
    void builds_the_engagement_services_once_and_gives_way_to_the_applications_own() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(EngagementServices.class)
                .hasBean("wxcardEngagementServices"));
        runner.withUserConfiguration(OwnEngagement.class).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("wxcardEngagementServices");
            assertThat(context.getBean(EngagementServices.class)).isSameAs(context.getBean("shopEngagement"));
        });
    }

    @Test
    void serves_the_v1_routes_from_the_engagement_bean_when_rest_is_on() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        FlywayAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
                        WebMvcAutoConfiguration.class, WxcardAutoConfiguration.class))
                .withUserConfiguration(OwnEngagement.class)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:rest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "wxcard.rest.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().hasBean("wxcardRestApi")
                        .doesNotHaveBean("wxcardEngagementServices"));
    }

    /** An application's own engagement services (here: segments that read no levels). */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OwnEngagement {
        @org.springframework.context.annotation.Bean
        EngagementServices shopEngagement(CardServices services, io.wxcard.adapter.persistence.Persistence persistence,
                                          io.wxcard.adapter.wechat.WechatAdapter wechat, Clock clock) {
            return new EngagementServices(new EngagementServices.Dependencies(services, persistence.tenants(),
                    persistence.cards(), persistence.memberships(), persistence.stores(), persistence.segments(),
                    persistence.statistics(), io.wxcard.application.port.out.MemberLevels.NONE, wechat.userTags(),
                    wechat.cardMessages(), wechat.cardStatistics(), clock,
                    io.wxcard.application.port.out.IdGenerator.random()));
        }
    }

    private static String rootMessages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
