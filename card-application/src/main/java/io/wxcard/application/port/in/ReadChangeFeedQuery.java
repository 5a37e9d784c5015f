package io.wxcard.application.port.in;

import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/** The change feed: a tenant's events in order, from any position, for consumers that poll. */
public interface ReadChangeFeedQuery {

    int MAX_LIMIT = 1000;

    /**
     * @param events the tenant's events after the position asked for, in order
     * @param next   where to resume: the last event's position, or the position asked for when there was none
     */
    record FeedPage(List<MerchantEvent> events, long next) {
        public FeedPage {
            events = List.copyOf(events);
        }
    }

    /** @param limit 1 to {@link #MAX_LIMIT} */
    FeedPage after(TenantId tenantId, long position, int limit);
}
