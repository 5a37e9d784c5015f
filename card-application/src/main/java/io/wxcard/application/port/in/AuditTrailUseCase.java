package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.application.port.out.store.AuditEntry;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import java.util.Objects;

/** Records what operators change, and shows it to admins. */
public interface AuditTrailUseCase {

    /** Records a change the actor made (after it succeeded). */
    void record(SignedInOperator actor, Change change);

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
