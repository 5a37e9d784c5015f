package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps memberships, with their ledger totals. */
public interface MembershipStore {

    Option<Membership> find(MembershipKey key);

    /** The membership an openid holds of a card, if any (the most recently received one when several). */
    Option<Membership> findByOpenId(TenantId tenantId, CardId cardId, OpenId openId);

    /**
     * Inserts a membership whose version is 0, or updates one whose stored version equals its version.
     *
     * @return the membership as stored, its version one higher
     * @throws ConcurrentUpdateException on a stale version, or when the code already exists on insert
     */
    Membership save(Membership membership);

    /**
     * Stores what a ledger change alters, and only that: the totals and when they changed. The membership's other
     * fields must be as stored at its version (it was read and then only its ledger changed); a store may skip
     * writing them, which makes the most frequent write cheap. The version is checked as by {@link #save}.
     *
     * @return the membership as stored, its version one higher
     * @throws ConcurrentUpdateException on a stale version, or when the membership is not stored
     */
    Membership saveTotals(Membership membership);

    /** A card's memberships, oldest first, optionally only those in one state. */
    Page<Membership> list(TenantId tenantId, CardId cardId, Option<MembershipState> state, PageRequest page);

    /**
     * Those of the codes that a card has memberships for, by code: one read for a chunk of a ledger batch. A store
     * that cannot do better reads them one by one.
     */
    default Map<Code, Membership> findAll(TenantId tenantId, CardId cardId, Collection<Code> codes) {
        Map<Code, Membership> found = new HashMap<>();
        codes.forEach(code -> find(new MembershipKey(tenantId, cardId, code)).forEach(m -> found.put(code, m)));
        return found;
    }

    /**
     * {@link #saveTotals} for each membership, in one round trip where the store can: all are saved or, on a stale
     * version, none (the caller's transaction is rolled back).
     *
     * @return the memberships as stored, in the given order, each version one higher
     * @throws ConcurrentUpdateException when any version is stale
     */
    default List<Membership> saveTotalsAll(List<Membership> changed) {
        return changed.stream().map(this::saveTotals).toList();
    }
}
