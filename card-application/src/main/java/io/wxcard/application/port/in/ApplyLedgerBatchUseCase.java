package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.LedgerBatchStore.LineFailure;
import io.wxcard.application.port.out.store.MemberLookup;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerAmount;
import io.wxcard.domain.ledger.LedgerBatch;
import io.wxcard.domain.ledger.LedgerBatchId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.tenant.TenantId;
import java.util.Iterator;
import java.util.Objects;

/**
 * Changes in bulk from a merchant's CRM or ERP (its nightly sync): lines of points and stored-value changes, applied a
 * chunk at a time as they are read (each chunk one transaction), never held whole. Each line is applied once however
 * often the batch is sent (its idempotency key); a line that cannot be applied is reported with its reason and the
 * batch goes on; a line is applied whole or not at all.
 */
public interface ApplyLedgerBatchUseCase {

    /** Reads and applies every line, answering the batch as it ended. */
    Either<Failure, LedgerBatch> apply(ApplyLedgerBatchCommand command);

    /** A batch as it stands: while it runs, its counts are those of the chunks committed so far. */
    Either<Failure, LedgerBatch> batch(TenantId tenantId, LedgerBatchId batchId);

    /** A card's batches, newest first: how a caller that has no batch id yet follows one that runs. */
    Either<Failure, Page<LedgerBatch>> batches(TenantId tenantId, CardId cardId,
                                               PageRequest page);

    /** The lines that failed, with their reasons, in line order. */
    Either<Failure, Page<LineFailure>> failures(TenantId tenantId, LedgerBatchId batchId,
                                                PageRequest page);

    record ApplyLedgerBatchCommand(TenantId tenantId, CardId cardId,
                                   Iterator<BatchLine> lines) {
        public ApplyLedgerBatchCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(cardId, "card id");
            Objects.requireNonNull(lines, "lines");
        }
    }

    /** One line of the input, already parsed, or what was wrong with it (naming the field). */
    record BatchLine(long lineNumber, Either<String, LedgerLine> line) {
        public BatchLine {
            Objects.requireNonNull(line, "line");
        }
    }

    /** Whose membership a line changes: by its code, or as the merchant's systems know the member. */
    sealed interface Member {
        record ByCode(Code code) implements Member {
            public ByCode {
                Objects.requireNonNull(code, "code");
            }
        }

        /** By phone or membership number (or openid), which must match exactly one membership of the card. */
        record ByLookup(MemberLookup lookup) implements Member {
            public ByLookup {
                Objects.requireNonNull(lookup, "lookup");
            }
        }
    }

    /**
     * One change a line asks for: points, stored value, or both (then both are recorded, or neither).
     *
     * @param key the line's idempotency key; a line changing both records its two entries under {@code key/points}
     *            and {@code key/balance}, so it must leave room for the suffix
     */
    record LedgerLine(Member member, Option<LedgerAmount> points, Option<LedgerAmount> balance, String reason,
                      IdempotencyKey key, boolean notifyMember) {
        public static final String POINTS_SUFFIX = "/points";
        public static final String BALANCE_SUFFIX = "/balance";

        public LedgerLine {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(points, "points");
            Objects.requireNonNull(balance, "balance");
            Objects.requireNonNull(key, "idempotency_key");
            if (points.isEmpty() && balance.isEmpty()) {
                throw new IllegalArgumentException("a line changes points or balance (a delta or a target); this one "
                        + "gives neither");
            }
            Reason.require(reason);
            if (points.isDefined() && balance.isDefined()
                    && key.value().length() + BALANCE_SUFFIX.length() > IdempotencyKey.MAX_LENGTH) {
                throw new IllegalArgumentException("a line changing both points and balance has an idempotency key "
                        + "of at most " + (IdempotencyKey.MAX_LENGTH - BALANCE_SUFFIX.length()) + " characters");
            }
        }

        /** The key of the line's points entry. */
        public IdempotencyKey pointsKey() {
            return balance.isEmpty() ? key : new IdempotencyKey(key.value() + POINTS_SUFFIX);
        }

        /** The key of the line's stored-value entry. */
        public IdempotencyKey balanceKey() {
            return points.isEmpty() ? key : new IdempotencyKey(key.value() + BALANCE_SUFFIX);
        }
    }
}
