package io.wxcard.spring;

import io.wxcard.application.port.in.ApplyWechatPushesUseCase;
import io.wxcard.application.port.in.DispatchOutboxUseCase;
import io.wxcard.application.port.in.ManageTenantsUseCase;
import io.wxcard.application.port.in.RunImportsUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.ProcessedPushStore;
import io.wxcard.application.port.out.store.InboxStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The background loops as one lifecycle bean, and the tenants of {@code wxcard.tenants} added at start. */
@Configuration(proxyBeanMethods = false)
class WxcardRuntimeConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WxcardRuntimeConfiguration.class);

    /** Tasks one outbox round claims, pushes one inbox round claims: bootstrap's figures (BENCHMARKS.md). */
    static final int OUTBOX_BATCH = 100;
    static final int INBOX_BATCH = 50;
    /** Far beyond WeChat's retry span (about 15 s): a retried push is always recognised. */
    static final Duration KEEP_PUSH_KEYS = Duration.ofDays(3);

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "wxcard.outbox", name = "enabled", matchIfMissing = true)
    BackgroundLoops wxcardBackgroundLoops(WxcardProperties properties, DispatchOutboxUseCase outbox,
                                          ApplyWechatPushesUseCase inbox, RunImportsUseCase imports,
                                          InboxStore pushes, Clock clock,
                                          io.wxcard.application.service.CardServices services) {
        List<BackgroundLoops.Loop> loops = new ArrayList<>();
        for (int worker = 1; worker <= properties.getOutbox().getWorkers(); worker++) {
            loops.add(new BackgroundLoops.Loop("outbox-dispatcher-" + worker, Duration.ofMillis(100),
                    () -> outbox.dispatchDue(OUTBOX_BATCH).claimed() > 0));
        }
        loops.add(new BackgroundLoops.Loop("push-inbox", Duration.ofMillis(20),
                () -> inbox.applyDue(INBOX_BATCH).claimed() > 0));
        loops.add(new BackgroundLoops.Loop("import-runner", Duration.ofMillis(500), imports::runOneJob));
        loops.add(new BackgroundLoops.Loop("housekeeping", Duration.ofMinutes(10), () -> {
            forgetOldPushes(pushes, clock);
            return false;
        }));
        var relay = services.relayEvents(); // issue 15: events placed in the feed, webhooks posted, listeners told
        loops.add(new BackgroundLoops.Loop("event-placer", Duration.ofMillis(50), () -> relay.placeEvents() > 0));
        loops.add(new BackgroundLoops.Loop("webhook-sender", Duration.ofMillis(200), () -> relay.deliverWebhooks() > 0));
        loops.add(new BackgroundLoops.Loop("event-listeners", Duration.ofMillis(50), () -> relay.notifyListeners() > 0));
        loops.add(new BackgroundLoops.Loop("event-retention", Duration.ofMinutes(10), () -> relay.forgetOldEvents() < 0));
        return new BackgroundLoops(loops);
    }

    private static void forgetOldPushes(ProcessedPushStore pushes, Clock clock) {
        int forgotten = pushes.forgetReceivedBefore(clock.now().minus(KEEP_PUSH_KEYS));
        if (forgotten > 0) {
            LOG.info("forgot {} pushes older than {}", forgotten, KEEP_PUSH_KEYS);
        }
    }

    @Bean
    ConfiguredTenants wxcardConfiguredTenants(WxcardProperties properties, ManageTenantsUseCase tenants) {
        return new ConfiguredTenants(properties.getTenants(), tenants);
    }
}
