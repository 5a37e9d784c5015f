package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.AuditEntry;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/** Records what operators change, and shows it to admins. */
public interface AuditTrailUseCase {

    /**
     * Does what the actor asked and records the change it made, in one transaction: an action that fails (or throws)
     * leaves no entry, and an action whose entry cannot be written is undone, so the log holds every change and only
     * changes. An action that calls WeChat has called it by then; what WeChat did is then put right as after any
     * failure that follows a WeChat call (a resubmission, the reconciler).
     *
     * @param change the entry, from the action's result; none when the action changed nothing (a repeated request
     *               the ledger answered from its record)
     */
    <T> Either<Failure, T> audited(SignedInOperator actor, Supplier<Either<Failure, T>> action,
                                   Function<? super T, Option<Change>> change);

    /** The actor's tenant's changes, newest first; for admins only. */
    Either<Failure, Page<AuditEntry>> read(SignedInOperator actor, PageRequest page);

    /**
     * @param action  what was done, a stable name ({@code card.draft}, {@code ledger.change})
     * @param subject what it was done to (a card id, a membership)
     * @param before  the state before, in short; empty for something new
     * @param after   the state after, in short
     */
    record Change(String action, String subject, String before, String after) {
        public Change {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(subject, "subject");
            before = before == null ? "" : before;
            after = after == null ? "" : after;
        }
    }
}
