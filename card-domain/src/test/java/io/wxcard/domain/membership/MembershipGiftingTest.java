package io.wxcard.domain.membership;

import static io.wxcard.domain.membership.MembershipLifecycleTest.LATER;
import static io.wxcard.domain.membership.MembershipLifecycleTest.in;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.shared.RejectionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MembershipGiftingTest {

    private static final LedgerChange MERCHANT_POINTS = LedgerChange.points(Points.of(10), "sale",
            new IdempotencyKey("k"), EntrySource.MERCHANT, false);

    @ParameterizedTest
    @EnumSource(value = MembershipState.class, names = {"ISSUED", "ACTIVATED"})
    void a_card_being_gifted_is_held_aside_and_comes_back_where_it_was(MembershipState state) {
        Membership gifting = in(state).gifting().started(LATER).get().membership();

        assertThat(gifting.state()).isEqualTo(MembershipState.GIFTING);
        assertThat(gifting.checkAcceptsChanges().getLeft().code()).isEqualTo(RejectionCode.MEMBERSHIP_BEING_GIFTED);
        assertThat(gifting.invalidate(new Reason("lost"), LATER).getLeft().code())
                .isEqualTo(RejectionCode.MEMBERSHIP_BEING_GIFTED);
        assertThat(gifting.gifting().started(LATER).get().changed()).as("reported again").isFalse();
        assertThat(gifting.gifting().returned(LATER).get().membership().state()).isEqualTo(state);
    }

    @ParameterizedTest
    @EnumSource(value = MembershipState.class, names = {"ISSUED", "ACTIVATED", "GIFTING", "DELETED"})
    void a_card_a_friend_accepted_ends_the_givers_membership_for_good(MembershipState state) {
        Membership gifted = in(state).gifting().givenAway(LATER).get().membership();

        assertThat(gifted.state()).isEqualTo(MembershipState.GIFTED);
        assertThat(gifted.record(MERCHANT_POINTS, Option.none(), LATER).getLeft().code())
                .isEqualTo(RejectionCode.MEMBERSHIP_GIFTED);
        assertThat(gifted.activate(ActivationMethod.API, Option.none(), LATER).getLeft().reason())
                .contains("given to a friend");
        assertThat(gifted.gifting().returned(LATER).get().changed()).isFalse();
        assertThat(gifted.restoredByMember(LATER).isLeft()).isTrue();
        assertThat(gifted.deletedByMember(LATER).get().changed()).isFalse();
        assertThat(gifted.gifting().givenAway(LATER).get().changed()).as("reported again").isFalse();
    }

    @Test
    void an_invalidated_card_stays_invalidated_whatever_wechat_reports_of_a_gift() {
        Membership invalidated = in(MembershipState.INVALIDATED);

        assertThat(invalidated.gifting().givenAway(LATER).get().changed()).isFalse();
        assertThat(invalidated.gifting().started(LATER).getLeft().code())
                .isEqualTo(RejectionCode.MEMBERSHIP_INVALIDATED);
    }
}
