package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;

/** Reads what WeChat knows of a member (form answers, membership number) and records it. */
public interface PullMemberInfoUseCase {
    Either<Failure, Membership> pull(MembershipKey membership);
}
