package io.wxcard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.DraftCardUseCase;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.in.SubmitCardUseCase;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.tenant.TenantId;
import io.wxcard.sandbox.SandboxApp;
import io.wxcard.sandbox.SandboxSettings;
import io.wxcard.sandbox.WechatSandbox;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The daily pull of WeChat's card statistics runs among the starter's background loops: against the sandbox over real
 * HTTP, the due day of a configured tenant with a card on WeChat is claimed and pulled; {@code wxcard.statistics.pull-period=0} leaves it out.
 */
class StatisticsPullLoopTest {

    private static WechatSandbox sandbox;
    private static final String APP_ID = "wxstats" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    private static final String SECRET = "secret" + UUID.randomUUID().toString().replace("-", "");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                    WxcardAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:stats-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "wxcard.tenants[0].id=teahouse", "wxcard.tenants[0].app-id=" + APP_ID,
                    "wxcard.tenants[0].app-secret=" + SECRET, "wxcard.tenants[0].push-token=token",
                    "wxcard.tenants[0].push-mode=plain");

    @BeforeAll
    static void startSandbox() {
        sandbox = WechatSandbox.start(SandboxSettings.defaults().withPort(0));
        sandbox.registerApp(SandboxApp.plain(APP_ID, SECRET, "token", null));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void pulls_a_configured_tenants_due_day_every_period() {
        runner.withPropertyValues("wxcard.wechat.api-base-url=" + sandbox.baseUrl(),
                "wxcard.statistics.pull-period=200ms").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(BackgroundLoops.class).names()).contains("statistics-pull");
                    TenantId teahouse = new TenantId("teahouse");
                    Card card = context.getBean(DraftCardUseCase.class)
                            .draft(new DraftCardCommand(teahouse, Fixtures.definition())).get();
                    context.getBean(SubmitCardUseCase.class).submit(teahouse, card.id()).get(); // on WeChat now
                    JdbcTemplate db = new JdbcTemplate(context.getBean(DataSource.class));
                    assertThat(eventually(() -> count(db, "wechat_card_statistics") > 0))
                            .as("WeChat's figures of the due day kept").isTrue();
                    assertThat(count(db, "statistics_daily_pulls")).as("the day claimed once, and kept").isEqualTo(1);
                });
    }

    @Test
    void leaves_the_pull_out_when_its_period_is_zero() {
        runner.withPropertyValues("wxcard.wechat.api-base-url=" + sandbox.baseUrl(),
                "wxcard.statistics.pull-period=0").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(BackgroundLoops.class).names()).doesNotContain("statistics-pull")
                            .contains("outbox-dispatcher-1", "housekeeping");
                });
    }

    @Test
    void refuses_a_negative_period_naming_the_property() {
        runner.withPropertyValues("wxcard.statistics.pull-period=-1m").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("wxcard.statistics.pull-period");
        });
    }

    private static int count(JdbcTemplate db, String table) {
        return db.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = 'teahouse'", Integer.class);
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(until)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
