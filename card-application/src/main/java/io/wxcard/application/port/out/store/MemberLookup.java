package io.wxcard.application.port.out.store;

import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.membership.UnionId;
import java.util.Objects;

/** One way the merchant's systems know a member, to find their memberships across all of a tenant's cards. */
public sealed interface MemberLookup {

    /** By phone, compared in its {@link Phone#normalised()} form. */
    record ByPhone(Phone phone) implements MemberLookup {
        public ByPhone {
            Objects.requireNonNull(phone, "phone");
        }
    }

    record ByMembershipNumber(MembershipNumber number) implements MemberLookup {
        public ByMembershipNumber {
            Objects.requireNonNull(number, "membership number");
        }
    }

    record ByOpenId(OpenId openId) implements MemberLookup {
        public ByOpenId {
            Objects.requireNonNull(openId, "openid");
        }
    }

    /** By unionid, which WeChat gives when the account is bound to an Open Platform account. */
    record ByUnionId(String unionId) implements MemberLookup {
        public ByUnionId {
            new UnionId(unionId); // checked by the domain's rule; kept as text, as the stores compare it
        }
    }
}
