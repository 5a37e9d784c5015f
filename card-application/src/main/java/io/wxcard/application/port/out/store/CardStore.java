package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.TenantId;

/** Keeps cards. Every lookup is scoped to a tenant: another tenant's card is simply not found. */
public interface CardStore {

    Option<Card> find(TenantId tenantId, CardId cardId);

    Option<Card> findByWechatCardId(TenantId tenantId, WechatCardId wechatCardId);

    /**
     * Inserts a card whose version is 0, or updates one whose stored version equals {@code card.version()}.
     *
     * @return the card as stored, its version one higher
     * @throws ConcurrentUpdateException when the stored version differs (someone else saved first), or a card with
     *                                   this id (or this WeChat card_id) already exists on insert
     */
    Card save(Card card);

    /** The tenant's cards, oldest first, optionally only those in one state. */
    Page<Card> list(TenantId tenantId, Option<CardState> state, PageRequest page);
}
