package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.loyalty.LevelChange;
import io.wxcard.domain.loyalty.LevelName;
import io.wxcard.domain.loyalty.MemberStanding;
import io.wxcard.domain.membership.MembershipKey;
import java.util.List;

/**
 * Members' levels: where a member stands, how they got there, and the merchant's own say (a level set by hand, and
 * the review at a period's end that moves members down whose standing no longer holds their level).
 */
public interface MemberLevelsUseCase {

    Either<Failure, MemberStanding> standing(MembershipKey membership);

    /** The member's level changes, oldest first: part of their timeline with the ledger's entries. */
    Either<Failure, List<LevelChange>> levelHistory(MembershipKey membership);

    /** The merchant moves a member to a level, any level of the card; shown on WeChat like any change. */
    Either<Failure, LevelChange> setLevel(MembershipKey membership, LevelName level, String reason);
}
