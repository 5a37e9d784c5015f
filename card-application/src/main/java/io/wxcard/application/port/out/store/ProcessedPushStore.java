package io.wxcard.application.port.out.store;

import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;

/**
 * Remembers which WeChat pushes were already handled, so that WeChat's retries (and copies delivered to several
 * instances) are handled once. Shared by every instance; kept far longer than WeChat's retry span.
 */
public interface ProcessedPushStore {

    /**
     * Records the push's key, in the caller's transaction.
     *
     * @return true when the key is new; false when the push was already handled
     */
    boolean recordIfNew(TenantId tenantId, String pushKey, Instant receivedAt);

    /** Forgets keys received before the cutoff; answers how many. */
    int forgetReceivedBefore(Instant cutoff);
}
