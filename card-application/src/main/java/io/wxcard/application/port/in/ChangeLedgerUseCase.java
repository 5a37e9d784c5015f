package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.MembershipKey;
import java.util.Objects;

/**
 * Adds or takes points or stored value. Recorded in the ledger at once; WeChat is brought in line afterwards
 * through the outbox. A change repeated under the same idempotency key answers the first result and changes nothing.
 */
public interface ChangeLedgerUseCase {

    Either<Failure, LedgerResult> change(ChangeLedgerCommand command);

    record ChangeLedgerCommand(MembershipKey membership, LedgerChange change) {
        public ChangeLedgerCommand {
            Objects.requireNonNull(membership, "membership");
            Objects.requireNonNull(change, "change");
        }
    }
}
