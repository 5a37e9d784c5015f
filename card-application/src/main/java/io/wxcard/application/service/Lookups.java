package io.wxcard.application.service;

import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;

/** The lookups every service starts with, each answering a {@link Failure} that names what was missing. */
final class Lookups {

    private final TenantStore tenants;
    private final RecentCards cards;
    private final MembershipStore memberships;

    Lookups(TenantStore tenants, RecentCards cards, MembershipStore memberships) {
        this.tenants = tenants;
        this.cards = cards;
        this.memberships = memberships;
    }

    Either<Failure, Tenant> tenant(TenantId tenantId) {
        return tenants.find(tenantId).toEither(() -> new Failure.NotFound("tenant " + tenantId));
    }

    Either<Failure, WechatAccount> account(TenantId tenantId) {
        return tenant(tenantId).map(WechatAccount::of);
    }

    Either<Failure, Card> card(TenantId tenantId, CardId cardId) {
        return cards.find(tenantId, cardId).toEither(() -> new Failure.NotFound("card " + cardId));
    }

    /** The card, as read within the last {@link RecentCards#FRESH_FOR}: for a change's check of what it offers. */
    Either<Failure, Card> cardToCheck(TenantId tenantId, CardId cardId) {
        return cards.findToCheck(tenantId, cardId).toEither(() -> new Failure.NotFound("card " + cardId));
    }

    Either<Failure, Card> cardOnWechat(TenantId tenantId, WechatCardId wechatCardId) {
        return cards.findByWechatCardId(tenantId, wechatCardId)
                .toEither(() -> new Failure.NotFound("card with WeChat card_id " + wechatCardId));
    }

    Either<Failure, Membership> membership(MembershipKey key) {
        // The card is looked up only when the membership is missing, to say which of the two the caller got wrong.
        return memberships.find(key).toEither(() -> cards.find(key.tenantId(), key.cardId()).isEmpty()
                ? new Failure.NotFound("card " + key.cardId())
                : new Failure.NotFound("membership " + key.code() + " of card " + key.cardId()));
    }

    static <T> Either<Failure, T> rejected(Either<Rejection, T> decision) {
        return decision.mapLeft(Failure.Rejected::new);
    }

    static <T> Either<Failure, T> fromWechat(Either<WechatError, T> call) {
        return call.mapLeft(Failure.WechatFailed::new);
    }
}
