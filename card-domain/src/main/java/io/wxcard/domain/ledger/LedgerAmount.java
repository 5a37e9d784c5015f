package io.wxcard.domain.ledger;

import static io.wxcard.domain.shared.RejectionCode.IDEMPOTENCY_KEY_REUSED;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.shared.Rejection;

/**
 * How a merchant's system asks for points or stored value to move: by a delta, or to an absolute target (what its
 * CRM or ERP holds, the nightly sync's usual form). A target becomes the delta that reaches it from the totals of
 * the moment, so the ledger stays a list of changes.
 */
public sealed interface LedgerAmount {

    /** Add (or, when negative, take) this much. */
    record By(long delta) implements LedgerAmount {
        public By {
            if (delta == 0) {
                throw new IllegalArgumentException("a delta of 0 changes nothing; give a positive or negative delta");
            }
            WechatRange.requireDelta(delta, "delta");
        }
    }

    /** Make the total this much; never negative (a target that would leave stored value negative is refused here). */
    record To(long total) implements LedgerAmount {
        public To {
            WechatRange.requireTotal(total, "target");
        }
    }

    /**
     * The change this amount asks of a membership whose ledger stands at {@code now}; none when a target is what it
     * has already. When an entry already carries the key, a target that entry reached is the same request again (its
     * change is that entry's, a replay); any other target under that key is refused, as a reused key is.
     *
     * @param earlierWithSameKey the entry already recorded under {@code key}, if any
     */
    default Either<Rejection, Option<LedgerChange>> changeFrom(Asset asset, LedgerTotals now,
                                                               Option<LedgerEntry> earlierWithSameKey, String reason,
                                                               IdempotencyKey key, EntrySource source,
                                                               boolean notifyMember) {
        long delta;
        if (this instanceof By by) {
            delta = by.delta();
        } else {
            long target = ((To) this).total();
            if (earlierWithSameKey.isDefined()) {
                LedgerEntry earlier = earlierWithSameKey.get();
                long reached = earlier.asset() == Asset.POINTS ? earlier.pointsAfter().value()
                        : earlier.balanceAfter().value();
                if (earlier.asset() != asset || reached != target) {
                    return Either.left(Rejection.of(IDEMPOTENCY_KEY_REUSED, "idempotency key " + key + " was already "
                            + "used for a different change (" + earlier.asset() + " to " + reached + "); use a new "
                            + "key for a new change"));
                }
                delta = earlier.delta();
            } else {
                long current = asset == Asset.POINTS ? now.points().value() : now.balance().value();
                delta = target - current;
                if (delta == 0) {
                    return Either.right(Option.none());
                }
            }
        }
        return Either.right(Option.of(new LedgerChange(asset, delta, reason, key, source, notifyMember)));
    }
}
