package io.wxcard.spring;

import io.wxcard.application.port.in.ListenToEventsUseCase;
import io.wxcard.application.port.in.ManageTenantsUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.InstanceLoops;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The background loops as one lifecycle bean, and the tenants of {@code wxcard.tenants} added at start. */
@Configuration(proxyBeanMethods = false)
class WxcardRuntimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "wxcard.outbox", name = "enabled", matchIfMissing = true)
    BackgroundLoops wxcardBackgroundLoops(WxcardProperties properties, CardServices services, InboxStore pushes,
                                          Clock clock) {
        return new BackgroundLoops(InstanceLoops.of(services, pushes, clock, properties.getOutbox().getWorkers(),
                Duration.ZERO, name -> work -> {
                    Thread thread = new Thread(work, "wxcard-" + name);
                    thread.setDaemon(true);
                    return thread;
                }));
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
