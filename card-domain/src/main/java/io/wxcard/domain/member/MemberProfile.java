package io.wxcard.domain.member;

import io.vavr.control.Option;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What WeChat tells of the member behind one membership: the activation form's answers and {@code userinfo/get}'s
 * fields (WeChat's common fields by id, such as {@code USER_FORM_INFO_FLAG_MOBILE}, and the card's custom fields by
 * name), the nickname, and the unionid where a push gave one. The phone is read out of the form's mobile field, so a
 * member can be found by it.
 *
 * <p>Personal data: {@link #toString()} names the membership alone, so a profile logged by accident shows nothing of
 * the person.
 */
public record MemberProfile(MembershipKey membership, OpenId openId, Option<String> unionId, Option<String> nickname,
                            Option<Phone> phone, Option<String> sex, Map<String, String> fields, Instant updatedAt) {

    /** WeChat's id of the form's mobile field, where the profile's phone comes from. */
    public static final String MOBILE_FIELD = "USER_FORM_INFO_FLAG_MOBILE";

    public MemberProfile {
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(openId, "openId");
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /**
     * The profile WeChat describes ({@code userinfo/get} or the form). A mobile field that holds no phone number is
     * kept among the fields but gives no phone.
     */
    public static MemberProfile fromWechat(MembershipKey membership, OpenId openId, Option<String> nickname,
                                           Option<String> sex, Map<String, String> fields, Instant now) {
        Option<Phone> phone = Option.of(fields.get(MOBILE_FIELD)).flatMap(raw -> Phone.parse(raw).toOption());
        return new MemberProfile(membership, openId, Option.none(), nickname, phone, sex, fields, now);
    }

    /**
     * A profile the merchant's own records give: the phone of an imported member (a CSV column, or WeChat Pay's import
     * by phone), so that the member is found by it before WeChat tells anything of them.
     */
    public static MemberProfile imported(MembershipKey membership, OpenId openId, Phone phone, Instant now) {
        return new MemberProfile(membership, openId, Option.none(), Option.none(), Option.of(phone), Option.none(),
                Map.of(), now);
    }

    /** A profile that knows only who the member is, as the push that delivered the card tells. */
    public static MemberProfile ofIdentity(MembershipKey membership, OpenId openId, Option<String> unionId, Instant now) {
        return new MemberProfile(membership, openId, unionId, Option.none(), Option.none(), Option.none(), Map.of(),
                now);
    }

    /**
     * This profile, replaced by what WeChat tells now; what the newer one does not say (a unionid only the receipt's
     * push carries, a phone an earlier form gave) is kept.
     */
    public MemberProfile updatedBy(MemberProfile newer) {
        Map<String, String> merged = new TreeMap<>(fields);
        merged.putAll(newer.fields);
        return new MemberProfile(membership, newer.openId, newer.unionId.orElse(unionId),
                newer.nickname.orElse(nickname), newer.phone.orElse(phone), newer.sex.orElse(sex), merged,
                newer.updatedAt);
    }

    @Override
    public String toString() {
        return "MemberProfile[" + membership + "]";
    }
}
