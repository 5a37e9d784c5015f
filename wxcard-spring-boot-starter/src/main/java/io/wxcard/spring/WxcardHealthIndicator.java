package io.wxcard.spring;

import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.InboxMessage;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.OutboxStore;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Up while the background loops run and their latest rounds succeeded, with the work waiting (outbox tasks, their
 * oldest's age, dead letters, pushes to apply); down when a loop keeps failing or the loops are stopped. The
 * database itself is the application's {@code db} indicator's business.
 */
public class WxcardHealthIndicator extends AbstractHealthIndicator {

    private final OutboxStore outbox;
    private final InboxStore inbox;
    private final Clock clock;
    private final BackgroundLoops loops;

    /** @param loops the background loops, or null when this instance runs none ({@code wxcard.outbox.enabled=false}) */
    public WxcardHealthIndicator(OutboxStore outbox, InboxStore inbox, Clock clock, BackgroundLoops loops) {
        super("wxcard health check failed");
        this.outbox = outbox;
        this.inbox = inbox;
        this.clock = clock;
        this.loops = loops;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OutboxStore.OutboxStats stats = outbox.stats(clock.now());
        builder.withDetail("outboxPending", stats.pending())
                .withDetail("outboxOldestPendingSeconds", stats.oldestPendingAge().toSeconds())
                .withDetail("outboxDead", stats.dead())
                .withDetail("inboxPending", inbox.count(InboxMessage.State.PENDING));
        if (loops == null) {
            builder.up().withDetail("loops", "none on this instance");
            return;
        }
        Map<String, String> failing = loops.failing();
        builder.withDetail("loops", loops.names());
        if (!loops.isRunning()) {
            builder.down().withDetail("stopped", true);
        } else if (!failing.isEmpty()) {
            builder.down().withDetail("failing", failing);
        } else {
            builder.up();
        }
    }
}
