package io.wxcard.application.testing;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.SharedTokenStore;
import java.time.Duration;
import java.time.Instant;

/** {@link SharedTokenStore} in memory. */
final class InMemorySharedTokenStore implements SharedTokenStore, InMemoryStores.Snapshottable {

    private record Row(Option<SharedToken> token, Option<String> leaseOwner, Instant leaseUntil) {}

    private final InMemoryStores db;
    private Map<TokenKey, Row> rows = HashMap.empty();

    InMemorySharedTokenStore(InMemoryStores db) {
        this.db = db;
    }

    @Override
    public Option<SharedToken> read(TokenKey key) {
        return db.locked(() -> rows.get(key).flatMap(Row::token));
    }

    @Override
    public boolean tryLease(TokenKey key, String owner, Instant now, Duration leaseFor) {
        return db.locked(() -> {
            Row row = rows.get(key).getOrElse(new Row(Option.none(), Option.none(), Instant.EPOCH));
            boolean free = row.leaseOwner().isEmpty() || row.leaseOwner().contains(owner) || !row.leaseUntil().isAfter(now);
            if (free) {
                rows = rows.put(key, new Row(row.token(), Option.of(owner), now.plus(leaseFor)));
            }
            return free;
        });
    }

    @Override
    public boolean publish(TokenKey key, String owner, SharedToken token) {
        return db.locked(() -> {
            Option<Row> row = rows.get(key);
            if (row.isEmpty() || !row.get().leaseOwner().contains(owner)) {
                return false;
            }
            rows = rows.put(key, new Row(Option.of(token), Option.none(), Instant.EPOCH));
            return true;
        });
    }

    @Override
    public boolean expireIfCurrent(TokenKey key, String tokenValue, Instant now) {
        return db.locked(() -> {
            Option<Row> row = rows.get(key);
            if (row.isEmpty() || !row.get().token().exists(t -> t.value().equals(tokenValue) && t.expiresAt().isAfter(now))) {
                return false;
            }
            rows = rows.put(key, new Row(Option.of(new SharedToken(tokenValue, now)), row.get().leaseOwner(),
                    row.get().leaseUntil()));
            return true;
        });
    }

    @Override
    public Object snapshot() {
        return rows;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = (Map<TokenKey, Row>) snapshot;
    }
}
