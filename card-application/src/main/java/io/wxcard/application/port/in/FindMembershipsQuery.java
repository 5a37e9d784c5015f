package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.tenant.TenantId;

/** Reads memberships and their ledgers. */
public interface FindMembershipsQuery {

    Either<Failure, Membership> membership(MembershipKey key);

    /** A card's memberships; the card must belong to the tenant. */
    Either<Failure, Page<Membership>> memberships(TenantId tenantId, CardId cardId, Option<MembershipState> state,
                                                  PageRequest page);

    Either<Failure, Page<LedgerEntry>> ledger(MembershipKey key, PageRequest page);
}
