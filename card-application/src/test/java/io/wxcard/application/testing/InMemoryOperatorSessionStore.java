package io.wxcard.application.testing;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.OperatorSession;
import io.wxcard.application.port.out.store.OperatorSessionStore;
import io.wxcard.domain.operator.OperatorId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link OperatorSessionStore} in memory. */
public final class InMemoryOperatorSessionStore implements OperatorSessionStore {

    private final Map<String, OperatorSession> sessions = new HashMap<>();

    @Override
    public synchronized void save(OperatorSession session) {
        if (sessions.putIfAbsent(session.tokenHash(), session) != null) {
            throw new ConcurrentUpdateException("saving a session: its token hash is already stored");
        }
    }

    @Override
    public synchronized Option<OperatorSession> find(String tokenHash) {
        return Option.of(sessions.get(tokenHash));
    }

    @Override
    public synchronized void delete(String tokenHash) {
        sessions.remove(tokenHash);
    }

    @Override
    public synchronized int deleteAll(TenantId tenantId, OperatorId operatorId) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.tenantId().equals(tenantId) && s.operatorId().equals(operatorId));
        return before - sessions.size();
    }

    @Override
    public synchronized int deleteExpired(Instant now) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.isExpiredAt(now));
        return before - sessions.size();
    }
}
