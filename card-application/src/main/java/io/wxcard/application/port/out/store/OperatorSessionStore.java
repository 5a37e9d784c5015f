package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.operator.OperatorId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;

/** Keeps the console's sessions, found by the hash of their token. */
public interface OperatorSessionStore {

    /** @throws ConcurrentUpdateException when a session with this token hash is already stored */
    void save(OperatorSession session);

    Option<OperatorSession> find(String tokenHash);

    /** Ends a session; ending one that is not stored does nothing. */
    void delete(String tokenHash);

    /** Ends every session of an operator (a role change, a new password); answers how many ended. */
    int deleteAll(TenantId tenantId, OperatorId operatorId);

    /** Forgets sessions that expired before {@code now}; answers how many. */
    int deleteExpired(Instant now);
}
