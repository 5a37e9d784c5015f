package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ActivationPageUseCase;
import io.wxcard.application.port.in.ActivationPageUseCase.ActivateSessionCommand;
import io.wxcard.application.port.in.ActivationPageUseCase.ActivationPage;
import io.wxcard.application.port.in.ActivationPageUseCase.OpenSessionCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.InvalidateMembershipUseCase.InvalidateMembershipCommand;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.activation.ActivationSession;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationPageServiceTest {

    private final Harness h = new Harness();
    private final ActivationPageUseCase pages = h.whole.joining.activationPages();

    private OpenSessionCommand visit(Card card, Membership member, Option<String> ticket) {
        return new OpenSessionCommand(h.tenant, card.wechatCardId().get(), "enc:" + member.code().value(),
                member.openId(), ticket, Option.none());
    }

    private ActivateSessionCommand activation(ActivationPage page, String number) {
        return new ActivateSessionCommand(h.tenant, page.session().id(), Option.of(new MembershipNumber(number)),
                Option.of(Points.of(100)), Option.of(Fen.of(500)));
    }

    private static RejectionCode refusal(Either<Failure, ?> result) {
        assertThat(result.isLeft()).as("expected a refusal, got %s", result).isTrue();
        return ((Failure.Rejected) result.getLeft()).rejection().code();
    }

    @Test
    void opens_a_session_with_the_forms_answers_and_the_existing_member_of_the_same_phone_then_activates_once() {
        Card old = h.approved(Fixtures.definitionActivatedBy(ActivationMode.ONE_CLICK_FORM));
        Membership earlier = h.received(old, "oAlice");
        h.wechat.submitForm(old.wechatCardId().get(), earlier.code(), Map.of("USER_FORM_INFO_FLAG_MOBILE",
                "13800138000"));
        ok(h.app.pullMemberInfo().pull(earlier.key()));
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.MERCHANT_PAGE));
        Membership member = h.received(card, "oAlice");
        h.wechat.formSubmitted("ticket-1", Map.of("USER_FORM_INFO_FLAG_MOBILE", "+86 138 0013 8000",
                "USER_FORM_INFO_FLAG_NAME", "王小明"));

        ActivationPage page = ok(pages.open(visit(card, member, Option.of("ticket-1"))));

        assertThat(page.membership().key()).isEqualTo(member.key());
        assertThat(page.session().formAnswers()).containsEntry("USER_FORM_INFO_FLAG_NAME", "王小明");
        assertThat(page.knownAs()).extracting(found -> found.membership().key()).containsExactly(earlier.key());

        ActivationPage activated = ok(pages.activate(activation(page, "M-001")));
        assertThat(activated.membership().state()).isEqualTo(MembershipState.ACTIVATED);
        assertThat(activated.membership().totals().points()).isEqualTo(Points.of(100));
        assertThat(activated.repeated()).isFalse();
        int activations = h.wechat.calls("card/membercard/activate");

        ActivationPage again = ok(pages.activate(activation(page, "M-999")));
        assertThat(again.repeated()).isTrue();
        assertThat(again.session().activation().get().membershipNumber()).isEqualTo(new MembershipNumber("M-001"));
        assertThat(h.wechat.calls("card/membercard/activate")).as("not sent to WeChat again").isEqualTo(activations);
    }

    @Test
    void refuses_a_tampered_encrypt_code_a_stale_ticket_another_openid_and_another_tenants_card() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.MERCHANT_PAGE));
        Membership member = h.received(card, "oBob");
        TenantId other = Fixtures.uniqueTenantId();
        h.stores.tenants().save(Fixtures.tenant(other));

        assertThat(refusal(pages.open(new OpenSessionCommand(h.tenant, card.wechatCardId().get(), "tampered",
                member.openId(), Option.none(), Option.none())))).isEqualTo(RejectionCode.ACTIVATION_PARAMETERS_INVALID);
        assertThat(refusal(pages.open(visit(card, member, Option.of("expired-ticket")))))
                .isEqualTo(RejectionCode.ACTIVATION_PARAMETERS_INVALID);
        assertThat(refusal(pages.open(new OpenSessionCommand(h.tenant, card.wechatCardId().get(),
                "enc:" + member.code().value(), new OpenId("oMallory"), Option.none(), Option.none()))))
                .isEqualTo(RejectionCode.ACTIVATION_PARAMETERS_INVALID);
        Either<Failure, ActivationPage> elsewhere = pages.open(new OpenSessionCommand(other, card.wechatCardId().get(),
                "enc:" + member.code().value(), member.openId(), Option.none(), Option.none()));
        assertThat(refusal(elsewhere)).isEqualTo(RejectionCode.ACTIVATION_PARAMETERS_INVALID);
        assertThat(elsewhere.getLeft().detail()).contains("not a card of this account");
        assertThat(ok(h.app.findMemberships().membership(member.key())).state()).isEqualTo(MembershipState.ISSUED);
    }

    @Test
    void an_expired_session_is_refused_and_a_replay_after_invalidation_is_refused() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.MERCHANT_PAGE));
        Membership late = h.received(card, "oCarol");
        ActivationPage stale = ok(pages.open(visit(card, late, Option.none())));
        h.clock.advance(ActivationSession.VALID_FOR);
        assertThat(refusal(pages.activate(activation(stale, "M-2")))).isEqualTo(RejectionCode.ACTIVATION_SESSION_EXPIRED);
        assertThat(ok(h.app.findMemberships().membership(late.key())).state()).isEqualTo(MembershipState.ISSUED);

        Membership member = h.received(card, "oDave");
        ActivationPage page = ok(pages.open(visit(card, member, Option.none())));
        ok(pages.activate(activation(page, "M-3")));
        ok(h.app.invalidateMembership().invalidate(new InvalidateMembershipCommand(member.key(), "fraud")));

        assertThat(refusal(pages.activate(activation(page, "M-3")))).isEqualTo(RejectionCode.ACTIVATION_SESSION_REPLAYED);
        assertThat(refusal(pages.open(visit(card, member, Option.none())))).isEqualTo(RejectionCode.MEMBERSHIP_INVALIDATED);
    }

    @Test
    void a_card_that_activates_itself_has_no_activation_page() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
        Membership member = h.received(card, "oErin");
        assertThat(refusal(pages.open(visit(card, member, Option.none()))))
                .isEqualTo(RejectionCode.ACTIVATION_PARAMETERS_INVALID);
    }
}
