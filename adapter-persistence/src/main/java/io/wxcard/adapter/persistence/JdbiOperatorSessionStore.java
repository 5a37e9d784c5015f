package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.OperatorSession;
import io.wxcard.application.port.out.store.OperatorSessionStore;
import io.wxcard.domain.operator.OperatorId;
import io.wxcard.domain.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link OperatorSessionStore} on the {@code operator_sessions} table, keyed by the token's hash. */
final class JdbiOperatorSessionStore implements OperatorSessionStore {

    private static final String COLUMNS = "token_hash, tenant_id, operator_id, csrf_token, created_at, expires_at";
    private static final String INSERT = "INSERT INTO operator_sessions (" + COLUMNS + ") VALUES (:tokenHash, "
            + ":tenantId, :operatorId, :csrfToken, :createdAt, :expiresAt)";

    private final Sql sql;

    JdbiOperatorSessionStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(OperatorSession session) {
        String what = "saving a session of operator " + session.operatorId();
        boolean saved = sql.withHandle(() -> what, handle -> sql.insertUnlessPresent(handle, INSERT, () -> what,
                insert -> insert.bind("tokenHash", session.tokenHash())
                        .bind("tenantId", session.tenantId().value())
                        .bind("operatorId", session.operatorId().value())
                        .bind("csrfToken", session.csrfToken())
                        .bind("createdAt", session.createdAt())
                        .bind("expiresAt", session.expiresAt())));
        if (!saved) {
            throw new ConcurrentUpdateException(what + ": its token hash is already stored");
        }
    }

    @Override
    public Option<OperatorSession> find(String tokenHash) {
        return sql.withHandle(() -> "reading a session", handle -> Option.ofOptional(handle
                .createQuery("SELECT " + COLUMNS + " FROM operator_sessions WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash)
                .map(JdbiOperatorSessionStore::read)
                .findOne()));
    }

    @Override
    public void delete(String tokenHash) {
        sql.withHandle(() -> "ending a session", handle -> handle
                .createUpdate("DELETE FROM operator_sessions WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash)
                .execute());
    }

    @Override
    public int deleteAll(TenantId tenantId, OperatorId operatorId) {
        return sql.withHandle(() -> "ending the sessions of operator " + operatorId, handle -> handle
                .createUpdate("DELETE FROM operator_sessions WHERE tenant_id = :tenantId AND operator_id = :operatorId")
                .bind("tenantId", tenantId.value())
                .bind("operatorId", operatorId.value())
                .execute());
    }

    @Override
    public int deleteExpired(Instant now) {
        return sql.withHandle(() -> "forgetting expired sessions", handle -> handle
                .createUpdate("DELETE FROM operator_sessions WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
    }

    private static OperatorSession read(ResultSet rs, StatementContext context) throws SQLException {
        return new OperatorSession(rs.getString("token_hash"), new TenantId(rs.getString("tenant_id")),
                new OperatorId(rs.getString("operator_id")), rs.getString("csrf_token"),
                UtcInstants.read(rs, "created_at"), UtcInstants.read(rs, "expires_at"));
    }
}
