package io.wxcard.application.service;

import io.vavr.control.Either;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.LedgerBatchStore;
import io.wxcard.application.port.out.store.LedgerBatchStore.LineFailure;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.LedgerBatch;
import io.wxcard.domain.ledger.LedgerBatchId;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ledger batches: the lines are pulled from the caller's stream a chunk at a time, and each chunk is applied in one
 * transaction ({@link LedgerBatchChunk}) with its counts and failures, so the batch's progress is readable while it
 * runs and is exactly what it applied if it breaks off. Sending the same lines again is how a batch resumes: what
 * was applied replays under its keys.
 */
final class LedgerBatchService implements ApplyLedgerBatchUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerBatchService.class);
    /**
     * Lines per transaction: large enough that a round trip per table is spread over many lines, small enough that a
     * chunk holds its memberships' row locks for milliseconds, not seconds, beside the API's single changes.
     */
    static final int CHUNK_LINES = 500;

    private final LedgerBatchStore batches;
    private final LedgerBatchChunk chunks;
    private final TransactionBoundary transactions;
    private final UnitOfWork unitOfWork;
    private final Lookups lookups;
    private final Clock clock;
    private final IdGenerator ids;

    LedgerBatchService(LedgerBatchStore batches, LedgerBatchChunk chunks, TransactionBoundary transactions,
                       UnitOfWork unitOfWork, Lookups lookups, Clock clock, IdGenerator ids) {
        this.batches = batches;
        this.chunks = chunks;
        this.transactions = transactions;
        this.unitOfWork = unitOfWork;
        this.lookups = lookups;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Either<Failure, LedgerBatch> apply(ApplyLedgerBatchCommand command) {
        return lookups.cardToCheck(command.tenantId(), command.cardId())
                .map(card -> run(card, command))
                .flatMap(batchId -> batch(command.tenantId(), batchId));
    }

    private LedgerBatchId run(Card card, ApplyLedgerBatchCommand command) {
        LedgerBatchId batchId = new LedgerBatchId(ids.newId("lb"));
        transactions.inTransaction(() -> {
            batches.create(LedgerBatch.started(batchId, card.tenantId(), card.id(), clock.now()));
            return null;
        });
        LedgerBatch.Status ended = LedgerBatch.Status.INTERRUPTED;
        try {
            for (List<BatchLine> chunk = next(command); !chunk.isEmpty(); chunk = next(command)) {
                applyChunk(batchId, card, chunk);
            }
            ended = LedgerBatch.Status.COMPLETED;
        } finally {
            LedgerBatch.Status status = ended;
            try {
                transactions.inTransaction(() -> {
                    batches.finished(batchId, status, clock.now());
                    return null;
                });
            } catch (RuntimeException notRecorded) {
                // The batch stays RUNNING in the store; its counts are still what it applied.
                LOG.warn("ledger batch {} ended {} but that could not be recorded: {}", batchId, status,
                        notRecorded.toString());
            }
        }
        return batchId;
    }

    /**
     * One chunk, run again from a fresh read when it lost a race. When it keeps losing (others change the same
     * memberships all along), its lines are reported failed, to be sent again, and the batch goes on.
     */
    private void applyChunk(LedgerBatchId batchId, Card card, List<BatchLine> chunk) {
        Either<Failure, LedgerBatch.Counts> applied = unitOfWork.run("ledger batch " + batchId,
                () -> Either.right(chunks.apply(batchId, card, chunk, clock.now())));
        if (applied.isLeft()) {
            List<LineFailure> failed = chunk.stream().map(line -> new LineFailure(line.lineNumber(),
                    applied.getLeft().detail())).toList();
            transactions.inTransaction(() -> {
                batches.chunkApplied(batchId, new LedgerBatch.Counts(0, 0, 0, failed.size()), failed);
                return null;
            });
        }
    }

    private static List<BatchLine> next(ApplyLedgerBatchCommand command) {
        List<BatchLine> chunk = new ArrayList<>(CHUNK_LINES);
        while (chunk.size() < CHUNK_LINES && command.lines().hasNext()) {
            chunk.add(command.lines().next());
        }
        return chunk;
    }

    @Override
    public Either<Failure, LedgerBatch> batch(TenantId tenantId, LedgerBatchId batchId) {
        return batches.find(tenantId, batchId).toEither(() -> new Failure.NotFound("ledger batch " + batchId));
    }

    @Override
    public Either<Failure, Page<LedgerBatch>> batches(TenantId tenantId, CardId cardId, PageRequest page) {
        return lookups.card(tenantId, cardId).map(card -> batches.list(tenantId, cardId, page));
    }

    @Override
    public Either<Failure, Page<LineFailure>> failures(TenantId tenantId, LedgerBatchId batchId, PageRequest page) {
        return batch(tenantId, batchId).map(batch -> batches.failures(batch.id(), page));
    }
}
