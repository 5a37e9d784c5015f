package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.loyalty.LevelChange;
import io.wxcard.domain.loyalty.Purchase;
import io.wxcard.domain.membership.MembershipKey;
import java.util.Objects;

/**
 * A member bought something: the purchase (its amount in fen) is recorded, the card's points rule turns it into a
 * ledger entry, and a member whose points or lifetime spend now reach a higher level moves up at once. A purchase
 * repeated under the same key answers the first result and changes nothing.
 */
public interface RecordPurchaseUseCase {

    Either<Failure, PurchaseResult> purchase(RecordPurchaseCommand command);

    record RecordPurchaseCommand(MembershipKey membership, Fen amount, IdempotencyKey key) {
        public RecordPurchaseCommand {
            Objects.requireNonNull(membership, "membership");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(key, "idempotency key");
            if (amount.value() <= 0) {
                throw new IllegalArgumentException("a purchase amount is more than 0 fen, got " + amount.value());
            }
        }
    }

    /**
     * @param entry    the ledger entry of the points earned; none when the purchase earned none
     * @param promoted the level the purchase moved the member up to, if it did
     * @param replayed the key was used for this purchase before: nothing changed
     */
    record PurchaseResult(Purchase purchase, Option<LedgerEntry> entry, Option<LevelChange> promoted,
                          boolean replayed) {}
}
