package io.wxcard.domain.activation;

import io.vavr.control.Option;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.MembershipNumber;
import java.time.Instant;
import java.util.Objects;

/**
 * What the merchant's page activated a session's membership with: kept so that a repeated activation is answered
 * from the first one instead of being applied again.
 */
public record SessionActivation(MembershipNumber membershipNumber, Option<Points> openingPoints,
                                Option<Fen> openingBalance, Instant activatedAt) {
    public SessionActivation {
        Objects.requireNonNull(membershipNumber, "membership number");
        Objects.requireNonNull(openingPoints, "opening points");
        Objects.requireNonNull(openingBalance, "opening balance");
        Objects.requireNonNull(activatedAt, "activated at");
    }
}
