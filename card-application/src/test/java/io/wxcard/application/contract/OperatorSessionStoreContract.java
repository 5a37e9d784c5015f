package io.wxcard.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.OperatorSession;
import io.wxcard.application.port.out.store.OperatorSessionStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.operator.OperatorId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link OperatorSessionStore} must do. */
public abstract class OperatorSessionStoreContract {

    protected abstract OperatorSessionStore sessions();

    private OperatorSessionStore sessions;

    @BeforeEach
    void setUpStore() {
        sessions = sessions();
    }

    private static OperatorSession session(TenantId tenant, OperatorId operator, Duration lifetime) {
        return new OperatorSession(UUID.randomUUID().toString().replace("-", ""), tenant, operator,
                "csrf-" + UUID.randomUUID(), Fixtures.T0, Fixtures.T0.plus(lifetime));
    }

    @Test
    void keeps_a_session_until_it_is_deleted() {
        OperatorSession session = session(Fixtures.uniqueTenantId(), new OperatorId("op-1"), Duration.ofHours(1));
        sessions.save(session);

        assertThat(sessions.find(session.tokenHash())).contains(session);
        sessions.delete(session.tokenHash());
        assertThat(sessions.find(session.tokenHash())).isEmpty();
        sessions.delete(session.tokenHash()); // again: nothing happens
    }

    @Test
    void refuses_a_second_session_with_the_same_token_hash() {
        OperatorSession session = session(Fixtures.uniqueTenantId(), new OperatorId("op-1"), Duration.ofHours(1));
        sessions.save(session);

        assertThatThrownBy(() -> sessions.save(session)).isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void ends_every_session_of_one_operator_and_the_expired_ones() {
        TenantId tenant = Fixtures.uniqueTenantId();
        OperatorSession first = session(tenant, new OperatorId("op-1"), Duration.ofHours(1));
        OperatorSession second = session(tenant, new OperatorId("op-1"), Duration.ofHours(1));
        OperatorSession other = session(tenant, new OperatorId("op-2"), Duration.ofHours(1));
        OperatorSession shortLived = session(tenant, new OperatorId("op-3"), Duration.ofMinutes(1));
        for (OperatorSession s : new OperatorSession[] {first, second, other, shortLived}) {
            sessions.save(s);
        }

        assertThat(sessions.deleteAll(tenant, new OperatorId("op-1"))).isEqualTo(2);
        assertThat(sessions.deleteExpired(Fixtures.T0.plus(Duration.ofMinutes(2)))).isEqualTo(1);
        assertThat(sessions.find(first.tokenHash())).isEmpty();
        assertThat(sessions.find(shortLived.tokenHash())).isEmpty();
        assertThat(sessions.find(other.tokenHash())).contains(other);
    }
}
