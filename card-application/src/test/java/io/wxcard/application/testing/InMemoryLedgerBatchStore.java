package io.wxcard.application.testing;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.LedgerBatchStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.LedgerBatch;
import io.wxcard.domain.ledger.LedgerBatchId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@link LedgerBatchStore} in memory. */
final class InMemoryLedgerBatchStore implements LedgerBatchStore, InMemoryStores.Snapshottable {

    private record State(Map<LedgerBatchId, LedgerBatch> batches, Map<LedgerBatchId, TreeMap<Long, String>> failures) {}

    private final InMemoryStores db;
    private State state = new State(LinkedHashMap.empty(), LinkedHashMap.empty());

    InMemoryLedgerBatchStore(InMemoryStores db) {
        this.db = db;
    }

    @Override
    public void create(LedgerBatch batch) {
        db.locked(() -> {
            if (state.batches().containsKey(batch.id())) {
                throw new IllegalArgumentException("ledger batch " + batch.id() + " already exists");
            }
            state = new State(state.batches().put(batch.id(), batch), state.failures().put(batch.id(), TreeMap.empty()));
            return null;
        });
    }

    @Override
    public void chunkApplied(LedgerBatchId batchId, LedgerBatch.Counts counts, List<LineFailure> failures) {
        db.locked(() -> {
            LedgerBatch batch = state.batches().get(batchId)
                    .getOrElseThrow(() -> new IllegalArgumentException("there is no ledger batch " + batchId));
            TreeMap<Long, String> lines = state.failures().get(batchId).get();
            for (LineFailure failure : failures) {
                lines = lines.put(failure.lineNumber(), failure.reason());
            }
            LedgerBatch counted = new LedgerBatch(batch.id(), batch.tenantId(), batch.cardId(), batch.status(),
                    batch.counts().plus(counts), batch.createdAt(), batch.finishedAt());
            state = new State(state.batches().put(batchId, counted), state.failures().put(batchId, lines));
            return null;
        });
    }

    @Override
    public void finished(LedgerBatchId batchId, LedgerBatch.Status status, Instant now) {
        db.locked(() -> {
            state.batches().get(batchId).forEach(batch -> state = new State(state.batches().put(batchId,
                    new LedgerBatch(batch.id(), batch.tenantId(), batch.cardId(), status, batch.counts(),
                            batch.createdAt(), Option.of(now))), state.failures()));
            return null;
        });
    }

    @Override
    public Option<LedgerBatch> find(TenantId tenantId, LedgerBatchId batchId) {
        return db.locked(() -> state.batches().get(batchId).filter(batch -> batch.tenantId().equals(tenantId)));
    }

    @Override
    public Page<LedgerBatch> list(TenantId tenantId, CardId cardId, PageRequest page) {
        return db.locked(() -> InMemoryPaging.page(state.batches().values()
                .filter(batch -> batch.tenantId().equals(tenantId) && batch.cardId().equals(cardId))
                .toJavaStream()
                .sorted(Comparator.comparing(LedgerBatch::createdAt).thenComparing(b -> b.id().value()).reversed())
                .toList(), page));
    }

    @Override
    public Page<LineFailure> failures(LedgerBatchId batchId, PageRequest page) {
        return db.locked(() -> InMemoryPaging.page(state.failures().get(batchId).getOrElse(TreeMap.empty())
                .map(line -> new LineFailure(line._1, line._2)).toJavaList(), page));
    }

    @Override
    public Object snapshot() {
        return state;
    }

    @Override
    public void restore(Object snapshot) {
        state = (State) snapshot;
    }
}
