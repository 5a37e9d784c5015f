package io.wxcard.application.testing;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.OutboxMessage;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link OutboxStore} in memory. */
final class InMemoryOutboxStore implements OutboxStore, InMemoryStores.Snapshottable {

    private record Row(OutboxMessage message, boolean dead, Lease lease) {
        Row with(OutboxMessage next, boolean nextDead, Lease nextLease) {
            return new Row(next, nextDead, nextLease);
        }
    }

    private final InMemoryStores db;
    private Map<String, Row> rows = LinkedHashMap.empty();

    InMemoryOutboxStore(InMemoryStores db) {
        this.db = db;
    }

    @Override
    public void enqueue(String id, OutboxTask task, Instant now) {
        db.locked(() -> {
            if (rows.containsKey(id)) {
                throw new ConcurrentUpdateException("outbox task " + id + " already exists");
            }
            rows = rows.put(id, new Row(new OutboxMessage(id, task, 0, now, now, Option.none()), false, Lease.NONE));
            return null;
        });
    }

    @Override
    public List<OutboxMessage> claim(String dispatcher, int limit, Instant now, Duration lease) {
        return claim(dispatcher, Option.none(), limit, now, lease);
    }

    @Override
    public List<OutboxMessage> claim(String dispatcher, TenantId tenant, int limit, Instant now, Duration lease) {
        return claim(dispatcher, Option.of(tenant), limit, now, lease);
    }

    private List<OutboxMessage> claim(String dispatcher, Option<TenantId> tenant, int limit, Instant now,
                                      Duration lease) {
        return db.locked(() -> {
            List<Row> due = rows.values()
                    .filter(row -> available(row, now) && !row.message().notBefore().isAfter(now)
                            && tenant.forAll(row.message().task().tenantId()::equals) && !inFlight(row, now))
                    .sorted(Comparator.comparing((Row row) -> row.message().notBefore())
                            .thenComparing(row -> row.message().createdAt()))
                    .take(limit)
                    .toJavaList();
            Set<String> keys = due.stream().flatMap(row -> row.message().task().coalesceKey().toJavaStream())
                    .collect(Collectors.toSet());
            Set<String> ids = due.stream().map(row -> row.message().id()).collect(Collectors.toSet());
            List<Row> claimed = new ArrayList<>(due);
            rows.values().filter(row -> available(row, now) && !ids.contains(row.message().id())
                            && row.message().task().coalesceKey().exists(keys::contains))
                    .sorted(Comparator.comparing((Row row) -> row.message().createdAt()))
                    .forEach(claimed::add);
            for (Row row : claimed) {
                rows = rows.put(row.message().id(), row.with(row.message(), false, Lease.to(dispatcher, now.plus(lease))));
            }
            return claimed.stream().map(Row::message).toList();
        });
    }

    /** Another task that coalesces with this one is held by a live lease: its membership is being sent now. */
    private boolean inFlight(Row row, Instant now) {
        Option<String> key = row.message().task().coalesceKey();
        return key.isDefined() && rows.values().exists(other -> other.lease().live(now)
                && other.message().task().coalesceKey().equals(key));
    }

    private static boolean available(Row row, Instant now) {
        return !row.dead() && row.lease().free(now);
    }

    @Override
    public List<OutboxTask> unsettled(TenantId tenant, String coalesceKey) {
        return db.locked(() -> rows.values()
                .filter(row -> !row.dead() && row.message().task().tenantId().equals(tenant)
                        && row.message().task().coalesceKey().contains(coalesceKey))
                .sorted(Comparator.comparing((Row row) -> row.message().createdAt()))
                .map(row -> row.message().task())
                .toJavaList());
    }

    @Override
    public List<TenantId> tenantsWithDueTasks(Instant now) {
        return db.locked(() -> rows.values()
                .filter(row -> available(row, now) && !row.message().notBefore().isAfter(now) && !inFlight(row, now))
                .map(row -> row.message().task().tenantId())
                .distinct()
                .toJavaList());
    }

    @Override
    public boolean completed(String id, String dispatcher) {
        return db.locked(() -> {
            if (!claimedBy(id, dispatcher)) {
                return false;
            }
            rows = rows.remove(id);
            return true;
        });
    }

    @Override
    public int completed(java.util.Collection<String> ids, String dispatcher) {
        return db.locked(() -> {
            int removed = 0;
            for (String id : ids) {
                if (claimedBy(id, dispatcher)) {
                    rows = rows.remove(id);
                    removed++;
                }
            }
            return removed;
        });
    }

    @Override
    public boolean retryLater(String id, String dispatcher, Instant notBefore, String error) {
        return db.locked(() -> {
            if (!claimedBy(id, dispatcher)) {
                return false;
            }
            Row row = rows.get(id).get();
            OutboxMessage m = row.message();
            rows = rows.put(id, row.with(new OutboxMessage(id, m.task(), m.attempts() + 1, m.createdAt(), notBefore,
                    Option.of(error)), false, Lease.NONE));
            return true;
        });
    }

    @Override
    public boolean deadLetter(String id, String dispatcher, String error) {
        return db.locked(() -> {
            if (!claimedBy(id, dispatcher)) {
                return false;
            }
            Row row = rows.get(id).get();
            OutboxMessage m = row.message();
            rows = rows.put(id, row.with(new OutboxMessage(id, m.task(), m.attempts() + 1, m.createdAt(),
                    m.notBefore(), Option.of(error)), true, Lease.NONE));
            return true;
        });
    }

    /** Whether the dispatcher holds the task's claim (a lease that ran out still counts until someone re-claims). */
    private boolean claimedBy(String id, String dispatcher) {
        return rows.get(id).exists(row -> !row.dead() && row.lease().heldBy(dispatcher));
    }

    @Override
    public Page<OutboxMessage> deadLetters(PageRequest page) {
        return db.locked(() -> InMemoryPaging.page(rows.values().filter(Row::dead).map(Row::message)
                .sortBy(OutboxMessage::createdAt).toJavaList(), page));
    }

    @Override
    public boolean revive(String id, Instant now) {
        return db.locked(() -> {
            Option<Row> row = rows.get(id).filter(Row::dead);
            row.forEach(dead -> {
                OutboxMessage m = dead.message();
                rows = rows.put(id, dead.with(new OutboxMessage(id, m.task(), 0, m.createdAt(), now, m.lastError()),
                        false, Lease.NONE));
            });
            return row.isDefined();
        });
    }

    @Override
    public OutboxStats stats(Instant now) {
        return db.locked(() -> {
            var pending = rows.values().filter(row -> !row.dead());
            Duration oldest = pending.map(row -> Duration.between(row.message().createdAt(), now))
                    .max().filter(age -> !age.isNegative()).getOrElse(Duration.ZERO);
            return new OutboxStats(pending.size(), rows.values().count(Row::dead), oldest);
        });
    }

    @Override
    public Object snapshot() {
        return rows;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = (Map<String, Row>) snapshot;
    }
}
