package io.wxcard.domain.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.domain.shared.Reason;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.membership.MembershipEvent.MembershipInvalidated;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MembershipLifecycleTest {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    static final Instant LATER = T0.plusSeconds(60);
    static final CardId CARD = new CardId("card1");
    static final Code CODE = new Code("109631701445");
    static final OpenId MEMBER = new OpenId("oFS7Fj6ca4dd3ab6aQ");

    static Membership issued() {
        return Membership.received(new TenantId("tea-house"), CARD, CODE, MEMBER, Option.of("store_42"),
                ActivationMode.MERCHANT_PAGE, T0).membership();
    }

    static Membership in(MembershipState state) {
        return switch (state) {
            case ISSUED -> issued();
            case ACTIVATED -> issued().activate(ActivationMethod.API, Option.none(), T0.plusSeconds(1)).get().membership();
            case INVALIDATED -> issued().invalidate(new Reason("lost"), T0.plusSeconds(1)).get().membership();
            case DELETED -> issued().deletedByMember(T0.plusSeconds(1)).get().membership();
            case GIFTING -> in(MembershipState.ACTIVATED).gifting().started(T0.plusSeconds(2)).get().membership();
            case GIFTED -> in(MembershipState.ACTIVATED).gifting().givenAway(T0.plusSeconds(2)).get().membership();
        };
    }

    private static void assertRejected(Either<Rejection, ?> result, RejectionCode code) {
        assertThat(result.isLeft()).as("expected a rejection, got %s", result).isTrue();
        assertThat(result.getLeft().code()).isEqualTo(code);
        assertThat(result.getLeft().reason()).contains(CODE.value());
    }

    @Test
    void a_received_card_is_issued_to_the_member() {
        MembershipChange change = Membership.received(new TenantId("tea-house"), CARD, CODE, MEMBER,
                Option.of("store_42"), ActivationMode.ONE_CLICK_FORM, T0);

        assertThat(change.membership().state()).isEqualTo(MembershipState.ISSUED);
        assertThat(change.membership().openId()).isEqualTo(MEMBER);
        assertThat(change.membership().snapshot().outerStr()).contains("store_42");
        assertThat(change.membership().snapshot().receivedAt()).isEqualTo(T0);
        assertThat(change.changed()).isTrue();
        assertThat(change.events()).as("nothing WeChat must hear of: it told us").isEmpty();
    }

    @Test
    void a_card_that_activates_itself_is_active_on_receipt() {
        MembershipChange change = Membership.received(new TenantId("tea-house"), CARD, CODE, MEMBER, Option.none(),
                ActivationMode.AUTO, T0);

        assertThat(change.membership().state()).isEqualTo(MembershipState.ACTIVATED);
        assertThat(change.membership().snapshot().activationMethod()).contains(ActivationMethod.AUTO);
        assertThat(change.membership().snapshot().activatedAt()).contains(T0);
    }

    @Test
    void an_imported_member_is_active_at_once_and_silently() {
        MembershipChange change = Membership.imported(new TenantId("tea-house"), CARD, CODE, MEMBER,
                Option.of(new MembershipNumber("VIP-1")), T0);

        assertThat(change.membership().state()).isEqualTo(MembershipState.ACTIVATED);
        assertThat(change.membership().membershipNumber()).contains(new MembershipNumber("VIP-1"));
        assertThat(change.membership().snapshot().activationMethod()).contains(ActivationMethod.IMPORT);
        assertThat(change.membership().snapshot().activatedAt()).contains(T0);
    }

    @ParameterizedTest
    @EnumSource(value = ActivationMethod.class)
    void activates_an_issued_membership_by_any_method(ActivationMethod method) {
        MembershipChange change = issued().activate(method, Option.of(new MembershipNumber("VIP-7")), LATER).get();

        assertThat(change.membership().state()).isEqualTo(MembershipState.ACTIVATED);
        assertThat(change.membership().membershipNumber()).contains(new MembershipNumber("VIP-7"));
        assertThat(change.membership().snapshot().activationMethod()).contains(method);
        assertThat(change.membership().snapshot().activatedAt()).contains(LATER);
        assertThat(change.changed()).isTrue();
    }

    @Test
    void refuses_to_activate_twice() {
        assertRejected(in(MembershipState.ACTIVATED).activate(ActivationMethod.API, Option.none(), LATER),
                RejectionCode.MEMBERSHIP_ALREADY_ACTIVATED);
    }

    @Test
    void rejects_activation_of_an_invalidated_membership() {
        assertRejected(in(MembershipState.INVALIDATED).activate(ActivationMethod.API, Option.none(), LATER),
                RejectionCode.MEMBERSHIP_INVALIDATED);
    }

    @Test
    void rejects_activation_of_a_card_the_member_deleted() {
        assertRejected(in(MembershipState.DELETED).activate(ActivationMethod.API, Option.none(), LATER),
                RejectionCode.MEMBERSHIP_DELETED_BY_MEMBER);
    }

    @ParameterizedTest
    @EnumSource(value = MembershipState.class, names = {"ISSUED", "ACTIVATED"})
    void invalidates_an_issued_or_active_membership_for_good(MembershipState state) {
        MembershipChange change = in(state).invalidate(new Reason("card reported lost"), LATER).get();

        assertThat(change.membership().state()).isEqualTo(MembershipState.INVALIDATED);
        assertThat(change.events()).containsExactly(new MembershipInvalidated(CARD, CODE, "card reported lost", LATER));
        assertRejected(change.membership().activate(ActivationMethod.API, Option.none(), LATER), RejectionCode.MEMBERSHIP_INVALIDATED);
        assertThat(change.membership().restoredByMember(LATER).get().membership().state()).isEqualTo(MembershipState.INVALIDATED);
    }

    @Test
    void refuses_to_invalidate_twice() {
        assertRejected(in(MembershipState.INVALIDATED).invalidate(new Reason("again"), LATER), RejectionCode.MEMBERSHIP_INVALIDATED);
    }

    @Test
    void refuses_to_invalidate_a_card_the_member_deleted() {
        assertRejected(in(MembershipState.DELETED).invalidate(new Reason("gone"), LATER), RejectionCode.MEMBERSHIP_DELETED_BY_MEMBER);
    }

    @ParameterizedTest
    @EnumSource(value = MembershipState.class, names = {"ISSUED", "ACTIVATED"})
    void a_member_deletes_and_restores_a_card_back_to_where_it_was(MembershipState state) {
        MembershipChange deleted = in(state).deletedByMember(LATER).get();
        assertThat(deleted.membership().state()).isEqualTo(MembershipState.DELETED);
        assertThat(deleted.membership().snapshot().stateBeforeDeletion()).contains(state);
        assertThat(deleted.membership().snapshot().updatedAt()).isEqualTo(LATER);
        assertThat(deleted.changed()).isTrue();

        MembershipChange restored = deleted.membership().restoredByMember(LATER.plusSeconds(1)).get();
        assertThat(restored.membership().state()).isEqualTo(state);
        assertThat(restored.membership().snapshot().stateBeforeDeletion()).isEmpty();
        assertThat(restored.membership().snapshot().updatedAt()).isEqualTo(LATER.plusSeconds(1));
        assertThat(restored.changed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = MembershipState.class, names = {"ISSUED", "ACTIVATED"})
    void refuses_to_restore_a_card_the_member_still_holds(MembershipState state) {
        assertRejected(in(state).restoredByMember(LATER), RejectionCode.MEMBERSHIP_NOT_DELETED);
    }

    @ParameterizedTest
    @EnumSource(value = MembershipState.class, names = {"INVALIDATED", "DELETED"})
    void a_member_deleting_a_card_that_cannot_change_is_noted_without_change(MembershipState state) {
        Membership membership = in(state);
        MembershipChange change = membership.deletedByMember(LATER).get();

        assertThat(change.membership()).isEqualTo(membership);
        assertThat(change.changed()).isFalse();
        assertThat(change.events()).isEmpty();
    }

    @Test
    void records_the_members_form_answers() {
        MembershipChange change = in(MembershipState.ACTIVATED).memberInfoRecorded(
                java.util.Map.of("USER_FORM_INFO_FLAG_MOBILE", "13800000000"), Option.none(), LATER).get();

        assertThat(change.membership().formAnswers()).containsEntry("USER_FORM_INFO_FLAG_MOBILE", "13800000000");
    }
}
