package io.wxcard.domain.loyalty;

import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.MembershipKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A member's purchase as the merchant reported it: its amount in fen (what lifetime spend adds up) and the points the
 * card's rule turned it into.
 *
 * @param ledgerSequence the ledger entry that booked the points; 0 when the purchase earned none
 */
public record Purchase(MembershipKey membership, IdempotencyKey key, Fen amount, Points earned, long ledgerSequence,
                       Instant at) {
    public Purchase {
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(key, "idempotency key");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(earned, "earned points");
        Objects.requireNonNull(at, "at");
        if (amount.value() <= 0) {
            throw new IllegalArgumentException("a purchase amount is more than 0 fen, got " + amount.value());
        }
    }
}
