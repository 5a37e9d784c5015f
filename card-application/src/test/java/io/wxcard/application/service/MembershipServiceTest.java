package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.in.ActivateMembershipUseCase.ActivateMembershipCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.InvalidateMembershipUseCase.InvalidateMembershipCommand;
import io.wxcard.application.port.in.RecordCardReceivedUseCase.CardReceived;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.ActivationMethod;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.shared.RejectionCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MembershipServiceTest {

    private final Harness h = new Harness();

    @Test
    void the_first_member_to_receive_an_approved_card_issues_it() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.MERCHANT_PAGE));

        Membership membership = h.received(card, "oAlice");

        assertThat(membership.state()).isEqualTo(MembershipState.ISSUED);
        assertThat(h.stores.cards().find(h.tenant, card.id()).get().state()).isEqualTo(CardState.ISSUED);
    }

    @Test
    void a_card_that_activates_itself_gives_an_active_membership() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));

        assertThat(h.received(card, "oAlice").state()).isEqualTo(MembershipState.ACTIVATED);
    }

    @Test
    void activation_through_the_api_tells_wechat_and_opens_the_ledger() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.MERCHANT_PAGE));
        Membership issued = h.received(card, "oAlice");

        Membership active = ok(h.app.activateMembership().activate(new ActivateMembershipCommand(issued.key(),
                Option.of(new MembershipNumber("VIP-0001")), Option.of(Points.of(100)), Option.of(Fen.of(2_000)))));

        assertThat(active.state()).isEqualTo(MembershipState.ACTIVATED);
        assertThat(active.totals().points()).isEqualTo(Points.of(100));
        assertThat(active.totals().balance()).isEqualTo(Fen.of(2_000));
        var onWechat = h.wechat.member(card.wechatCardId().get(), issued.code()).get();
        assertThat(onWechat.active).isTrue();
        assertThat(onWechat.bonus).isEqualTo(100);
        assertThat(onWechat.membershipNumber).isEqualTo("VIP-0001");
        assertThat(h.stores.ledger().history(issued.key(), PageRequest.first(10)).items())
                .extracting(e -> e.source()).containsOnly(EntrySource.ACTIVATION);
        assertThat(h.stores.outbox().stats(h.clock.now()).pending()).isZero();
    }

    @Test
    void activating_twice_is_refused_without_calling_wechat() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
        Membership active = h.received(card, "oAlice");

        var result = h.app.activateMembership().activate(new ActivateMembershipCommand(active.key(), Option.none(),
                Option.none(), Option.none()));

        assertThat(result.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class,
                r -> assertThat(r.rejection().code()).isEqualTo(RejectionCode.MEMBERSHIP_ALREADY_ACTIVATED));
        assertThat(h.wechat.calls("card/membercard/activate")).isZero();
    }

    @Test
    void invalidation_is_recorded_at_once_and_wechat_follows_through_the_outbox() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
        Membership active = h.received(card, "oAlice");

        Membership invalidated = ok(h.app.invalidateMembership().invalidate(
                new InvalidateMembershipCommand(active.key(), "reported stolen")));
        h.drainOutbox();

        assertThat(invalidated.state()).isEqualTo(MembershipState.INVALIDATED);
        assertThat(h.wechat.member(card.wechatCardId().get(), active.code()).get().status).isEqualTo("UNAVAILABLE");
    }

    @Test
    void a_member_deleting_and_restoring_the_card_returns_it_to_where_it_was() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
        Membership active = h.received(card, "oAlice");

        ok(h.app.recordMemberDeletedCard().recordDeleted(h.tenant, card.wechatCardId().get(), active.code()));
        Membership restored = ok(h.app.recordCardReceived().recordReceived(new CardReceived(h.tenant,
                card.wechatCardId().get(), active.code(), new OpenId("oAlice"), Option.none(), true)));

        assertThat(restored.state()).isEqualTo(MembershipState.ACTIVATED);
    }

    @Test
    void pulling_member_info_records_the_form_answers_and_activates_a_one_click_member() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.ONE_CLICK_FORM));
        Membership issued = h.received(card, "oAlice");
        h.wechat.submitForm(card.wechatCardId().get(), issued.code(), Map.of("USER_FORM_INFO_FLAG_MOBILE", "13800000000"));

        Membership pulled = ok(h.app.pullMemberInfo().pull(issued.key()));

        assertThat(pulled.formAnswers()).containsEntry("USER_FORM_INFO_FLAG_MOBILE", "13800000000");
        assertThat(pulled.state()).isEqualTo(MembershipState.ACTIVATED);
        assertThat(pulled.snapshot().activationMethod()).contains(ActivationMethod.ONE_CLICK_FORM);
    }

    @Test
    void a_card_unknown_to_the_tenant_is_not_found() {
        Card card = h.approved(Fixtures.definition());
        Membership membership = h.received(card, "oAlice");
        var stranger = new io.wxcard.domain.membership.MembershipKey(h.tenant, new io.wxcard.domain.card.CardId("nope"),
                membership.code());

        assertThat(h.app.findMemberships().membership(stranger).getLeft())
                .isInstanceOfSatisfying(Failure.NotFound.class, nf -> assertThat(nf.detail()).contains("card nope"));
    }
}
