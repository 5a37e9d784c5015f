package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.activation.ActivationSession;
import io.wxcard.domain.activation.ActivationSessionId;
import io.wxcard.domain.tenant.TenantId;

/** Keeps the activation pages' sessions (issue 20), each activated at most once. */
public interface ActivationSessionStore {

    /** Stores a new session; its id must be new ({@link ConcurrentUpdateException} otherwise). */
    void add(ActivationSession session);

    /**
     * Records that the session activated its membership, unless another instance recorded it first: false then,
     * and the stored session is left as it was.
     */
    boolean recordActivation(ActivationSession activated);

    /** The tenant's session; never another tenant's. */
    Option<ActivationSession> find(TenantId tenantId, ActivationSessionId id);
}
