package io.wxcard.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.in.AcceptWechatPushUseCase.PushOutcome;
import io.wxcard.application.port.out.store.InboxMessage;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.wechat.push.DecodedPush;
import io.wxcard.application.port.out.wechat.push.EventHeader;
import io.wxcard.application.port.out.wechat.push.PushRejection;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WechatPushServiceTest {

    private final Harness h = new Harness();

    private static EventHeader header(String event, long createTime) {
        return new EventHeader("gh_fc0a06a20993", "oAlice", createTime, event);
    }

    private PushRequest received(Card card, String code, long createTime) {
        WechatEvent event = new WechatEvent.CardReceived(header("user_get_card", createTime), card.wechatCardId().get(),
                new Code(code), Option.of("store_42"), false, Option.none(), false, Option.none(), Option.none());
        return h.decoder.willDecode("get-" + code + "-" + createTime, new DecodedPush.Event(event));
    }

    @Test
    void answers_the_configuration_handshake_with_echostr() {
        PushRequest request = h.decoder.willDecode("hello", new DecodedPush.Handshake("echo-123"));

        assertThat(h.app.acceptWechatPush().accept(h.tenant, request)).isEqualTo(new PushOutcome.Echo("echo-123"));
    }

    @Test
    void handles_a_push_once_however_often_wechat_retries_it() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.AUTO));
        h.wechat.handOut(card.wechatCardId().get(), new OpenId("oAlice"));
        PushRequest push = received(card, "100001", 1764208278L);

        PushOutcome first = h.pushed(push);
        PushOutcome retry = h.pushed(push);

        assertThat(first).isInstanceOf(PushOutcome.Accepted.class);
        assertThat(((PushOutcome.Accepted) retry).account()).contains("repeated");
        assertThat(h.stores.processedPushes().count(InboxMessage.State.APPLIED)).isEqualTo(1);
        assertThat(h.stores.processedPushes().count(InboxMessage.State.PENDING)).isZero();
        var key = new MembershipKey(h.tenant, card.id(), new Code("100001"));
        assertThat(h.stores.memberships().find(key).get().state()).isEqualTo(MembershipState.ACTIVATED);
        assertThat(h.stores.memberships().list(h.tenant, card.id(), Option.none(), PageRequest.first(10)).total()).isEqualTo(1);
    }

    @Test
    void records_wechats_review_result() {
        Card submitted = Harness.ok(h.app.submitCard().submit(h.tenant, h.draft(Fixtures.definition()).id()));
        PushRequest push = h.decoder.willDecode("pass", new DecodedPush.Event(new WechatEvent.CardReviewPassed(
                header("card_pass_check", 1764208300L), submitted.wechatCardId().get())));

        h.pushed(push);

        assertThat(h.stores.cards().find(h.tenant, submitted.id()).get().state()).isEqualTo(CardState.APPROVED);
    }

    @Test
    void a_push_about_an_unknown_card_is_accepted_and_not_retried_forever() {
        PushRequest push = h.decoder.willDecode("unknown", new DecodedPush.Event(new WechatEvent.CardReviewPassed(
                header("card_pass_check", 1764208300L), new WechatCardId("pUnknown"))));

        PushOutcome outcome = h.pushed(push);

        assertThat(outcome).isInstanceOf(PushOutcome.Accepted.class);
        assertThat(h.stores.processedPushes().count(InboxMessage.State.REFUSED)).isEqualTo(1);
        assertThat(h.stores.processedPushes().count(InboxMessage.State.PENDING)).isZero();
        assertThat(h.stores.processedPushes().deadLetters(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void the_one_click_form_activates_at_once_and_the_answers_are_fetched_afterwards() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.ONE_CLICK_FORM));
        Code code = h.wechat.handOut(card.wechatCardId().get(), new OpenId("oAlice"));
        h.pushed(received(card, code.value(), 1764208278L));
        h.wechat.submitForm(card.wechatCardId().get(), code, Map.of("USER_FORM_INFO_FLAG_NAME", "Alice"));
        PushRequest submitted = h.decoder.willDecode("form", new DecodedPush.Event(new WechatEvent.ActivationFormSubmitted(
                header("submit_membercard_user_info", 1764208290L), card.wechatCardId().get(), code)));

        h.pushed(submitted);
        var key = new MembershipKey(h.tenant, card.id(), code);
        assertThat(h.stores.memberships().find(key).get().state()).isEqualTo(MembershipState.ACTIVATED);
        assertThat(h.wechat.calls("card/membercard/userinfo/get")).isZero();

        h.drainOutbox();
        assertThat(h.stores.memberships().find(key).get().formAnswers()).containsEntry("USER_FORM_INFO_FLAG_NAME", "Alice");
    }

    @Test
    void refuses_a_push_that_fails_verification_and_records_nothing() {
        PushRequest forged = h.decoder.willRefuse("forged", new PushRejection(PushRejection.Reason.BAD_SIGNATURE, "signature mismatch"));

        assertThat(h.app.acceptWechatPush().accept(h.tenant, forged)).isInstanceOf(PushOutcome.Refused.class);
    }

    @Test
    void answers_unknown_tenant_for_a_push_to_nobody() {
        PushRequest push = h.decoder.willDecode("x", new DecodedPush.Handshake("e"));

        assertThat(h.app.acceptWechatPush().accept(new TenantId("nobody"), push)).isInstanceOf(PushOutcome.UnknownTenant.class);
    }

    @Test
    void a_repeated_message_is_noted_once() {
        PushRequest text = h.decoder.willDecode("text", new DecodedPush.Message("text", "oAlice", Option.of("6172"), 1L));

        assertThat(((PushOutcome.Accepted) h.app.acceptWechatPush().accept(h.tenant, text)).account()).contains("noted");
        assertThat(((PushOutcome.Accepted) h.app.acceptWechatPush().accept(h.tenant, text)).account()).contains("repeated");
    }

    @Test
    void a_push_is_answered_before_it_is_applied_and_applied_after() {
        Submitted review = submittedForReview();

        PushOutcome answer = h.app.acceptWechatPush().accept(h.tenant, review.push());

        assertThat(answer).isInstanceOf(PushOutcome.Accepted.class);
        assertThat(h.stores.cards().find(h.tenant, review.card().id()).get().state()).isEqualTo(CardState.UNDER_REVIEW);
        assertThat(h.stores.processedPushes().count(InboxMessage.State.PENDING)).isEqualTo(1);

        assertThat(h.whole.applyPushes()).isEqualTo(1);
        assertThat(h.stores.cards().find(h.tenant, review.card().id()).get().state()).isEqualTo(CardState.APPROVED);
        assertThat(h.stores.processedPushes().count(InboxMessage.State.APPLIED)).isEqualTo(1);
    }

    @Test
    void a_retried_push_inserts_nothing_before_or_after_it_is_applied() {
        Submitted review = submittedForReview();

        h.app.acceptWechatPush().accept(h.tenant, review.push());
        PushOutcome retried = h.app.acceptWechatPush().accept(h.tenant, review.push());
        assertThat(h.stores.processedPushes().count(InboxMessage.State.PENDING)).isEqualTo(1);
        h.whole.applyPushes();
        PushOutcome late = h.app.acceptWechatPush().accept(h.tenant, review.push());

        assertThat(((PushOutcome.Accepted) retried).account()).contains("repeated");
        assertThat(((PushOutcome.Accepted) late).account()).contains("repeated");
        assertThat(h.stores.processedPushes().count(InboxMessage.State.PENDING)).isZero();
        assertThat(h.whole.applyPushes()).isZero();
    }

    @Test
    void a_push_whose_worker_died_before_applying_it_is_applied_once_its_lease_runs_out() {
        Submitted review = submittedForReview();
        h.app.acceptWechatPush().accept(h.tenant, review.push());
        assertThat(h.stores.processedPushes().claim("crashed-instance", 10, h.clock.now(), PushInboxApplier.LEASE)).hasSize(1);

        assertThat(h.whole.applyPushes()).as("held by the crashed instance's lease").isZero();
        h.clock.advance(PushInboxApplier.LEASE.plusSeconds(1));
        assertThat(h.whole.applyPushes()).isEqualTo(1);

        assertThat(h.stores.cards().find(h.tenant, review.card().id()).get().state()).isEqualTo(CardState.APPROVED);
    }

    @Test
    void a_stopped_instance_leaves_its_kept_pushes_to_the_next_one() {
        Submitted review = submittedForReview();
        h.app.acceptWechatPush().accept(h.tenant, review.push());

        CardServices restarted = h.whole.builder().wechatImages(new io.wxcard.application.testing.InMemoryWechatImages())
                .instanceName("restarted-instance").build();

        assertThat(restarted.applyWechatPushes().applyDue(10).applied()).isEqualTo(1);
        assertThat(h.stores.cards().find(h.tenant, review.card().id()).get().state()).isEqualTo(CardState.APPROVED);
    }

    private record Submitted(Card card, PushRequest push) {}

    private Submitted submittedForReview() {
        Card submitted = Harness.ok(h.app.submitCard().submit(h.tenant, h.draft(Fixtures.definition()).id()));
        PushRequest push = h.decoder.willDecode("pass-" + submitted.id().value(), new DecodedPush.Event(
                new WechatEvent.CardReviewPassed(header("card_pass_check", 1764208300L), submitted.wechatCardId().get())));
        return new Submitted(submitted, push);
    }
}
