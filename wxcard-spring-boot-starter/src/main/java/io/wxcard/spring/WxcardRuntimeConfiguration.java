package io.wxcard.spring;

import io.wxcard.application.port.in.ListenToEventsUseCase;
import io.wxcard.application.port.in.ManageTenantsUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.EngagementServices;
import io.wxcard.application.service.InstanceLoops;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background loops as one lifecycle bean (with the daily statistics pull unless {@code
 * wxcard.statistics.pull-period} is 0), and the tenants of {@code wxcard.tenants} added at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WxcardStatisticsProperties.class)
class WxcardRuntimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "wxcard.outbox", name = "enabled", matchIfMissing = true)
    BackgroundLoops wxcardBackgroundLoops(WxcardProperties properties, WxcardStatisticsProperties statistics,
                                          CardServices services, EngagementServices engagement, InboxStore pushes,
                                          Clock clock) {
        InstanceLoops loops = InstanceLoops.of(services, pushes, clock, properties.getOutbox().getWorkers(),
                Duration.ZERO, name -> work -> {
                    Thread thread = new Thread(work, "wxcard-" + name);
                    thread.setDaemon(true);
                    return thread;
                });
        Duration pullPeriod = statistics.getPullPeriod();
        return new BackgroundLoops(pullPeriod.isZero() ? loops
                : loops.withDailyStatisticsPull(engagement.pullCardStatistics(), pullPeriod));
    }

    /** {@code wxcard.events.spring=false} leaves the events to webhooks and the change feed only. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "wxcard.events", name = "spring", matchIfMissing = true)
    SpringApplicationEvents wxcardSpringApplicationEvents(ListenToEventsUseCase events,
                                                          ApplicationEventPublisher publisher) {
        return new SpringApplicationEvents(events, publisher);
    }

    @Bean
    ConfiguredTenants wxcardConfiguredTenants(WxcardProperties properties, ManageTenantsUseCase tenants) {
        return new ConfiguredTenants(properties.getTenants(), tenants);
    }
}
