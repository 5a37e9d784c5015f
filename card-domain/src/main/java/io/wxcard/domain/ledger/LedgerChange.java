package io.wxcard.domain.ledger;

import io.wxcard.domain.shared.Reason;
import java.util.Objects;

/**
 * A change someone asks for: add or take points or stored value, for a reason the member may see, under an
 * idempotency key. Built only through {@link #points} and {@link #balance}, so the delta's unit is never in doubt.
 *
 * @param notifyMember whether WeChat should notify the member of the change
 */
public record LedgerChange(Asset asset, long delta, String reason, IdempotencyKey key, EntrySource source,
                           boolean notifyMember) {

    public LedgerChange {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(key, "idempotency key");
        Objects.requireNonNull(source, "source");
        if (delta == 0) {
            throw new IllegalArgumentException("a change of 0 changes nothing; give a positive or negative delta");
        }
        WechatRange.requireDelta(delta, "delta");
        Reason.require(reason);
    }

    public static LedgerChange points(Points delta, String reason, IdempotencyKey key, EntrySource source, boolean notifyMember) {
        return new LedgerChange(Asset.POINTS, delta.value(), reason, key, source, notifyMember);
    }

    public static LedgerChange balance(Fen delta, String reason, IdempotencyKey key, EntrySource source, boolean notifyMember) {
        return new LedgerChange(Asset.BALANCE, delta.value(), reason, key, source, notifyMember);
    }

    /** Whether the recorded entry came from this very request (so reusing its key is a harmless replay). */
    public boolean sameRequestAs(LedgerEntry entry) {
        return entry.asset() == asset && entry.delta() == delta && entry.reason().equals(reason)
                && entry.source() == source;
    }
}
