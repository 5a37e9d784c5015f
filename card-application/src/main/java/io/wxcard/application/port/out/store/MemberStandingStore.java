package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.loyalty.LevelChange;
import io.wxcard.domain.loyalty.MemberStanding;
import io.wxcard.domain.loyalty.Purchase;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/**
 * Members' levels, the history of their level changes, and their purchases. A standing's lifetime spend is what its
 * purchases add up to, so two purchases at once never lose one another's amount.
 */
public interface MemberStandingStore {

    /** The member's standing; none while they have neither a level nor a purchase. */
    Option<MemberStanding> find(MembershipKey membership);

    /** Sets the member's level (and since when); the lifetime spend is the purchases' and is not written. */
    void saveLevel(MemberStanding standing);

    /** The standings of a card's members that hold a level, for a period's review. */
    List<MemberStanding> withLevel(TenantId tenantId, CardId cardId);

    /**
     * Records a purchase unless one with its key is recorded already.
     *
     * @return whether it was recorded
     */
    boolean recordPurchase(Purchase purchase);

    Option<Purchase> purchase(MembershipKey membership, IdempotencyKey key);

    /** Appends a level change to the member's history; changes are never altered or removed. */
    void appendLevelChange(LevelChange change);

    /** The member's level changes, oldest first. */
    List<LevelChange> levelChanges(MembershipKey membership);
}
