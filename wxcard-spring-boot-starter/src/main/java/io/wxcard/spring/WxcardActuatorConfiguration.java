package io.wxcard.spring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.InboxMessage;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.OutboxStore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the application's actuator shows of wxcard: a health indicator ({@code /actuator/health/wxcard}) and gauges of
 * the work waiting, in the application's own {@link MeterRegistry} (the standalone service's figures, in Micrometer's
 * dotted names: {@code wxcard.outbox.pending} is scraped as {@code wxcard_outbox_pending}).
 */
@Configuration(proxyBeanMethods = false)
class WxcardActuatorConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "wxcardHealthIndicator")
        WxcardHealthIndicator wxcardHealthIndicator(OutboxStore outbox, InboxStore inbox, Clock clock,
                                                    ObjectProvider<BackgroundLoops> loops) {
            return new WxcardHealthIndicator(outbox, inbox, clock, loops.getIfAvailable());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean(name = "wxcardMeters")
        MeterBinder wxcardMeters(OutboxStore outbox, InboxStore inbox, Clock clock) {
            return registry -> {
                Gauge.builder("wxcard.outbox.pending", () -> outbox.stats(clock.now()).pending())
                        .description("outbox tasks waiting to be sent to WeChat").register(registry);
                TimeGauge.builder("wxcard.outbox.oldest", () -> outbox.stats(clock.now()).oldestPendingAge().toMillis(),
                                TimeUnit.MILLISECONDS)
                        .description("how long the oldest waiting outbox task has waited").register(registry);
                Gauge.builder("wxcard.outbox.dead", () -> outbox.stats(clock.now()).dead())
                        .description("outbox tasks that failed for good (dead letters)").register(registry);
                Gauge.builder("wxcard.inbox.pending", () -> inbox.count(InboxMessage.State.PENDING))
                        .description("WeChat pushes answered and waiting to be applied").register(registry);
            };
        }
    }
}
