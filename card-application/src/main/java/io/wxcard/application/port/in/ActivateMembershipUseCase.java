package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipNumber;
import java.util.Objects;

/**
 * Activates a member's card through the API (the {@code activate_url} flow: the member filled the merchant's own
 * page), optionally with opening points and stored value.
 */
public interface ActivateMembershipUseCase {

    Either<Failure, Membership> activate(ActivateMembershipCommand command);

    /** @param membershipNumber shown on the card; the code when none is given */
    record ActivateMembershipCommand(MembershipKey membership, Option<MembershipNumber> membershipNumber,
                                     Option<Points> initialPoints, Option<Fen> initialBalance) {
        public ActivateMembershipCommand {
            Objects.requireNonNull(membership, "membership");
            Objects.requireNonNull(membershipNumber, "membership number");
            Objects.requireNonNull(initialPoints, "initial points");
            Objects.requireNonNull(initialBalance, "initial balance");
            initialPoints.forEach(points -> {
                if (points.value() < 0) {
                    throw new IllegalArgumentException("initial points must not be negative");
                }
            });
            initialBalance.forEach(balance -> {
                if (balance.value() < 0) {
                    throw new IllegalArgumentException("initial balance must not be negative");
                }
            });
        }
    }
}
