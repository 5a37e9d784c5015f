package io.wxcard.adapter.persistence;

import io.wxcard.application.port.out.store.OutboxMessage;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link OutboxStore} on the {@code outbox} table.
 *
 * <p>A claim is a {@link LeaseClaims lease claim}: the due rows locked with {@code FOR UPDATE SKIP LOCKED} and leased
 * in one transaction, so no two dispatchers ever hold the same task; with them it locks the other tasks of the same
 * memberships ({@code coalesce_key}), so that their syncs go out as one call.
 *
 * <p>Completing, rescheduling or setting a task aside is conditional on the claim: {@code WHERE id = ? AND claimed_by
 * = ? AND dead = FALSE}. A dispatcher whose lease ran out keeps its claim until another one claims the task; after
 * that its late answer matches no row and changes nothing.
 */
final class JdbiOutboxStore implements OutboxStore {

    private static final String INSERT = "INSERT INTO outbox (" + OutboxRow.COLUMNS + ") "
            + "VALUES (:id, :tenantId, :kind, :fieldsJson, 0, :now, :now, NULL, NULL, FALSE, NULL, :coalesceKey)";
    /** Not dead and not held by a live lease. */
    private static final String AVAILABLE = "dead = FALSE AND " + LeaseClaims.UNCLAIMED;
    /** Another task that coalesces with this one is held by a live lease: its membership is being sent now. */
    private static final String IN_FLIGHT = "EXISTS (SELECT 1 FROM outbox held WHERE held.coalesce_key = "
            + "outbox.coalesce_key AND held.claimed_by IS NOT NULL AND held.lease_until > :now)";
    private static final String LOCK_DUE = "SELECT " + OutboxRow.COLUMNS + " FROM outbox "
            + "WHERE " + AVAILABLE + " AND not_before <= :now <tenant> AND NOT " + IN_FLIGHT
            + " ORDER BY not_before, created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED";
    /**
     * The tasks that coalesce with the due ones just locked, due or not; the due ones come again (this transaction
     * holds their locks) and are left out by id, so that the statement's text depends on the number of keys alone.
     */
    private static final String LOCK_COALESCING = "SELECT " + OutboxRow.COLUMNS + " FROM outbox "
            + "WHERE " + AVAILABLE + " AND coalesce_key IN (<keys>) ORDER BY created_at, id FOR UPDATE SKIP LOCKED";
    private static final String UNSETTLED = "SELECT " + OutboxRow.COLUMNS + " FROM outbox "
            + "WHERE tenant_id = :tenant AND coalesce_key = :key AND dead = FALSE ORDER BY created_at, id";
    private static final String TENANTS_DUE = "SELECT DISTINCT tenant_id FROM outbox "
            + "WHERE " + AVAILABLE + " AND not_before <= :now AND NOT " + IN_FLIGHT;
    /** The task, while the dispatcher still holds its claim. */
    private static final String HELD = "id = :id AND claimed_by = :dispatcher AND dead = FALSE";
    private static final String COMPLETED = "DELETE FROM outbox WHERE " + HELD;
    private static final String RETRY_LATER = "UPDATE outbox SET attempts = attempts + 1, not_before = :notBefore, "
            + "last_error = :error, claimed_by = NULL, lease_until = NULL WHERE " + HELD;
    private static final String DEAD_LETTER = "UPDATE outbox SET attempts = attempts + 1, dead = TRUE, "
            + "last_error = :error, claimed_by = NULL, lease_until = NULL WHERE " + HELD;
    private static final String REVIVE = "UPDATE outbox SET dead = FALSE, attempts = 0, not_before = :now, "
            + "claimed_by = NULL, lease_until = NULL WHERE id = :id AND dead = TRUE";
    /** Longer errors are cut: they are for people, and an error must not grow a row without bound. */
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Sql sql;
    private final OutboxRowMapper mapper = new OutboxRowMapperImpl();

    JdbiOutboxStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void enqueue(String id, OutboxTask task, Instant now) {
        String fields = Json.write(task.fields());
        sql.withHandle(() -> "adding outbox task " + id, handle -> handle.createUpdate(INSERT)
                .bind("id", id)
                .bind("tenantId", task.tenantId().value())
                .bind("kind", task.kind())
                .bind("fieldsJson", fields)
                .bind("now", now)
                .bind("coalesceKey", task.coalesceKey().getOrNull())
                .execute());
    }

    /** One {@link PreparedBatch} of {@link #INSERT}. */
    @Override
    public void enqueueAll(List<NewTask> tasks, Instant now) {
        if (tasks.isEmpty()) {
            return;
        }
        sql.withHandle(() -> "adding " + tasks.size() + " outbox tasks", handle -> {
            PreparedBatch insert = handle.prepareBatch(INSERT);
            tasks.forEach(added -> insert.bind("id", added.id())
                    .bind("tenantId", added.task().tenantId().value())
                    .bind("kind", added.task().kind())
                    .bind("fieldsJson", Json.write(added.task().fields()))
                    .bind("now", now)
                    .bind("coalesceKey", added.task().coalesceKey().getOrNull())
                    .add());
            return insert.execute();
        });
    }

    @Override
    public List<OutboxMessage> claim(String dispatcher, int limit, Instant now, Duration lease) {
        return claim(dispatcher, Optional.empty(), limit, now, lease);
    }

