package io.wxcard.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.in.AcceptWechatPushUseCase.PushOutcome;
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

        PushOutcome first = h.app.acceptWechatPush().accept(h.tenant, push);
        PushOutcome retry = h.app.acceptWechatPush().accept(h.tenant, push);

        assertThat(first).isInstanceOf(PushOutcome.Accepted.class);
        assertThat(((PushOutcome.Accepted) retry).account()).contains("repeated");
        var key = new MembershipKey(h.tenant, card.id(), new Code("100001"));
        assertThat(h.stores.memberships().find(key).get().state()).isEqualTo(MembershipState.ACTIVATED);
        assertThat(h.stores.memberships().list(h.tenant, card.id(), Option.none(), PageRequest.first(10)).total()).isEqualTo(1);
    }

    @Test
    void records_wechats_review_result() {
        Card submitted = Harness.ok(h.app.submitCard().submit(h.tenant, h.draft(Fixtures.definition()).id()));
        PushRequest push = h.decoder.willDecode("pass", new DecodedPush.Event(new WechatEvent.CardReviewPassed(
                header("card_pass_check", 1764208300L), submitted.wechatCardId().get())));

        h.app.acceptWechatPush().accept(h.tenant, push);

        assertThat(h.stores.cards().find(h.tenant, submitted.id()).get().state()).isEqualTo(CardState.APPROVED);
    }

    @Test
    void a_push_about_an_unknown_card_is_accepted_and_not_retried_forever() {
        PushRequest push = h.decoder.willDecode("unknown", new DecodedPush.Event(new WechatEvent.CardReviewPassed(
                header("card_pass_check", 1764208300L), new WechatCardId("pUnknown"))));

        PushOutcome outcome = h.app.acceptWechatPush().accept(h.tenant, push);

        assertThat(outcome).isInstanceOfSatisfying(PushOutcome.Accepted.class,
                accepted -> assertThat(accepted.account()).contains("not acted on").contains("pUnknown"));
    }

    @Test
    void the_one_click_form_activates_at_once_and_the_answers_are_fetched_afterwards() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.ONE_CLICK_FORM));
        Code code = h.wechat.handOut(card.wechatCardId().get(), new OpenId("oAlice"));
        h.app.acceptWechatPush().accept(h.tenant, received(card, code.value(), 1764208278L));
        h.wechat.submitForm(card.wechatCardId().get(), code, Map.of("USER_FORM_INFO_FLAG_NAME", "Alice"));
        PushRequest submitted = h.decoder.willDecode("form", new DecodedPush.Event(new WechatEvent.ActivationFormSubmitted(
                header("submit_membercard_user_info", 1764208290L), card.wechatCardId().get(), code)));

        h.app.acceptWechatPush().accept(h.tenant, submitted);
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
}
