package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * For each look-up, the memberships of one card it matches (at most {@code limit} each; absent when none): one read
     * per kind of look-up for a chunk of a ledger batch.
     */
    default Map<MemberLookup, List<MembershipKey>> lookUpOnCard(TenantId tenantId, CardId cardId,
                                                              Collection<MemberLookup> lookups, int limit) {
        Map<MemberLookup, List<MembershipKey>> found = new HashMap<>();
        for (MemberLookup lookup : lookups) {
            List<MembershipKey> onCard = lookUp(tenantId, lookup, Integer.MAX_VALUE).stream()
                    .filter(key -> key.cardId().equals(cardId)).limit(limit).toList();
            if (!onCard.isEmpty()) {
                found.put(lookup, onCard);
            }
        }
        return found;
    }
}
