package io.wxcard.application.service;

import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.FindMembersQuery;
import io.wxcard.application.port.out.store.MemberLookup;
import io.wxcard.application.port.out.store.MemberProfileStore;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;

/** Finds a tenant's members by what its other systems key them on, across all of its cards. */
final class MemberDirectoryService implements FindMembersQuery {

    private final MemberProfileStore profiles;
    private final Lookups lookups;

    MemberDirectoryService(MemberProfileStore profiles, Lookups lookups) {
        this.profiles = profiles;
        this.lookups = lookups;
    }

    @Override
    public Either<Failure, List<FoundMember>> find(TenantId tenantId, MemberLookup lookup) {
        return lookups.tenant(tenantId).map(tenant -> {
            List<FoundMember> found = new ArrayList<>();
            for (MembershipKey key : profiles.lookUp(tenantId, lookup, MAX_MATCHES)) {
                // A key the store found is the tenant's own; a membership removed in between is left out.
                lookups.membership(key).forEach(membership -> lookups.card(tenantId, key.cardId()).forEach(card ->
                        found.add(new FoundMember(membership, card, profiles.find(key)))));
            }
            return found;
        });
    }

    @Override
    public Either<Failure, MemberProfile> profile(MembershipKey membership) {
        return lookups.membership(membership).flatMap(found -> profiles.find(membership).toEither(() ->
                new Failure.NotFound("a profile of membership " + membership.code() + " (WeChat has told nothing of "
                        + "the member yet: the profile comes with the one-click form or a pull)")));
    }
}
