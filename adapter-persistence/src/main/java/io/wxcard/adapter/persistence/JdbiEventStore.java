package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.events.EventType;
import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.application.port.out.store.EventStore;
import io.wxcard.domain.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link EventStore} on {@code events}. Placing locks the one row of {@code event_positions} ({@code FOR UPDATE}) for
 * its transaction, so placers on several instances take turns and positions are never given twice; what it places is
 * what had committed when it took the lock.
 */
final class JdbiEventStore implements EventStore {

    static final String COLUMNS = "id, tenant_id, event_type, order_key, occurred_at, payload, position_no";

    private final Sql sql;

    JdbiEventStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void append(MerchantEvent event) {
        sql.withHandle(() -> "recording event " + event.id(), handle -> handle
                .createUpdate("INSERT INTO events (id, tenant_id, event_type, order_key, occurred_at, payload) "
                        + "VALUES (:id, :tenantId, :type, :orderKey, :occurredAt, :payload)")
                .bind("id", event.id())
                .bind("tenantId", event.tenantId().value())
                .bind("type", event.type().wireName())
                .bind("orderKey", event.orderKey())
                .bind("occurredAt", event.occurredAt())
                .bind("payload", event.json())
                .execute());
    }

    /** One {@link PreparedBatch} of the insert above. */
    @Override
    public void appendAll(List<MerchantEvent> added) {
        if (added.isEmpty()) {
            return;
        }
        sql.withHandle(() -> "recording " + added.size() + " events", handle -> {
            PreparedBatch insert = handle.prepareBatch("INSERT INTO events (id, tenant_id, event_type, order_key, "
                    + "occurred_at, payload) VALUES (:id, :tenantId, :type, :orderKey, :occurredAt, :payload)");
            added.forEach(event -> insert.bind("id", event.id())
                    .bind("tenantId", event.tenantId().value())
                    .bind("type", event.type().wireName())
                    .bind("orderKey", event.orderKey())
                    .bind("occurredAt", event.occurredAt())
                    .bind("payload", event.json())
                    .add());
            return insert.execute();
        });
    }

    @Override
    public List<MerchantEvent> place(int limit, Consumer<List<MerchantEvent>> whilePlacing) {
        return sql.inTransaction(() -> "placing events", handle -> {
            long last = handle.createQuery("SELECT last_position FROM event_positions WHERE name = 'events' FOR UPDATE")
                    .mapTo(Long.class).one();
            List<MerchantEvent> waiting = handle.createQuery("SELECT " + COLUMNS + " FROM events"
                            + " WHERE position_no IS NULL ORDER BY occurred_at, id LIMIT :limit")
                    .bind("limit", limit)
                    .map(JdbiEventStore::read)
                    .list();
            if (waiting.isEmpty()) {
                return waiting;
            }
            List<MerchantEvent> placed = new ArrayList<>(waiting.size());
            PreparedBatch batch = handle.prepareBatch("UPDATE events SET position_no = :position WHERE id = :id");
            for (MerchantEvent event : waiting) {
                MerchantEvent next = event.placedAt(++last);
                placed.add(next);
                batch.bind("position", next.position()).bind("id", next.id()).add();
            }
            batch.execute();
            handle.createUpdate("UPDATE event_positions SET last_position = :last WHERE name = 'events'")
                    .bind("last", last).execute();
            whilePlacing.accept(placed);
            return placed;
        });
    }

    @Override
    public List<MerchantEvent> after(Option<TenantId> tenant, long position, int limit) {
        String where = tenant.isDefined()
                ? "WHERE tenant_id = :tenantId AND position_no > :position "
                        + sql.vendor().orderByIndex("tenant_id", "position_no")
                : "WHERE position_no > :position ORDER BY position_no";
        return sql.withHandle(() -> "reading the change feed", handle -> {
            var query = handle.createQuery("SELECT " + COLUMNS + " FROM events " + where + " LIMIT :limit")
                    .bind("position", position)
                    .bind("limit", limit);
            tenant.forEach(id -> query.bind("tenantId", id.value()));
            return query.map(JdbiEventStore::read).list();
        });
    }

    @Override
    public long lastPosition() {
        return sql.withHandle(() -> "reading the last event position", handle -> handle
                .createQuery("SELECT last_position FROM event_positions WHERE name = 'events'")
                .mapTo(Long.class).one());
    }

    @Override
    public int forgetPlacedBefore(Instant cutoff) {
        return sql.inTransaction(() -> "forgetting old events", handle -> {
            // Deliveries settled long ago go with their events; pending ones are younger than the retention (at
            // least the retry span), so none of those loses its event.
            handle.createUpdate("DELETE FROM webhook_deliveries WHERE state <> 'PENDING' AND owed_at < :cutoff")
                    .bind("cutoff", cutoff).execute();
            return handle.createUpdate("DELETE FROM events WHERE position_no IS NOT NULL AND occurred_at < :cutoff")
                    .bind("cutoff", cutoff).execute();
        });
    }

    static MerchantEvent read(ResultSet rs, StatementContext context) throws SQLException {
        long position = rs.getLong("position_no"); // 0 when NULL: not placed yet
        String type = rs.getString("event_type");
        return new MerchantEvent(rs.getString("id"), position, new TenantId(rs.getString("tenant_id")),
                EventType.ofWireName(type).getOrElseThrow(() -> new IllegalStateException("a stored event has the "
                        + "unknown type " + type)),
                rs.getString("order_key"), UtcInstants.read(rs, "occurred_at"), rs.getString("payload"));
    }
}