    @Override
    public List<OutboxMessage> claim(String dispatcher, TenantId tenant, int limit, Instant now, Duration lease) {
        return claim(dispatcher, Optional.of(tenant), limit, now, lease);
    }

    private List<OutboxMessage> claim(String dispatcher, Optional<TenantId> tenant, int limit, Instant now,
                                      Duration lease) {
        if (limit < 1) {
            return List.of();
        }
        List<OutboxRow> claimed = LeaseClaims.claim(sql, "outbox", "claiming outbox tasks", dispatcher,
                now.plus(lease), handle -> {
                    Query due = handle.createQuery(LOCK_DUE)
                            .define("tenant", tenant.isPresent() ? "AND tenant_id = :tenant" : "")
                            .bind("now", now)
                            .bind("limit", limit);
                    tenant.ifPresent(only -> due.bind("tenant", only.value()));
                    List<OutboxRow> locked = new ArrayList<>(due.mapTo(OutboxRow.class).list());
                    List<String> keys = locked.stream().map(OutboxRow::coalesceKey).filter(Objects::nonNull)
                            .distinct().toList();
                    if (!keys.isEmpty()) {
                        Set<String> lockedIds = locked.stream().map(OutboxRow::id).collect(Collectors.toSet());
                        handle.createQuery(LOCK_COALESCING)
                                .bind("now", now)
                                .bindList("keys", keys)
                                .mapTo(OutboxRow.class)
                                .forEach(row -> {
                                    if (!lockedIds.contains(row.id())) {
                                        locked.add(row);
                                    }
                                });
                    }
                    return locked;
                }, OutboxRow::id);
        return claimed.stream() // the oldest due first, then those that coalesce with them
                .map(mapper::toMessage)
                .toList();
    }

    @Override
    public List<OutboxTask> unsettled(TenantId tenant, String coalesceKey) {
        return sql.withHandle(() -> "listing unsettled outbox tasks", handle -> handle.createQuery(UNSETTLED)
                .bind("tenant", tenant.value())
                .bind("key", coalesceKey)
                .mapTo(OutboxRow.class)
                .map(row -> mapper.toMessage(row).task())
                .list());
    }

    @Override
    public List<TenantId> tenantsWithDueTasks(Instant now) {
        return sql.withHandle(() -> "listing tenants with due outbox tasks", handle -> handle.createQuery(TENANTS_DUE)
                .bind("now", now)
                .mapTo(String.class)
                .map(TenantId::new)
                .list());
    }

    @Override
    public boolean completed(String id, String dispatcher) {
        return sql.withHandle(() -> "removing outbox task " + id, handle -> handle.createUpdate(COMPLETED)
                .bind("id", id)
                .bind("dispatcher", dispatcher)
                .execute() == 1);
    }

    @Override
    public int completed(java.util.Collection<String> ids, String dispatcher) {
        if (ids.isEmpty()) {
            return 0;
        }
        return sql.withHandle(() -> "removing " + ids.size() + " outbox tasks", handle -> handle
                .createUpdate("DELETE FROM outbox WHERE id IN (<ids>) AND claimed_by = :dispatcher AND dead = FALSE")
                .bindList("ids", List.copyOf(ids))
                .bind("dispatcher", dispatcher)
                .execute());
    }

    @Override
    public boolean retryLater(String id, String dispatcher, Instant notBefore, String error) {
        return sql.withHandle(() -> "rescheduling outbox task " + id, handle -> handle.createUpdate(RETRY_LATER)
                .bind("id", id)
                .bind("dispatcher", dispatcher)
                .bind("notBefore", notBefore)
                .bind("error", cut(error))
                .execute() == 1);
    }

    @Override
    public boolean deadLetter(String id, String dispatcher, String error) {
        return sql.withHandle(() -> "setting outbox task " + id + " aside", handle -> handle.createUpdate(DEAD_LETTER)
                .bind("id", id)
                .bind("dispatcher", dispatcher)
                .bind("error", cut(error))
                .execute() == 1);
    }

    @Override
    public Page<OutboxMessage> deadLetters(PageRequest page) {
        return sql.withHandle(() -> "listing dead letters", handle -> Paging.page(handle, OutboxRow.COLUMNS,
                "FROM outbox WHERE dead = TRUE", "ORDER BY created_at, id", query -> { },
                OutboxRow.class, mapper::toMessage, page));
    }

    @Override
    public boolean revive(String id, Instant now) {
        return sql.withHandle(() -> "reviving outbox task " + id, handle -> handle.createUpdate(REVIVE)
                .bind("id", id)
                .bind("now", now)
                .execute() > 0);
    }

    @Override
    public OutboxStats stats(Instant now) {
        return sql.inTransaction(() -> "counting outbox tasks", handle -> {
            long pending = handle.createQuery("SELECT COUNT(*) FROM outbox WHERE dead = FALSE").mapTo(Long.class).one();
            long dead = handle.createQuery("SELECT COUNT(*) FROM outbox WHERE dead = TRUE").mapTo(Long.class).one();
            Instant oldest = handle.createQuery("SELECT MIN(created_at) FROM outbox WHERE dead = FALSE")
                    .mapTo(Instant.class).one();
            Duration age = oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
            return new OutboxStats(pending, dead, age);
        });
    }

    private static String cut(String error) {
        return Texts.cut(error, MAX_ERROR_LENGTH);
    }
}
