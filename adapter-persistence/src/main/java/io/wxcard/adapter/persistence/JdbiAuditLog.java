package io.wxcard.adapter.persistence;

import io.wxcard.application.port.out.store.AuditEntry;
import io.wxcard.application.port.out.store.AuditLog;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link AuditLog} on the {@code audit_log} table: rows are only inserted. */
final class JdbiAuditLog implements AuditLog {

    private static final String COLUMNS = "id, tenant_id, happened_at, operator_name, action_name, subject, "
            + "before_text, after_text";

    private final Sql sql;

    JdbiAuditLog(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void append(AuditEntry entry) {
        sql.withHandle(() -> "recording " + entry.action() + " in the audit log", handle -> handle
                .createUpdate("INSERT INTO audit_log (" + COLUMNS + ") VALUES (:id, :tenantId, :at, :operator, "
                        + ":action, :subject, :before, :after)")
                .bind("id", entry.id())
                .bind("tenantId", entry.tenantId().value())
                .bind("at", entry.at())
                .bind("operator", entry.operator())
                .bind("action", entry.action())
                .bind("subject", entry.subject())
                .bind("before", entry.before())
                .bind("after", entry.after())
                .execute());
    }

    @Override
    public Page<AuditEntry> recent(TenantId tenantId, PageRequest page) {
        return sql.withHandle(() -> "reading the audit log of " + tenantId, handle -> {
            long total = handle.createQuery("SELECT COUNT(*) FROM audit_log WHERE tenant_id = :tenantId")
                    .bind("tenantId", tenantId.value())
                    .mapTo(Long.class)
                    .one();
            List<AuditEntry> items = handle.createQuery("SELECT " + COLUMNS + " FROM audit_log WHERE tenant_id = "
                            + ":tenantId ORDER BY happened_at DESC, id DESC LIMIT :limit OFFSET :offset")
                    .bind("tenantId", tenantId.value())
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .map(JdbiAuditLog::read)
                    .list();
            return new Page<>(items, total, page);
        });
    }

    private static AuditEntry read(ResultSet rs, StatementContext context) throws SQLException {
        return new AuditEntry(rs.getString("id"), new TenantId(rs.getString("tenant_id")),
                UtcInstants.read(rs, "happened_at"), rs.getString("operator_name"), rs.getString("action_name"),
                rs.getString("subject"), rs.getString("before_text"), rs.getString("after_text"));
    }
}
