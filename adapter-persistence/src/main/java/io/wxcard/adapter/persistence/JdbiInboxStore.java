package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.InboxEntry;
import io.wxcard.application.port.out.store.InboxMessage;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * {@link InboxStore} on the {@code inbox} table; the keys of messages are {@link JdbiProcessedPushStore}'s.
 *
 * <p>A claim first reads which pending rows are due and have no older pending row of the same sender (a plain read,
 * outside any transaction, which sees rows other claims are locking: an idle worker's poll is this one statement),
 * then, when some are due, makes a {@link LeaseClaims lease claim} of them, its lock re-checking that each is still
 * unclaimed: concurrent claims never overlap, and a sender's next push is never claimed while an earlier one is in a
 * worker's hands. Settling a row is conditional on the claim ({@code claimed_by = ? AND state = 'PENDING'}), as in
 * the outbox.
 */
final class JdbiInboxStore implements InboxStore {

    private static final String INSERT = "INSERT INTO inbox (id, tenant_id, key_hash, push_key, sender, received_at, "
            + "method, query_json, body_base64, state, attempts, not_before, claimed_by, lease_until, outcome) "
            + "VALUES (:id, :tenantId, :keyHash, :pushKey, :sender, :receivedAt, :method, :queryJson, :bodyBase64, "
            + "'PENDING', 0, :receivedAt, NULL, NULL, NULL)";
    private static final String DUE = "SELECT i.id FROM inbox i WHERE i.state = 'PENDING' AND i.not_before <= :now "
            + "AND (i.claimed_by IS NULL OR i.lease_until <= :now) AND NOT EXISTS (SELECT 1 FROM inbox e "
            + "WHERE e.tenant_id = i.tenant_id AND e.sender = i.sender AND e.state = 'PENDING' "
            + "AND (e.received_at < i.received_at OR (e.received_at = i.received_at AND e.id < i.id))) "
            + "ORDER BY i.received_at, i.id LIMIT :limit";
    private static final String LOCK = "SELECT " + InboxRow.COLUMNS + " FROM inbox WHERE id IN (<ids>) "
            + "AND state = 'PENDING' AND " + LeaseClaims.UNCLAIMED + " ORDER BY received_at, id FOR UPDATE SKIP LOCKED";
    private static final String HELD = " WHERE id = :id AND claimed_by = :worker AND state = 'PENDING'";
    private static final String SETTLE = "UPDATE inbox SET state = :state, outcome = :outcome, attempts = attempts "
            + "+ :attempt, claimed_by = NULL, lease_until = NULL" + HELD;
    private static final String RETRY_LATER = "UPDATE inbox SET attempts = attempts + 1, not_before = :notBefore, "
            + "outcome = :outcome, claimed_by = NULL, lease_until = NULL" + HELD;
    private static final String REVIVE = "UPDATE inbox SET state = 'PENDING', attempts = 0, not_before = :now, "
            + "claimed_by = NULL, lease_until = NULL WHERE id = :id AND state = 'DEAD'";
    private static final String FORGET = "DELETE FROM inbox WHERE state IN ('APPLIED', 'REFUSED') "
            + "AND received_at < :cutoff";
    private static final int MAX_KEY_TEXT = 1024;
    private static final int MAX_OUTCOME_LENGTH = 2000;

    private final Sql sql;
    private final JdbiProcessedPushStore keys;

    JdbiInboxStore(Sql sql, JdbiProcessedPushStore keys) {
        this.sql = sql;
        this.keys = keys;
    }

    @Override
    public boolean add(InboxEntry entry) {
        PushRequest push = entry.push();
        return sql.withHandle(() -> "keeping a push", handle -> sql.insertUnlessPresent(handle, INSERT,
                () -> "keeping a push", insert -> insert
                        .bind("id", entry.id())
                        .bind("tenantId", entry.tenantId().value())
                        .bind("keyHash", JdbiProcessedPushStore.sha256(entry.pushKey()))
                        .bind("pushKey", Texts.cut(entry.pushKey(), MAX_KEY_TEXT))
                        .bind("sender", entry.sender())
                        .bind("receivedAt", entry.receivedAt())
                        .bind("method", push.method() == null ? "" : push.method())
                        .bind("queryJson", Json.write(push.query()))
                        .bind("bodyBase64", Base64.getEncoder().encodeToString(push.body()))));
    }

    @Override
    public List<InboxMessage> claim(String worker, int limit, Instant now, Duration lease) {
        if (limit < 1) {
            return List.of();
        }
        List<String> due = sql.withHandle(() -> "reading due pushes", handle -> handle.createQuery(DUE)
                .bind("now", now)
                .bind("limit", limit)
                .mapTo(String.class)
                .list());
        if (due.isEmpty()) {
            return List.of();
        }
        return LeaseClaims.claim(sql, "inbox", "claiming pushes", worker, now.plus(lease),
                        handle -> handle.createQuery(LOCK).bindList("ids", due).bind("now", now)
                                .mapTo(InboxRow.class).list(), InboxRow::id)
                .stream()
                .map(JdbiInboxStore::toMessage)
                .toList();
    }

    @Override
    public boolean applied(String id, String worker, String outcome) {
        return settle(id, worker, InboxMessage.State.APPLIED, outcome, 0);
    }

    @Override
    public boolean refused(String id, String worker, String reason) {
        return settle(id, worker, InboxMessage.State.REFUSED, reason, 0);
    }

    @Override
    public boolean deadLetter(String id, String worker, String error) {
        return settle(id, worker, InboxMessage.State.DEAD, error, 1);
    }

    private boolean settle(String id, String worker, InboxMessage.State state, String outcome, int attempt) {
        return sql.withHandle(() -> "marking push " + id + " " + state, handle -> handle.createUpdate(SETTLE)
                .bind("id", id)
                .bind("worker", worker)
                .bind("state", state.name())
                .bind("outcome", Texts.cut(outcome, MAX_OUTCOME_LENGTH))
                .bind("attempt", attempt)
                .execute() == 1);
    }

    @Override
    public boolean retryLater(String id, String worker, Instant notBefore, String error) {
        return sql.withHandle(() -> "rescheduling push " + id, handle -> handle.createUpdate(RETRY_LATER)
                .bind("id", id)
                .bind("worker", worker)
                .bind("notBefore", notBefore)
                .bind("outcome", Texts.cut(error, MAX_OUTCOME_LENGTH))
                .execute() == 1);
    }

    @Override
    public Page<InboxMessage> deadLetters(PageRequest page) {
        return sql.withHandle(() -> "listing dead pushes", handle -> Paging.page(handle, InboxRow.COLUMNS,
                "FROM inbox WHERE state = 'DEAD'", "ORDER BY received_at, id", query -> { },
                InboxRow.class, JdbiInboxStore::toMessage, page));
    }

    @Override
    public boolean revive(String id, Instant now) {
        return sql.withHandle(() -> "reviving push " + id, handle -> handle.createUpdate(REVIVE)
                .bind("id", id)
                .bind("now", now)
                .execute() > 0);
    }

    @Override
    public long count(InboxMessage.State state) {
        return sql.withHandle(() -> "counting pushes", handle -> handle
                .createQuery("SELECT COUNT(*) FROM inbox WHERE state = :state")
                .bind("state", state.name())
                .mapTo(Long.class)
                .one());
    }

    @Override
    public boolean recordIfNew(TenantId tenantId, String pushKey, Instant receivedAt) {
        return keys.recordIfNew(tenantId, pushKey, receivedAt);
    }

    @Override
    public int forgetReceivedBefore(Instant cutoff) {
        int rows = sql.withHandle(() -> "forgetting old pushes", handle -> handle.createUpdate(FORGET)
                .bind("cutoff", cutoff)
                .execute());
        return rows + keys.forgetReceivedBefore(cutoff);
    }

    private static InboxMessage toMessage(InboxRow row) {
        PushRequest push = new PushRequest(row.method(), Json.readStrings(row.queryJson()),
                Base64.getDecoder().decode(row.bodyBase64()));
        InboxEntry entry = new InboxEntry(row.id(), new TenantId(row.tenantId()), row.pushKey(), row.sender(),
                row.receivedAt(), push);
        return new InboxMessage(entry, InboxMessage.State.valueOf(row.state()), row.attempts(),
                Option.of(row.outcome()));
    }
}
