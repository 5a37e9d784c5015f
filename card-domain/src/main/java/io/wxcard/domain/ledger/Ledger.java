package io.wxcard.domain.ledger;

import static io.wxcard.domain.shared.RejectionCode.BALANCE_WOULD_EXCEED_WECHAT_RANGE;
import static io.wxcard.domain.shared.RejectionCode.BALANCE_WOULD_GO_NEGATIVE;
import static io.wxcard.domain.shared.RejectionCode.IDEMPOTENCY_KEY_REUSED;
import static io.wxcard.domain.shared.RejectionCode.POINTS_WOULD_EXCEED_WECHAT_RANGE;
import static io.wxcard.domain.shared.RejectionCode.POINTS_WOULD_GO_NEGATIVE;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.shared.Rejection;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A membership's points and stored value. Entries are only ever appended; totals are what the entries add up to
 * ({@link #replay}). Holding only the totals and the last sequence, not every entry, keeps a change O(1); stores keep
 * the totals in step with the entries in the same transaction.
 */
public final class Ledger {

    private final LedgerTotals totals;

    private Ledger(LedgerTotals totals) {
        this.totals = Objects.requireNonNull(totals, "totals");
    }

    public static Ledger empty() {
        return new Ledger(LedgerTotals.EMPTY);
    }

    /** Rebuilds a stored ledger from its totals. */
    public static Ledger reconstitute(LedgerTotals totals) {
        return new Ledger(totals);
    }

    /** Derives the totals from the entries themselves, in sequence order; what a consistency check compares with. */
    public static Ledger replay(List<LedgerEntry> entries) {
        Points points = Points.ZERO;
        Fen balance = Fen.ZERO;
        long last = 0;
        for (LedgerEntry entry : entries) {
            if (entry.sequence() != last + 1) {
                throw new IllegalArgumentException("ledger entries must be consecutive: expected " + (last + 1)
                        + ", found " + entry.sequence());
            }
            points = entry.asset() == Asset.POINTS ? points.plus(entry.delta()) : points;
            balance = entry.asset() == Asset.BALANCE ? balance.plus(entry.delta()) : balance;
            last = entry.sequence();
        }
        return new Ledger(new LedgerTotals(points, balance, last));
    }

    public LedgerTotals totals() {
        return totals;
    }

    /**
     * Applies a change, or answers the first application again when its key was already used for the same request.
     *
     * @param earlierWithSameKey the entry already recorded under the change's key, if any (the caller looks it up)
     */
    public Either<Rejection, LedgerOutcome> record(LedgerChange change, Option<LedgerEntry> earlierWithSameKey,
                                                   Instant now) {
        if (earlierWithSameKey.isDefined()) {
            LedgerEntry earlier = earlierWithSameKey.get();
            return change.sameRequestAs(earlier)
                    ? Either.right(new LedgerOutcome.Replayed(earlier))
                    : Either.left(Rejection.of(IDEMPOTENCY_KEY_REUSED, "idempotency key " + change.key()
                            + " was already used for a different change (" + earlier.asset() + " " + earlier.delta()
                            + ", \"" + earlier.reason() + "\"); use a new key for a new change"));
        }
        Points points = totals.points();
        Fen balance = totals.balance();
        if (change.asset() == Asset.POINTS) {
            points = points.plus(change.delta());
            if (points.isNegative()) {
                return Either.left(Rejection.of(POINTS_WOULD_GO_NEGATIVE, "taking " + (-change.delta())
                        + " points would leave " + points.value() + "; the member has " + totals.points().value()));
            }
            if (!WechatRange.holdsTotal(points.value())) {
                return Either.left(Rejection.of(POINTS_WOULD_EXCEED_WECHAT_RANGE, "adding " + change.delta()
                        + " points would make " + points.value() + ", more than WeChat holds (" + WechatRange.MAX
                        + "); the member has " + totals.points().value()));
            }
        } else {
            balance = balance.plus(change.delta());
            if (balance.isNegative()) {
                return Either.left(Rejection.of(BALANCE_WOULD_GO_NEGATIVE, "taking " + Fen.of(-change.delta())
                        + " would leave the stored value negative; the member has " + totals.balance()));
            }
            if (!WechatRange.holdsTotal(balance.value())) {
                return Either.left(Rejection.of(BALANCE_WOULD_EXCEED_WECHAT_RANGE, "adding " + Fen.of(change.delta())
                        + " would make the stored value " + balance + ", more than WeChat holds (" + WechatRange.MAX
                        + " fen); the member has " + totals.balance()));
            }
        }
        long sequence = totals.lastSequence() + 1;
        LedgerEntry entry = new LedgerEntry(sequence, change.asset(), change.delta(), points, balance, change.reason(),
                change.key(), change.source(), change.notifyMember(), now);
        return Either.right(new LedgerOutcome.Recorded(new Ledger(new LedgerTotals(points, balance, sequence)), entry));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ledger ledger && ledger.totals.equals(totals);
    }

    @Override
    public int hashCode() {
        return totals.hashCode();
    }

    @Override
    public String toString() {
        return "Ledger" + totals;
    }
}
