package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;

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
}
