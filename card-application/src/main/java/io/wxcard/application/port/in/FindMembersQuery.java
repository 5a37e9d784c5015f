package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.MemberLookup;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/** Finds members the way the merchant's CRM knows them (phone, membership number, openid, unionid). */
public interface FindMembersQuery {

    /** At most this many memberships answer one look-up. */
    int MAX_MATCHES = 100;

    /** One membership that matched, with its card and what WeChat told of the member (if anything yet). */
    record FoundMember(Membership membership, Card card, Option<MemberProfile> profile) {}

    /** Every matching membership of the tenant, on all its cards, oldest first; never another tenant's. */
    Either<Failure, List<FoundMember>> find(TenantId tenantId, MemberLookup lookup);

    /** The member behind one membership, in full (personal data: the caller asked for this member). */
    Either<Failure, MemberProfile> profile(MembershipKey membership);
}
