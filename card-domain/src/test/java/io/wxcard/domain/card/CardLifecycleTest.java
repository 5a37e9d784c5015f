package io.wxcard.domain.card;

import static io.wxcard.domain.card.CardStates.T0;
import static io.wxcard.domain.card.CardStates.TENANT;
import static io.wxcard.domain.card.CardStates.WECHAT_ID;
import static io.wxcard.domain.card.CardStates.in;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.CardEvent.CardDeleted;
import io.wxcard.domain.card.definition.BaseInfo;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CardLifecycleTest {

    private static final Instant LATER = T0.plusSeconds(60);
    private static final MemberCardDefinition NEW_LOOK = Definitions.withBase(b -> Definitions.titled(b, "Silver"));

    private static void assertRejected(Either<Rejection, ?> result, RejectionCode code) {
        assertThat(result.isLeft()).as("expected a rejection, got %s", result).isTrue();
        assertThat(result.getLeft().code()).isEqualTo(code);
        assertThat(result.getLeft().reason()).isNotBlank();
    }

    @Nested
    class Drafting {
        @Test
        void drafts_a_valid_card() {
            CardChange change = Card.draft(new CardId("card1"), TENANT, Definitions.valid(), T0).get();

            assertThat(change.card().state()).isEqualTo(CardState.DRAFT);
            assertThat(change.card().wechatCardId()).isEmpty();
            assertThat(change.card().id()).isEqualTo(new CardId("card1"));
            assertThat(change.card().tenantId()).isEqualTo(TENANT);
            assertThat(change.card().snapshot().createdAt()).isEqualTo(T0);
            assertThat(change.changed()).isTrue();
        }

        @Test
        void refuses_a_draft_that_breaks_wechats_rules_naming_every_problem() {
            MemberCardDefinition broken = Definitions.withBase(b -> new BaseInfo(b.logoUrl(), b.codeType(),
                    "A brand name far too long", "A title that is too long", "Color999", b.notice(), b.description(),
                    b.servicePhone(), b.dateInfo(), b.skuQuantity(), b.getLimit(), b.useCustomCode(), b.canShare(),
                    b.canGiveFriend(), b.locationIds(), b.useAllLocations(), b.centerButton(), b.customUrl(),
                    b.promotionUrl()));

            var result = Card.draft(new CardId("card1"), TENANT, broken, T0);

            assertRejected(result, RejectionCode.CARD_DEFINITION_INVALID);
            assertThat(result.getLeft().problems()).extracting(p -> p.field()).containsExactlyInAnyOrder(
                    "member_card.base_info.brand_name", "member_card.base_info.title", "member_card.base_info.color");
        }
    }

    @Nested
    class Submitting {
        @Test
        void submits_a_draft_for_review_under_wechats_card_id() {
            CardChange change = in(CardState.DRAFT).submitted(WECHAT_ID, LATER).get();

            assertThat(change.card().state()).isEqualTo(CardState.UNDER_REVIEW);
            assertThat(change.card().wechatCardId()).contains(WECHAT_ID);
            assertThat(change.card().snapshot().updatedAt()).isEqualTo(LATER);
            assertThat(change.changed()).isTrue();
        }

        @ParameterizedTest
        @EnumSource(value = CardState.class, names = {"UNDER_REVIEW", "REJECTED", "APPROVED", "ISSUED"})
        void refuses_to_submit_a_card_that_is_not_a_draft(CardState state) {
            assertRejected(in(state).submitted(WECHAT_ID, LATER), RejectionCode.CARD_NOT_SUBMITTABLE);
        }

        @Test
        void refuses_to_submit_a_deleted_card() {
            assertRejected(in(CardState.DELETED).submitted(WECHAT_ID, LATER), RejectionCode.CARD_DELETED);
        }

        @Test
        void resubmits_an_edited_rejected_card_under_the_same_wechat_id_only() {
            Card editedAfterRefusal = in(CardState.REJECTED).edit(NEW_LOOK, LATER).get().card();

            assertRejected(editedAfterRefusal.submitted(new WechatCardId("pOther"), LATER), RejectionCode.CARD_NOT_SUBMITTABLE);
            assertThat(editedAfterRefusal.submitted(WECHAT_ID, LATER).get().card().state()).isEqualTo(CardState.UNDER_REVIEW);
        }
    }

    @Nested
    class Review {
        @Test
        void approves_a_card_under_review() {
            CardChange change = in(CardState.UNDER_REVIEW).reviewPassed(LATER).get();

            assertThat(change.card().state()).isEqualTo(CardState.APPROVED);
            assertThat(change.card().snapshot().updatedAt()).isEqualTo(LATER);
            assertThat(change.changed()).isTrue();
        }

        @Test
        void rejects_a_card_under_review_keeping_wechats_reason() {
            CardChange change = in(CardState.UNDER_REVIEW).reviewRejected("商标不清晰", LATER).get();

            assertThat(change.card().state()).isEqualTo(CardState.REJECTED);
            assertThat(change.card().refusalReason()).contains("商标不清晰");
            assertThat(change.card().snapshot().updatedAt()).isEqualTo(LATER);
            assertThat(change.changed()).isTrue();
        }

        @ParameterizedTest
        @EnumSource(value = CardState.class, names = {"DRAFT", "REJECTED", "APPROVED", "ISSUED", "DELETED"})
        void refuses_a_review_result_for_a_card_not_under_review(CardState state) {
            assertRejected(in(state).reviewPassed(LATER), RejectionCode.CARD_NOT_UNDER_REVIEW);
            assertRejected(in(state).reviewRejected("late", LATER), RejectionCode.CARD_NOT_UNDER_REVIEW);
        }

        @Test
        void an_issued_card_sent_back_to_review_is_issued_again_when_it_passes() {
            Card backInReview = in(CardState.ISSUED).editPublished(NEW_LOOK, true, LATER).get().card();

            assertThat(backInReview.state()).isEqualTo(CardState.UNDER_REVIEW);
            assertThat(backInReview.reviewPassed(LATER.plusSeconds(1)).get().card().state()).isEqualTo(CardState.ISSUED);
        }
    }

    @Nested
    class Editing {
        @Test
        void edits_a_draft_which_stays_a_draft() {
            CardChange change = in(CardState.DRAFT).edit(NEW_LOOK, LATER).get();

            assertThat(change.card().state()).isEqualTo(CardState.DRAFT);
            assertThat(change.card().definition()).isEqualTo(NEW_LOOK);
        }

        @Test
        void edits_a_rejected_card_back_into_a_draft() {
            assertThat(in(CardState.REJECTED).edit(NEW_LOOK, LATER).get().card().state()).isEqualTo(CardState.DRAFT);
        }

        @Test
        void refuses_to_edit_a_card_under_review() {
            assertRejected(in(CardState.UNDER_REVIEW).edit(NEW_LOOK, LATER), RejectionCode.CARD_NOT_EDITABLE);
            assertRejected(in(CardState.UNDER_REVIEW).editPublished(NEW_LOOK, false, LATER), RejectionCode.CARD_NOT_EDITABLE);
        }

        @Test
        void refuses_to_edit_a_deleted_card() {
            assertRejected(in(CardState.DELETED).edit(NEW_LOOK, LATER), RejectionCode.CARD_DELETED);
        }

        @ParameterizedTest
        @EnumSource(value = CardState.class, names = {"APPROVED", "ISSUED"})
        void sends_an_edit_of_a_published_card_through_wechat_first(CardState state) {
            assertThat(in(state).checkEditable(NEW_LOOK)).isEqualTo(Either.right(EditRoute.THROUGH_WECHAT));
            assertRejected(in(state).edit(NEW_LOOK, LATER), RejectionCode.CARD_NOT_EDITABLE);
        }

        @ParameterizedTest
        @EnumSource(value = CardState.class, names = {"APPROVED", "ISSUED"})
        void keeps_a_published_card_live_when_wechat_does_not_review_the_edit_again(CardState state) {
            CardChange change = in(state).editPublished(NEW_LOOK, false, LATER).get();

            assertThat(change.card().state()).isEqualTo(state);
            assertThat(change.card().definition()).isEqualTo(NEW_LOOK);
        }

        @Test
        void sends_a_published_card_back_to_review_when_wechat_says_so() {
            CardChange change = in(CardState.APPROVED).editPublished(NEW_LOOK, true, LATER).get();

            assertThat(change.card().state()).isEqualTo(CardState.UNDER_REVIEW);
            assertThat(change.card().definition()).isEqualTo(NEW_LOOK);
            assertThat(change.card().refusalReason()).isEmpty();
        }

        @Test
        void refuses_an_edit_that_breaks_wechats_rules_and_keeps_the_card_unchanged() {
            Card draft = in(CardState.DRAFT);
            MemberCardDefinition tooLong = Definitions.withBase(b -> Definitions.titled(b, "0123456789"));

            assertRejected(draft.edit(tooLong, LATER), RejectionCode.CARD_DEFINITION_INVALID);
            assertThat(draft.definition()).isEqualTo(Definitions.valid());
        }
    }

    @Nested
    class Delivery {
        @Test
        void the_first_delivery_issues_an_approved_card() {
            CardChange change = in(CardState.APPROVED).delivered(LATER).get();

            assertThat(change.card().state()).isEqualTo(CardState.ISSUED);
            assertThat(change.card().snapshot().firstIssuedAt()).contains(LATER);
            assertThat(change.changed()).isTrue();
        }

        @ParameterizedTest
        @EnumSource(value = CardState.class, names = {"UNDER_REVIEW", "ISSUED", "DELETED", "REJECTED"})
        void later_deliveries_and_deliveries_to_testers_change_nothing(CardState state) {
            Card card = in(state);
            CardChange change = card.delivered(LATER).get();

            assertThat(change.card()).isEqualTo(card);
            assertThat(change.changed()).isFalse();
            assertThat(change.events()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = CardState.class, names = {"UNDER_REVIEW", "APPROVED", "ISSUED"})
        void hands_out_a_card_wechat_shows(CardState state) {
            assertThat(in(state).checkDistributable()).isEqualTo(Either.right(WECHAT_ID));
        }

        @Test
        void refuses_to_hand_out_a_card_wechat_does_not_show() {
            assertRejected(in(CardState.DRAFT).checkDistributable(), RejectionCode.CARD_NOT_ON_WECHAT);
            assertRejected(in(CardState.REJECTED).checkDistributable(), RejectionCode.CARD_NOT_DISTRIBUTABLE);
            assertRejected(in(CardState.DELETED).checkDistributable(), RejectionCode.CARD_DELETED);
        }

        @Test
        void configures_the_one_click_form_only_for_a_wx_activate_card_on_wechat() {
            var form = new ActivationForm(Option.none(), Option.none(), new ActivationForm.Section(false,
                    List.of("USER_FORM_INFO_FLAG_MOBILE"), List.of(), List.of()), null);
            Card autoActivating = in(CardState.APPROVED);
            Card oneClick = Card.draft(new CardId("c2"), TENANT, Definitions.activatedBy(false, true, Option.none()), T0)
                    .get().card();

            assertRejected(autoActivating.activationFormConfigured(form, LATER), RejectionCode.CARD_ACTIVATION_MODE_MISMATCH);
            assertRejected(oneClick.activationFormConfigured(form, LATER), RejectionCode.CARD_NOT_ON_WECHAT);
            Card submitted = oneClick.submitted(WECHAT_ID, LATER).get().card();
            assertThat(submitted.activationFormConfigured(form, LATER).get().card().activationForm()).contains(form);
        }

        @Test
        void refuses_a_form_that_asks_nothing_or_unknown_fields() {
            Card oneClick = Card.draft(new CardId("c2"), TENANT, Definitions.activatedBy(false, true, Option.none()), T0)
                    .get().card().submitted(WECHAT_ID, LATER).get().card();
            var unknownField = new ActivationForm(Option.none(), Option.none(), new ActivationForm.Section(false,
                    List.of("USER_FORM_INFO_FLAG_SHOE_SIZE"), List.of(), List.of()), null);

            assertRejected(oneClick.activationFormConfigured(new ActivationForm(null, null, null, null), LATER),
                    RejectionCode.CARD_DEFINITION_INVALID);
            assertRejected(oneClick.activationFormConfigured(unknownField, LATER), RejectionCode.CARD_DEFINITION_INVALID);
        }

        @Test
        void offers_only_the_assets_the_card_supplies() {
            MemberCardDefinition pointsOnly = new MemberCardDefinition(Definitions.baseInfo(), Option.none(), "perks",
                    true, false, Option.none(), true, Option.none(), false, Option.none(), List.of(), Option.none(),
                    Option.none(), Option.none(), Option.none(), Option.none(), Option.none());
            Card card = Card.draft(new CardId("c3"), TENANT, pointsOnly, T0).get().card();

            assertThat(card.checkOffers(Asset.POINTS).isRight()).isTrue();
            assertRejected(card.checkOffers(Asset.BALANCE), RejectionCode.CARD_DOES_NOT_OFFER_STORED_VALUE);
        }
    }

    @Nested
    class Deletion {
        @ParameterizedTest
        @EnumSource(value = CardState.class, names = "DELETED", mode = EnumSource.Mode.EXCLUDE)
        void deletes_a_card_from_any_state_but_deleted(CardState state) {
            Card card = in(state);
            CardChange change = card.delete(LATER).get();

            assertThat(change.card().state()).isEqualTo(CardState.DELETED);
            assertThat(change.events()).containsExactly(new CardDeleted(new CardId("card1"), card.wechatCardId(), LATER));
        }

        @Test
        void refuses_to_delete_a_deleted_card_again() {
            assertRejected(in(CardState.DELETED).delete(LATER), RejectionCode.CARD_DELETED);
        }

        @ParameterizedTest
        @EnumSource(CardState.class)
        void a_refused_operation_leaves_the_card_as_it_was(CardState state) {
            Card card = in(state);
            card.submitted(WECHAT_ID, LATER);
            card.reviewPassed(LATER);
            card.delete(LATER);

            assertThat(card.state()).isEqualTo(state);
            assertThat(card).isEqualTo(in(state));
        }
    }
}
