package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/** Keeps what WeChat tells of members, and finds memberships the way the merchant's systems know their members. */
public interface MemberProfileStore {

    /** Stores the profile of its membership, replacing the one stored (the membership must be stored). */
    void save(MemberProfile profile);

    Option<MemberProfile> find(MembershipKey membership);

    /**
     * The tenant's memberships that match, on every card, oldest received first, at most {@code limit}. Openid and
     * membership number match memberships with or without a profile; phone and unionid match profiles.
     */
    List<MembershipKey> lookUp(TenantId tenantId, MemberLookup lookup, int limit);
}
