package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.in.AcceptWechatPayNotificationUseCase.WechatPayNotification;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ImportMemberByPhoneUseCase.ImportByPhoneCommand;
import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase.UpgradeCardCommand;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatPayNotificationReader.MemberCardNotification;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 20 item 2 in the application: the import by phone, and WeChat Pay's MEMBERCARD notifications. */
class PayMemberServiceTest {

    private final Harness h = new Harness();
    private final TenantId merchant = Fixtures.uniqueTenantId();

    PayMemberServiceTest() {
        h.stores.tenants().save(Fixtures.tenantWithEverything(merchant));
    }

    private Card upgraded() {
        Card card = h.approved(merchant, Fixtures.definition());
        return ok(h.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(merchant, card.id(),
                new BrandId("brand_1004"))));
    }

    private WechatPayNotification arrived(byte[] body) {
        return new WechatPayNotification(merchant, Map.of(), body);
    }

    @Test
    void a_phone_import_into_a_card_not_upgraded_is_refused_before_any_call() {
        Card card = h.approved(merchant, Fixtures.definition());

        var result = h.app.importMemberByPhone().importByPhone(new ImportByPhoneCommand(merchant, card.id(),
                new Phone("13800138000"), Option.none()));

        assertThat(result.getLeft()).isInstanceOfSatisfying(Failure.Rejected.class, rejected -> assertThat(
                rejected.rejection().code()).isEqualTo(RejectionCode.CARD_NOT_UPGRADED_FOR_WECHAT_PAY));
        assertThat(h.wechat.calls("v3/phone-membercard/import")).isZero();
    }

    @Test
    void imports_by_phone_and_the_same_phone_again_answers_the_same_code() {
        Card card = upgraded();

        Code first = ok(h.app.importMemberByPhone().importByPhone(new ImportByPhoneCommand(merchant, card.id(),
                new Phone("138 0013 8000"), Option.none())));
        Code again = ok(h.app.importMemberByPhone().importByPhone(new ImportByPhoneCommand(merchant, card.id(),
                new Phone("+86 13800138000"), Option.none())));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void only_mainland_mobiles_are_imported_by_phone() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ImportByPhoneCommand(merchant,
                        new io.wxcard.domain.card.CardId("c1"), new Phone("+44 20 7946 0958"), Option.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mainland mobile");
    }

    @Test
    void an_activation_through_wechat_pay_makes_an_active_membership_with_its_ledger_once() {
        Card card = upgraded();
        Code code = new Code("880000001");
        OpenId member = new OpenId("oPayMember1");
        byte[] body = h.wechat.memberCardNotification(MemberCardNotification.ACTIVATE_CARD, card.wechatCardId().get(),
                code, member);

        String outcome = ok(h.app.acceptWechatPayNotification().accept(arrived(body)));
        String repeated = ok(h.app.acceptWechatPayNotification().accept(arrived(body)));

        Membership membership = h.stores.memberships().find(new MembershipKey(merchant, card.id(), code)).get();
        assertThat(membership.state()).isEqualTo(MembershipState.ACTIVATED);
        assertThat(membership.openId()).isEqualTo(member);
        assertThat(membership.totals().points()).isEqualTo(Points.of(0));
        assertThat(membership.totals().balance()).isEqualTo(Fen.of(0));
        assertThat(outcome).contains("received", "activated");
        assertThat(repeated).contains("already handled");
    }

    @Test
    void a_card_taken_through_wechat_pay_is_a_membership_as_received() {
        Card card = upgraded();
        Code code = new Code("880000002");
        byte[] body = h.wechat.memberCardNotification(MemberCardNotification.ACCEPT_CARD, card.wechatCardId().get(),
                code, new OpenId("oPayMember2"));

        ok(h.app.acceptWechatPayNotification().accept(arrived(body)));

        assertThat(h.stores.memberships().find(new MembershipKey(merchant, card.id(), code))).isNotEmpty();
    }

    @Test
    void a_notification_that_does_not_verify_is_refused_and_changes_nothing() {
        Card card = upgraded();
        String before = h.stores.memberships().list(merchant, card.id(), Option.none(),
                io.wxcard.application.port.out.store.PageRequest.first(10)).items().toString();

        var result = h.app.acceptWechatPayNotification().accept(arrived("{\"id\":\"EV-forged\"}".getBytes()));

        assertThat(result.getLeft()).isInstanceOfSatisfying(Failure.WechatFailed.class,
                failed -> assertThat(failed.error().kind()).isEqualTo(WechatError.Kind.UNTRUSTED_ANSWER));
        assertThat(h.stores.memberships().list(merchant, card.id(), Option.none(),
                io.wxcard.application.port.out.store.PageRequest.first(10)).items().toString()).isEqualTo(before);
    }

    @Test
    void a_member_imported_by_phone_is_found_by_it_once_the_notification_makes_the_membership() {
        Card card = upgraded();
        Code reserved = ok(h.app.importMemberByPhone().importByPhone(new ImportByPhoneCommand(merchant, card.id(),
                new Phone("+86 137 0013 7000"), Option.none())));
        MembershipKey key = new MembershipKey(merchant, card.id(), reserved);
        assertThat(h.stores.phoneImports().find(key)).as("kept normalised until the membership appears")
                .contains(new Phone("13700137000"));
        var byPhone = new io.wxcard.application.port.out.store.MemberLookup.ByPhone(new Phone("137-0013-7000"));
        assertThat(ok(h.app.findMembers().find(merchant, byPhone))).isEmpty();

        ok(h.app.acceptWechatPayNotification().accept(arrived(h.wechat.memberCardNotification(
                MemberCardNotification.ACTIVATE_CARD, card.wechatCardId().get(), reserved, new OpenId("oPhone1")))));

        var found = ok(h.app.findMembers().find(merchant, byPhone));
        assertThat(found).extracting(member -> member.membership().key()).containsExactly(key);
        assertThat(found.get(0).membership().state()).isEqualTo(MembershipState.ACTIVATED);
        assertThat(found.get(0).profile().get().phone()).contains(new Phone("13700137000"));
        assertThat(h.stores.phoneImports().find(key)).as("forgotten once on the profile").isEmpty();
    }

    @Test
    void a_phone_imported_again_for_a_member_who_already_took_the_card_goes_on_the_profile_at_once() {
        Card card = upgraded();
        Code reserved = ok(h.app.importMemberByPhone().importByPhone(new ImportByPhoneCommand(merchant, card.id(),
                new Phone("13600136000"), Option.none())));
        MembershipKey key = new MembershipKey(merchant, card.id(), reserved);
        h.stores.phoneImports().forget(key); // as if the phone had been kept before this service kept phones
        ok(h.app.acceptWechatPayNotification().accept(arrived(h.wechat.memberCardNotification(
                MemberCardNotification.ACCEPT_CARD, card.wechatCardId().get(), reserved, new OpenId("oPhone2")))));

        ok(h.app.importMemberByPhone().importByPhone(new ImportByPhoneCommand(merchant, card.id(),
                new Phone("136 0013 6000"), Option.none())));

        assertThat(h.stores.profiles().find(key).get().phone()).contains(new Phone("13600136000"));
        assertThat(h.stores.phoneImports().find(key)).isEmpty();
    }
}
