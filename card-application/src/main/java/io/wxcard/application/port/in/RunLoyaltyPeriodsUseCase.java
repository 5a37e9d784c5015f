package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;

/**
 * What happens when time passes (a scheduler or the merchant runs these): points older than the card's expiry leave
 * the ledger through an entry each, and at a demotion period's end members whose standing no longer holds their level
 * move down. Running either again changes nothing more.
 */
public interface RunLoyaltyPeriodsUseCase {

    /** @return how many members had points expire */
    Either<Failure, Integer> expirePoints(TenantId tenantId, CardId cardId);

    /** @return how many members moved down; 0 when no period end has passed since the last review */
    Either<Failure, Integer> reviewLevels(TenantId tenantId, CardId cardId);

    /**
     * Moves up every activated member whose points or lifetime spend already hold a higher level: the members who had
     * them before the card's levels were set (otherwise a member is promoted at their next ledger change). One
     * transaction per member; running it again moves nobody.
     *
     * @return how many members moved up
     */
    Either<Failure, Integer> promoteQualified(TenantId tenantId, CardId cardId);
}
