package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.MemberLookup;
import io.wxcard.application.port.out.store.MemberProfileStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.ActivationMethod;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.tenant.TenantId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link MemberProfileStore} must do. */
public abstract class MemberProfileStoreContract {

    protected abstract StoreSet stores();

    private MemberProfileStore profiles;
    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final CardId gold = new CardId("gold-" + tenant.value());
    private final CardId silver = new CardId("silver-" + tenant.value());

    @BeforeEach
    void setUpStore() {
        profiles = stores().profiles();
        stores().tenants().save(Fixtures.tenant(tenant));
        stores().cards().save(Fixtures.draftCard(tenant, gold));
        stores().cards().save(Fixtures.draftCard(tenant, silver));
    }

    @Test
    void keeps_every_field_of_a_profile_and_replaces_it_on_save() {
        Membership member = member(gold, "100001", "oAlice");
        MemberProfile first = profile(member, "138 0013 8000", Map.of("USER_FORM_INFO_FLAG_NAME", "王小明",
                "喜欢的茶", "龙井"));
        profiles.save(first);
        assertThat(profiles.find(member.key())).contains(first);

        MemberProfile second = new MemberProfile(member.key(), member.openId(), Option.of("uAlice"),
                Option.of("小明"), Option.of(new Phone("13900139000")), Option.of("FEMALE"),
                Map.of("USER_FORM_INFO_FLAG_MOBILE", "13900139000"), T0.plusSeconds(9));
        profiles.save(second);

        assertThat(profiles.find(member.key())).contains(second);
    }

    @Test
    void finds_a_member_by_phone_in_either_form_across_the_tenants_cards() {
        Membership onGold = member(gold, "100001", "oAlice");
        Membership onSilver = member(silver, "200001", "oAlice");
        Membership other = member(gold, "100002", "oBob");
        profiles.save(profile(onGold, "13800138000", Map.of()));
        profiles.save(profile(onSilver, "+86 138-0013-8000", Map.of()));
        profiles.save(profile(other, "13900139000", Map.of()));

        assertThat(profiles.lookUp(tenant, new MemberLookup.ByPhone(new Phone("+8613800138000")), 10))
                .containsExactly(onGold.key(), onSilver.key());
        assertThat(profiles.lookUp(tenant, new MemberLookup.ByPhone(new Phone("13700000000")), 10)).isEmpty();
    }

    @Test
    void finds_by_openid_and_membership_number_without_a_profile_and_by_unionid_with_one() {
        Membership numbered = stores().memberships().save(Fixtures.receivedMembership(tenant, gold, "100001", "oAlice")
                .activate(ActivationMethod.API, Option.of(new MembershipNumber("VIP-7")), T0).get().membership());
        Membership second = member(silver, "200001", "oAlice");
        profiles.save(MemberProfile.ofIdentity(second.key(), second.openId(), Option.of("uAlice"), T0));

        assertThat(profiles.lookUp(tenant, new MemberLookup.ByOpenId(new OpenId("oAlice")), 10))
                .containsExactly(numbered.key(), second.key());
        assertThat(profiles.lookUp(tenant, new MemberLookup.ByMembershipNumber(new MembershipNumber("VIP-7")), 10))
                .containsExactly(numbered.key());
        assertThat(profiles.lookUp(tenant, new MemberLookup.ByUnionId("uAlice"), 10)).containsExactly(second.key());
    }

    @Test
    void never_answers_another_tenants_members() {
        TenantId other = Fixtures.uniqueTenantId();
        CardId otherCard = new CardId("other-" + other.value());
        stores().tenants().save(Fixtures.tenant(other));
        stores().cards().save(Fixtures.draftCard(other, otherCard));
        Membership theirs = stores().memberships().save(Fixtures.receivedMembership(other, otherCard, "900001", "oAlice"));
        profiles.save(profile(theirs, "13800138000", Map.of()));

        assertThat(profiles.lookUp(tenant, new MemberLookup.ByPhone(new Phone("13800138000")), 10)).isEmpty();
        assertThat(profiles.lookUp(tenant, new MemberLookup.ByOpenId(new OpenId("oAlice")), 10)).isEmpty();
        assertThat(profiles.lookUp(other, new MemberLookup.ByOpenId(new OpenId("oAlice")), 10))
                .containsExactly(theirs.key());
    }

    @Test
    void answers_at_most_the_limit() {
        for (int i = 0; i < 5; i++) {
            profiles.save(profile(member(gold, "10000" + i, "oMany"), "13800138000", Map.of()));
        }

        assertThat(profiles.lookUp(tenant, new MemberLookup.ByPhone(new Phone("13800138000")), 3)).hasSize(3);
    }

    private Membership member(CardId card, String code, String openId) {
        return stores().memberships().save(Fixtures.receivedMembership(tenant, card, code, openId));
    }

    private static MemberProfile profile(Membership member, String mobile, Map<String, String> more) {
        Map<String, String> fields = new java.util.HashMap<>(more);
        fields.put(MemberProfile.MOBILE_FIELD, mobile);
        return MemberProfile.fromWechat(member.key(), member.openId(), Option.of("nick"), Option.of("MALE"), fields,
                T0.plusSeconds(1));
    }

    static MembershipKey key(TenantId tenant, CardId card, String code) {
        return new MembershipKey(tenant, card, new io.wxcard.domain.membership.Code(code));
    }
}
