package io.wxcard.application.testing;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.MemberLookup;
import io.wxcard.application.port.out.store.MemberProfileStore;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.util.Comparator;
import java.util.List;

/** {@link MemberProfileStore} in memory; look-ups by openid and membership number read the memberships. */
final class InMemoryMemberProfileStore implements MemberProfileStore, InMemoryStores.Snapshottable {

    private final InMemoryStores db;
    private Map<MembershipKey, MemberProfile> profiles = HashMap.empty();

    InMemoryMemberProfileStore(InMemoryStores db) {
        this.db = db;
    }

    @Override
    public void save(MemberProfile profile) {
        db.locked(() -> {
            if (db.memberships().find(profile.membership()).isEmpty()) {
                throw new ConcurrentUpdateException("membership " + profile.membership() + " is not stored");
            }
            profiles = profiles.put(profile.membership(), profile);
            return profile;
        });
    }

    @Override
    public Option<MemberProfile> find(MembershipKey membership) {
        return db.locked(() -> profiles.get(membership));
    }

    @Override
    public List<MembershipKey> lookUp(TenantId tenantId, MemberLookup lookup, int limit) {
        return db.locked(() -> db.allMemberships()
                .filter(m -> m.tenantId().equals(tenantId) && matches(m, lookup))
                .sorted(Comparator.comparing((Membership m) -> m.snapshot().receivedAt())
                        .thenComparing(m -> m.cardId().value()).thenComparing(m -> m.code().value()))
                .limit(limit)
                .map(Membership::key)
                .toList());
    }

    private boolean matches(Membership membership, MemberLookup lookup) {
        Option<MemberProfile> profile = profiles.get(membership.key());
        if (lookup instanceof MemberLookup.ByOpenId byOpenId) {
            return membership.openId().equals(byOpenId.openId());
        }
        if (lookup instanceof MemberLookup.ByMembershipNumber byNumber) {
            return membership.membershipNumber().contains(byNumber.number());
        }
        if (lookup instanceof MemberLookup.ByPhone byPhone) {
            return profile.flatMap(MemberProfile::phone)
                    .exists(phone -> phone.normalised().equals(byPhone.phone().normalised()));
        }
        return profile.flatMap(MemberProfile::unionId).contains(((MemberLookup.ByUnionId) lookup).unionId());
    }

    @Override
    public Object snapshot() {
        return profiles;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        profiles = (Map<MembershipKey, MemberProfile>) snapshot;
    }
}
