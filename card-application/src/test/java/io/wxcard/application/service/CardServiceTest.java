package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.in.EditCardUseCase.EditCardCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.RecordReviewResultUseCase.ReviewResult;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.shared.RejectionCode;
import org.junit.jupiter.api.Test;

class CardServiceTest {

    private final Harness h = new Harness();

    @Test
    void a_draft_is_kept_locally_and_wechat_hears_nothing() {
        Card card = h.draft(Fixtures.definition());

        assertThat(card.state()).isEqualTo(CardState.DRAFT);
        assertThat(h.stores.cards().find(h.tenant, card.id())).contains(card);
        assertThat(h.wechat.calls("card/create")).isZero();
    }

    @Test
    void an_invalid_definition_is_refused_before_any_call_to_wechat() {
        var result = h.app.draftCard().draft(new DraftCardCommand(h.tenant,
                Fixtures.definition("A title far too long", true, false, Option.none())));

        assertThat(result.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class, rejected -> {
            assertThat(rejected.rejection().code()).isEqualTo(RejectionCode.CARD_DEFINITION_INVALID);
            assertThat(rejected.rejection().problems()).extracting(p -> p.field()).containsExactly("member_card.base_info.title");
        });
        assertThat(h.stores.cards().list(h.tenant, Option.none(), PageRequest.first(10)).total()).isZero();
    }

    @Test
    void submitting_creates_the_card_on_wechat_and_puts_it_under_review() {
        Card card = ok(h.app.submitCard().submit(h.tenant, h.draft(Fixtures.definition()).id()));

        assertThat(card.state()).isEqualTo(CardState.UNDER_REVIEW);
        assertThat(card.wechatCardId().isDefined()).isTrue();
        assertThat(h.wechat.card(card.wechatCardId().get()).isDefined()).isTrue();
    }

    @Test
    void a_submission_wechat_refuses_leaves_the_draft_as_it_was() {
        Card draft = h.draft(Fixtures.definition());
        h.wechat.failNext(new WechatError(WechatError.Kind.CLIENT_ERROR, "45021", "field too long"));

        var result = h.app.submitCard().submit(h.tenant, draft.id());

        assertThat(result.getLeft()).isInstanceOfSatisfying(Failure.WechatFailed.class,
                failed -> assertThat(failed.error().code()).isEqualTo("45021"));
        assertThat(h.stores.cards().find(h.tenant, draft.id()).get().state()).isEqualTo(CardState.DRAFT);
    }

    @Test
    void a_card_wechat_created_but_whose_answer_was_lost_is_found_and_taken_not_created_twice() {
        Card other = ok(h.app.submitCard().submit(h.tenant, h.draft(Fixtures.definition("Silver", true, false,
                Option.none())).id()));
        Card draft = h.draft(Fixtures.definition());
        h.wechat.loseNextAnswer(new WechatError(WechatError.Kind.TRANSIENT, "network", "read timed out"));

        Card submitted = ok(h.app.submitCard().submit(h.tenant, draft.id()));

        assertThat(submitted.state()).isEqualTo(CardState.UNDER_REVIEW);
        assertThat(submitted.wechatCardId()).isNotEqualTo(other.wechatCardId());
        assertThat(h.wechat.cardCount()).isEqualTo(2);
        assertThat(h.wechat.calls("card/create")).isEqualTo(2);
    }

    @Test
    void a_create_wechat_did_not_carry_out_is_reported_and_the_card_stays_a_draft() {
        Card draft = h.draft(Fixtures.definition());
        h.wechat.failNext(new WechatError(WechatError.Kind.TRANSIENT, "-1", "system busy"));

        var result = h.app.submitCard().submit(h.tenant, draft.id());

        assertThat(result.getLeft()).isInstanceOf(Failure.WechatFailed.class);
        assertThat(h.wechat.cardCount()).isZero();
        assertThat(h.stores.cards().find(h.tenant, draft.id()).get().state()).isEqualTo(CardState.DRAFT);
    }

    @Test
    void a_rejected_card_is_edited_and_resubmitted_under_the_same_wechat_card_id() {
        Card submitted = ok(h.app.submitCard().submit(h.tenant, h.draft(Fixtures.definition()).id()));
        ok(h.app.recordReviewResult().record(new ReviewResult(h.tenant, submitted.wechatCardId().get(), false,
                Option.of("logo unclear"))));

        Card edited = ok(h.app.editCard().edit(new EditCardCommand(h.tenant, submitted.id(),
                Fixtures.definition("Gold", true, false, Option.none()))));
        Card resubmitted = ok(h.app.submitCard().submit(h.tenant, submitted.id()));

        assertThat(edited.state()).isEqualTo(CardState.DRAFT);
        assertThat(resubmitted.state()).isEqualTo(CardState.UNDER_REVIEW);
        assertThat(resubmitted.wechatCardId()).isEqualTo(submitted.wechatCardId());
        assertThat(h.wechat.calls("card/create")).isEqualTo(1);
        assertThat(h.wechat.calls("card/update")).isEqualTo(1);
    }

    @Test
    void an_edit_of_an_approved_card_goes_through_wechat_and_back_to_review_when_wechat_says_so() {
        Card approved = h.approved(Fixtures.definition());
        h.wechat.review(approved.wechatCardId().get(), true);

        Card edited = ok(h.app.editCard().edit(new EditCardCommand(h.tenant, approved.id(),
                Fixtures.definition("New Title", true, false, Option.none()))));

        assertThat(edited.state()).isEqualTo(CardState.UNDER_REVIEW);
        assertThat(h.wechat.card(approved.wechatCardId().get()).get().definition.baseInfo().title()).isEqualTo("New Title");
    }

    @Test
    void an_illegal_transition_is_answered_with_the_domains_reason() {
        Card underReview = ok(h.app.submitCard().submit(h.tenant, h.draft(Fixtures.definition()).id()));

        var result = h.app.submitCard().submit(h.tenant, underReview.id());

        assertThat(result.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class, rejected -> {
            assertThat(rejected.rejection().code()).isEqualTo(RejectionCode.CARD_NOT_SUBMITTABLE);
            assertThat(rejected.detail()).contains("already under review");
        });
    }

    @Test
    void deleting_a_card_on_wechat_follows_through_the_outbox() {
        Card approved = h.approved(Fixtures.definition());

        Card deleted = ok(h.app.deleteCard().delete(h.tenant, approved.id()));
        assertThat(deleted.state()).isEqualTo(CardState.DELETED);
        assertThat(h.wechat.calls("card/delete")).isZero();

        h.drainOutbox();
        assertThat(h.wechat.card(approved.wechatCardId().get()).get().status).isEqualTo("CARD_STATUS_DELETE");
    }

    @Test
    void another_tenants_card_is_not_found() {
        Card card = h.draft(Fixtures.definition());
        var other = Fixtures.uniqueTenantId();
        h.stores.tenants().save(Fixtures.tenant(other));

        assertThat(h.app.findCards().card(other, card.id()).getLeft()).isInstanceOf(Failure.NotFound.class);
        assertThat(h.app.submitCard().submit(other, card.id()).getLeft()).isInstanceOf(Failure.NotFound.class);
        assertThat(h.app.deleteCard().delete(other, card.id()).getLeft()).isInstanceOf(Failure.NotFound.class);
        assertThat(h.stores.cards().find(h.tenant, card.id()).get().state()).isEqualTo(CardState.DRAFT);
    }
}
