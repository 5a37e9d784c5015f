package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.OperatorStore;
import io.wxcard.domain.operator.Operator;
import io.wxcard.domain.operator.OperatorId;
import io.wxcard.domain.operator.OperatorName;
import io.wxcard.domain.operator.Role;
import io.wxcard.domain.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link OperatorStore} on the {@code operators} table: inserted at version 0, updated only at the version read (an
 * optimistic check); the unique (tenant, name) refuses a second account of one name.
 */
final class JdbiOperatorStore implements OperatorStore {

    private static final String COLUMNS = "id, tenant_id, name, role, password_hash, failed_sign_ins, locked_until, "
            + "created_at, version";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM operators WHERE tenant_id = :tenantId ";
    private static final String INSERT = "INSERT INTO operators (" + COLUMNS + ") VALUES (:id, :tenantId, :name, "
            + ":role, :passwordHash, :failedSignIns, :lockedUntil, :createdAt, :version)";
    private static final String UPDATE = "UPDATE operators SET role = :role, password_hash = :passwordHash, "
            + "failed_sign_ins = :failedSignIns, locked_until = :lockedUntil, version = :version "
            + "WHERE id = :id AND tenant_id = :tenantId AND version = :expectedVersion";

    private final Sql sql;

    JdbiOperatorStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Option<Operator> find(TenantId tenantId, OperatorName name) {
        return findWhere(tenantId, "AND name = :value", name.value());
    }

    @Override
    public Option<Operator> find(TenantId tenantId, OperatorId id) {
        return findWhere(tenantId, "AND id = :value", id.value());
    }

    @Override
    public Operator save(Operator operator) {
        Operator saved = operator.withVersion(operator.version() + 1);
        Supplier<String> what = () -> "saving operator " + operator.id();
        boolean stored = sql.inTransaction(what, handle -> operator.version() == 0
                ? sql.insertUnlessPresent(handle, INSERT, what, insert -> insert
                        .bind("id", saved.id().value())
                        .bind("tenantId", saved.tenantId().value())
                        .bind("name", saved.name().value())
                        .bind("role", saved.role().name())
                        .bind("passwordHash", saved.passwordHash())
                        .bind("failedSignIns", saved.failedSignIns())
                        .bindByType("lockedUntil", saved.lockedUntil().getOrNull(), java.time.Instant.class)
                        .bind("createdAt", saved.createdAt())
                        .bind("version", saved.version()))
                : handle.createUpdate(UPDATE)
                        .bind("id", saved.id().value())
                        .bind("tenantId", saved.tenantId().value())
                        .bind("role", saved.role().name())
                        .bind("passwordHash", saved.passwordHash())
                        .bind("failedSignIns", saved.failedSignIns())
                        .bindByType("lockedUntil", saved.lockedUntil().getOrNull(), java.time.Instant.class)
                        .bind("version", saved.version())
                        .bind("expectedVersion", operator.version())
                        .execute() == 1);
        if (!stored) {
            throw new ConcurrentUpdateException("saving operator " + operator.id() + ": another change came first, or "
                    + "the tenant has an operator named " + operator.name());
        }
        return saved;
    }

    @Override
    public List<Operator> list(TenantId tenantId) {
        return sql.withHandle(() -> "listing the operators of " + tenantId, handle -> handle
                .createQuery(SELECT + "ORDER BY name")
                .bind("tenantId", tenantId.value())
                .map(JdbiOperatorStore::read)
                .list());
    }

    private Option<Operator> findWhere(TenantId tenantId, String condition, String value) {
        return sql.withHandle(() -> "reading an operator of " + tenantId, handle -> Option.ofOptional(handle
                .createQuery(SELECT + condition)
                .bind("tenantId", tenantId.value())
                .bind("value", value)
                .map(JdbiOperatorStore::read)
                .findOne()));
    }

    private static Operator read(ResultSet rs, StatementContext context) throws SQLException {
        return new Operator(new OperatorId(rs.getString("id")), new TenantId(rs.getString("tenant_id")),
                new OperatorName(rs.getString("name")), Role.valueOf(rs.getString("role")),
                rs.getString("password_hash"), rs.getInt("failed_sign_ins"),
                Option.of(UtcInstants.read(rs, "locked_until")), UtcInstants.read(rs, "created_at"),
                rs.getLong("version"));
    }
}
