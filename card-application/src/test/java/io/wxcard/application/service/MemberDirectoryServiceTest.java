package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.wxcard.application.port.in.FindMembersQuery.FoundMember;
import io.wxcard.application.port.in.RecordCardReceivedUseCase.CardReceived;
import io.wxcard.application.port.out.store.MemberLookup;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.membership.UnionId;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberDirectoryServiceTest {

    private final Harness h = new Harness();

    @Test
    void a_member_who_submitted_the_one_click_form_is_found_by_phone_in_either_form_with_their_profile() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.ONE_CLICK_FORM));
        Membership issued = h.received(card, "oAlice");
        h.wechat.submitForm(card.wechatCardId().get(), issued.code(), Map.of("USER_FORM_INFO_FLAG_MOBILE",
                "138 0013 8000", "USER_FORM_INFO_FLAG_NAME", "王小明"));
        ok(h.app.pullMemberInfo().pull(issued.key()));

        List<FoundMember> found = ok(h.app.findMembers().find(h.tenant,
                new MemberLookup.ByPhone(Phone.parse("+86 13800138000").get())));

        assertThat(found).hasSize(1);
        assertThat(found.get(0).membership().state()).isEqualTo(MembershipState.ACTIVATED);
        assertThat(found.get(0).card().id()).isEqualTo(card.id());
        MemberProfile profile = found.get(0).profile().get();
        assertThat(profile.phone().get().normalised()).isEqualTo("13800138000");
        assertThat(profile.phone().get().masked()).isEqualTo("138****8000");
        assertThat(profile.fields()).containsEntry("USER_FORM_INFO_FLAG_NAME", "王小明");
        assertThat(ok(h.app.findMembers().profile(issued.key()))).isEqualTo(profile);
    }

    @Test
    void finds_a_members_cards_by_openid_and_by_the_unionid_their_receipt_carried() {
        Card gold = h.approved(Fixtures.definition());
        Card silver = h.approved(Fixtures.definition());
        Membership onGold = h.received(gold, "oAlice");
        Code code = h.wechat.handOut(silver.wechatCardId().get(), new OpenId("oAlice"));
        Membership onSilver = ok(h.app.recordCardReceived().recordReceived(new CardReceived(h.tenant,
                silver.wechatCardId().get(), code, new OpenId("oAlice"), Option.none(), false, Option.of("uAlice"))));

        assertThat(ok(h.app.findMembers().find(h.tenant, new MemberLookup.ByOpenId(new OpenId("oAlice")))))
                .extracting(f -> f.membership().key()).containsExactly(onGold.key(), onSilver.key());
        assertThat(ok(h.app.findMembers().find(h.tenant, new MemberLookup.ByUnionId("uAlice"))))
                .extracting(f -> f.membership().key()).containsExactly(onSilver.key());
    }

    @Test
    void the_push_and_the_look_up_take_the_same_unionids_counted_in_characters_not_utf16_units() {
        // 64 characters outside the BMP are 128 UTF-16 units: the push kept them while the look-up refused them
        String longest = "\uD83D\uDE00".repeat(UnionId.MAX_LENGTH);
        Card card = h.approved(Fixtures.definition());
        Code code = h.wechat.handOut(card.wechatCardId().get(), new OpenId("oBob"));
        Membership kept = ok(h.app.recordCardReceived().recordReceived(new CardReceived(h.tenant,
                card.wechatCardId().get(), code, new OpenId("oBob"), Option.none(), false, Option.of(longest))));

        assertThat(ok(h.app.findMembers().find(h.tenant, new MemberLookup.ByUnionId(longest))))
                .extracting(f -> f.membership().key()).containsExactly(kept.key());
        String tooLong = longest + "x";
        assertThat(new CardReceived(h.tenant, card.wechatCardId().get(), code, new OpenId("oBob"), Option.none(),
                false, Option.of(tooLong)).unionId()).isEmpty();
        assertThatThrownBy(() -> new MemberLookup.ByUnionId(tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unionid");
    }

    @Test
    void a_tenant_never_finds_another_tenants_members() {
        TenantId other = Fixtures.uniqueTenantId();
        h.stores.tenants().save(Fixtures.tenant(other));
        Card theirs = h.approved(other, Fixtures.definition());
        Code code = h.wechat.handOut(theirs.wechatCardId().get(), new OpenId("oAlice"));
        ok(h.app.recordCardReceived().recordReceived(new CardReceived(other, theirs.wechatCardId().get(), code,
                new OpenId("oAlice"), Option.none(), false)));

        assertThat(ok(h.app.findMembers().find(h.tenant, new MemberLookup.ByOpenId(new OpenId("oAlice"))))).isEmpty();
        assertThat(h.app.findMembers().profile(new io.wxcard.domain.membership.MembershipKey(h.tenant, theirs.id(),
                code)).isLeft()).isTrue();
    }

    @Test
    void a_profile_names_no_personal_data_when_printed() {
        Card card = h.approved(Fixtures.definitionActivatedBy(ActivationMode.ONE_CLICK_FORM));
        Membership issued = h.received(card, "oAlice");
        h.wechat.submitForm(card.wechatCardId().get(), issued.code(), Map.of("USER_FORM_INFO_FLAG_MOBILE",
                "13800138000", "USER_FORM_INFO_FLAG_NAME", "王小明"));
        ok(h.app.pullMemberInfo().pull(issued.key()));

        MemberProfile profile = ok(h.app.findMembers().profile(issued.key()));

        assertThat(profile.toString()).doesNotContain("13800138000", "王小明");
        assertThat(profile.phone().get().toString()).isEqualTo("138****8000");
    }
}
