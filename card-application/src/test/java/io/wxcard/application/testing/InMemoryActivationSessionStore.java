package io.wxcard.application.testing;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ActivationSessionStore;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.domain.activation.ActivationSession;
import io.wxcard.domain.activation.ActivationSessionId;
import io.wxcard.domain.tenant.TenantId;
import java.util.HashMap;
import java.util.Map;

/** {@link ActivationSessionStore} in memory. */
public final class InMemoryActivationSessionStore implements ActivationSessionStore {

    private final Map<ActivationSessionId, ActivationSession> sessions = new HashMap<>();

    @Override
    public synchronized void add(ActivationSession session) {
        if (sessions.putIfAbsent(session.id(), session) != null) {
            throw new ConcurrentUpdateException("adding activation session " + session.id() + ": its id is taken");
        }
    }

    @Override
    public synchronized boolean recordActivation(ActivationSession activated) {
        ActivationSession stored = sessions.get(activated.id());
        if (stored == null || stored.activated() || activated.activation().isEmpty()) {
            return false;
        }
        sessions.put(activated.id(), activated);
        return true;
    }

    @Override
    public synchronized Option<ActivationSession> find(TenantId tenantId, ActivationSessionId id) {
        return Option.of(sessions.get(id)).filter(session -> session.tenantId().equals(tenantId));
    }
}
