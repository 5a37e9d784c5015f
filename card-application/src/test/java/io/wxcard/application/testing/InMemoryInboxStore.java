package io.wxcard.application.testing;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.InboxEntry;
import io.wxcard.application.port.out.store.InboxMessage;
import io.wxcard.application.port.out.store.InboxMessage.State;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@link InboxStore} in memory; the push keys of messages are {@link InMemoryProcessedPushStore}'s. */
final class InMemoryInboxStore implements InboxStore, InMemoryStores.Snapshottable {

    /** @param arrival the order rows were added in, for pushes received at the same instant */
    private record Row(InboxMessage message, long arrival, Instant notBefore, Lease lease) {
        Row to(State state, int attempts, Option<String> outcome, Instant due) {
            return new Row(new InboxMessage(message.entry(), state, attempts, outcome), arrival, due, Lease.NONE);
        }

        boolean is(State state) {
            return message.state() == state;
        }

        InboxEntry entry() {
            return message.entry();
        }
    }

    private static final Comparator<Row> ARRIVAL = Comparator.comparing((Row row) -> row.entry().receivedAt())
            .thenComparing(Row::arrival);

    private final InMemoryStores db;
    private final InMemoryProcessedPushStore keys;
    private Map<String, Row> rows = LinkedHashMap.empty();
    private long arrivals;
    private volatile Runnable onAdded = () -> { };

    InMemoryInboxStore(InMemoryStores db, InMemoryProcessedPushStore keys) {
        this.db = db;
        this.keys = keys;
    }

    void onAdded(Runnable listener) {
        this.onAdded = listener;
    }

    @Override
    public boolean add(InboxEntry entry) {
        boolean added = db.locked(() -> {
            if (rows.values().exists(row -> row.entry().tenantId().equals(entry.tenantId())
                    && row.entry().pushKey().equals(entry.pushKey()))) {
                return false;
            }
            rows = rows.put(entry.id(), new Row(new InboxMessage(entry, State.PENDING, 0, Option.none()), ++arrivals,
                    entry.receivedAt(), Lease.NONE));
            return true;
        });
        if (added) {
            onAdded.run();
        }
        return added;
    }

    @Override
    public List<InboxMessage> claim(String worker, int limit, Instant now, Duration lease) {
        return db.locked(() -> {
            List<Row> due = rows.values()
                    .filter(row -> row.is(State.PENDING) && !row.notBefore().isAfter(now)
                            && row.lease().free(now)
                            && !hasOlderPending(row))
                    .sorted(ARRIVAL)
                    .take(limit)
                    .toJavaList();
            for (Row row : due) {
                rows = rows.put(row.entry().id(), new Row(row.message(), row.arrival(), row.notBefore(),
                        Lease.to(worker, now.plus(lease))));
            }
            return due.stream().map(Row::message).toList();
        });
    }

    private boolean hasOlderPending(Row row) {
        TenantId tenant = row.entry().tenantId();
        return rows.values().exists(other -> other.is(State.PENDING) && other.entry().tenantId().equals(tenant)
                && other.entry().sender().equals(row.entry().sender()) && ARRIVAL.compare(other, row) < 0);
    }

    @Override
    public boolean applied(String id, String worker, String outcome) {
        return settle(id, worker, State.APPLIED, outcome, false);
    }

    @Override
    public boolean refused(String id, String worker, String reason) {
        return settle(id, worker, State.REFUSED, reason, false);
    }

    @Override
    public boolean retryLater(String id, String worker, Instant notBefore, String error) {
        return db.locked(() -> {
            if (!claimedBy(id, worker)) {
                return false;
            }
            Row row = rows.get(id).get();
            rows = rows.put(id, row.to(State.PENDING, row.message().attempts() + 1, Option.of(error), notBefore));
            return true;
        });
    }

    @Override
    public boolean deadLetter(String id, String worker, String error) {
        return settle(id, worker, State.DEAD, error, true);
    }

    private boolean settle(String id, String worker, State state, String outcome, boolean countAttempt) {
        return db.locked(() -> {
            if (!claimedBy(id, worker)) {
                return false;
            }
            Row row = rows.get(id).get();
            int attempts = row.message().attempts() + (countAttempt ? 1 : 0);
            rows = rows.put(id, row.to(state, attempts, Option.of(outcome), row.notBefore()));
            return true;
        });
    }

    /** Whether the worker holds the row's claim (a lease that ran out still counts until someone re-claims). */
    private boolean claimedBy(String id, String worker) {
        return rows.get(id).exists(row -> row.is(State.PENDING) && row.lease().heldBy(worker));
    }

    @Override
    public Page<InboxMessage> deadLetters(PageRequest page) {
        return db.locked(() -> InMemoryPaging.page(rows.values().filter(row -> row.is(State.DEAD)).sorted(ARRIVAL)
                .map(Row::message).toJavaList(), page));
    }

    @Override
    public boolean revive(String id, Instant now) {
        return db.locked(() -> {
            Option<Row> dead = rows.get(id).filter(row -> row.is(State.DEAD));
            dead.forEach(row -> rows = rows.put(id, row.to(State.PENDING, 0, row.message().outcome(), now)));
            return dead.isDefined();
        });
    }

    /** What applying (or refusing) the rows in a state said, in arrival order: for tests that follow pushes through. */
    public java.util.List<String> outcomes(State state) {
        return db.locked(() -> rows.values().filter(row -> row.is(state)).sorted(ARRIVAL)
                .map(row -> row.message().outcome().getOrElse("")).toJavaList());
    }

    @Override
    public long count(State state) {
        return db.locked(() -> (long) rows.values().count(row -> row.is(state)));
    }

    @Override
    public boolean recordIfNew(TenantId tenantId, String pushKey, Instant receivedAt) {
        return keys.recordIfNew(tenantId, pushKey, receivedAt);
    }

    @Override
    public int forgetReceivedBefore(Instant cutoff) {
        return db.locked(() -> {
            int before = rows.size();
            rows = rows.filterValues(row -> !(row.is(State.APPLIED) || row.is(State.REFUSED))
                    || !row.entry().receivedAt().isBefore(cutoff));
            return before - rows.size() + keys.forgetReceivedBefore(cutoff);
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
