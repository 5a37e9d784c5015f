package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.Reason;
import java.util.Objects;

/** Makes a member's card unusable, for good; WeChat follows through the outbox. */
public interface InvalidateMembershipUseCase {

    Either<Failure, Membership> invalidate(InvalidateMembershipCommand command);

    record InvalidateMembershipCommand(MembershipKey membership, String reason) {
        public InvalidateMembershipCommand {
            Objects.requireNonNull(membership, "membership");
            Reason.require(reason);
        }
    }
}
