package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.LedgerBatchStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.LedgerBatch;
import io.wxcard.domain.ledger.LedgerBatchId;
import io.wxcard.domain.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link LedgerBatchStore} on {@code ledger_batches} and {@code ledger_batch_failures}. A chunk adds its counts with
 * one {@code UPDATE} (which also tells that the batch exists) and its failed lines with one {@link PreparedBatch}.
 */
final class JdbiLedgerBatchStore implements LedgerBatchStore {

    static final int MAX_REASON = 2000;
    private static final String COLUMNS = "id, tenant_id, card_id, status, applied, replayed, unchanged, failed, "
            + "created_at, finished_at";

    private final Sql sql;

    JdbiLedgerBatchStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Also refreshes, on PostgreSQL, the statistics of the tables each chunk looks up by key (memberships by code,
     * their ledgers by idempotency key) when autovacuum has not ({@link PlannerStatistics}): a batch's chunks are planned
     * on them, and on none a chunk costs more with every chunk before it.
     */
    @Override
    public void create(LedgerBatch batch) {
        sql.withHandle(() -> "refreshing the statistics for ledger batch " + batch.id(), handle -> PlannerStatistics
                .refreshStale(handle, sql.vendor(), List.of("memberships", "ledger_entries")));
        sql.withHandle(() -> "creating ledger batch " + batch.id(), handle -> handle
                .createUpdate("INSERT INTO ledger_batches (" + COLUMNS + ") VALUES (:id, :tenantId, :cardId, :status, "
                        + ":applied, :replayed, :unchanged, :failed, :createdAt, NULL)")
                .bind("id", batch.id().value())
                .bind("tenantId", batch.tenantId().value())
                .bind("cardId", batch.cardId().value())
                .bind("status", batch.status().name())
                .bind("applied", batch.counts().applied())
                .bind("replayed", batch.counts().replayed())
                .bind("unchanged", batch.counts().unchanged())
                .bind("failed", batch.counts().failed())
                .bind("createdAt", batch.createdAt())
                .execute());
    }

    @Override
    public void chunkApplied(LedgerBatchId batchId, LedgerBatch.Counts counts, List<LineFailure> failures) {
        sql.withHandle(() -> "recording a chunk of ledger batch " + batchId, handle -> {
            int updated = handle.createUpdate("UPDATE ledger_batches SET applied = applied + :applied, "
                            + "replayed = replayed + :replayed, unchanged = unchanged + :unchanged, "
                            + "failed = failed + :failed WHERE id = :id")
                    .bind("applied", counts.applied())
                    .bind("replayed", counts.replayed())
                    .bind("unchanged", counts.unchanged())
                    .bind("failed", counts.failed())
                    .bind("id", batchId.value())
                    .execute();
            if (updated != 1) {
                throw new IllegalArgumentException("there is no ledger batch " + batchId);
            }
            if (!failures.isEmpty()) {
                PreparedBatch insert = handle.prepareBatch("INSERT INTO ledger_batch_failures (batch_id, line_no, "
                        + "reason) VALUES (:batchId, :line, :reason)");
                failures.forEach(failure -> insert.bind("batchId", batchId.value())
                        .bind("line", failure.lineNumber())
                        .bind("reason", Texts.cut(failure.reason(), MAX_REASON))
                        .add());
                insert.execute();
            }
            return null;
        });
    }

    @Override
    public void finished(LedgerBatchId batchId, LedgerBatch.Status status, Instant now) {
        sql.withHandle(() -> "finishing ledger batch " + batchId, handle -> handle
                .createUpdate("UPDATE ledger_batches SET status = :status, finished_at = :now WHERE id = :id")
                .bind("status", status.name())
                .bind("now", now)
                .bind("id", batchId.value())
                .execute());
    }

    @Override
    public Option<LedgerBatch> find(TenantId tenantId, LedgerBatchId batchId) {
        return sql.withHandle(() -> "reading ledger batch " + batchId, handle -> Option.ofOptional(handle
                .createQuery("SELECT " + COLUMNS + " FROM ledger_batches WHERE id = :id AND tenant_id = :tenantId")
                .bind("id", batchId.value())
                .bind("tenantId", tenantId.value())
                .map(JdbiLedgerBatchStore::read)
                .findOne()));
    }

    @Override
    public Page<LedgerBatch> list(TenantId tenantId, CardId cardId, PageRequest page) {
        return sql.withHandle(() -> "listing the ledger batches of card " + cardId, handle -> {
            long total = handle.createQuery("SELECT COUNT(*) FROM ledger_batches WHERE tenant_id = :tenantId "
                            + "AND card_id = :cardId")
                    .bind("tenantId", tenantId.value())
                    .bind("cardId", cardId.value())
                    .mapTo(Long.class).one();
            List<LedgerBatch> items = handle.createQuery("SELECT " + COLUMNS + " FROM ledger_batches WHERE "
                            + "tenant_id = :tenantId AND card_id = :cardId ORDER BY created_at DESC, id DESC "
                            + "LIMIT :limit OFFSET :offset")
                    .bind("tenantId", tenantId.value())
                    .bind("cardId", cardId.value())
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .map(JdbiLedgerBatchStore::read)
                    .list();
            return new Page<>(items, total, page);
        });
    }

    @Override
    public Page<LineFailure> failures(LedgerBatchId batchId, PageRequest page) {
        return sql.withHandle(() -> "listing the failures of ledger batch " + batchId, handle -> {
            long total = handle.createQuery("SELECT COUNT(*) FROM ledger_batch_failures WHERE batch_id = :id")
                    .bind("id", batchId.value())
                    .mapTo(Long.class).one();
            List<LineFailure> items = handle.createQuery("SELECT line_no, reason FROM ledger_batch_failures "
                            + "WHERE batch_id = :id ORDER BY line_no LIMIT :limit OFFSET :offset")
                    .bind("id", batchId.value())
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .map((rs, context) -> new LineFailure(rs.getLong("line_no"), rs.getString("reason")))
                    .list();
            return new Page<>(items, total, page);
        });
    }

    private static LedgerBatch read(ResultSet rs, StatementContext context) throws SQLException {
        return new LedgerBatch(new LedgerBatchId(rs.getString("id")), new TenantId(rs.getString("tenant_id")),
                new CardId(rs.getString("card_id")), LedgerBatch.Status.valueOf(rs.getString("status")),
                new LedgerBatch.Counts(rs.getLong("applied"), rs.getLong("replayed"), rs.getLong("unchanged"),
                        rs.getLong("failed")),
                UtcInstants.read(rs, "created_at"), Option.of(UtcInstants.read(rs, "finished_at")));
    }
}
