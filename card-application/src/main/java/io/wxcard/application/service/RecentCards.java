package io.wxcard.application.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;

/**
 * The card store, with the cards that points and balance changes check remembered for a short while. Every change read
 * its card's row and mapped its documents to check one thing, whether the card offers the asset, which almost never
 * changes; remembered, a busy card is read once per {@link #FRESH_FOR} instead of once per change.
 *
 * <p>Only {@link #findToCheck} remembers, and only what it read itself (never a miss, never a card some transaction is
 * still writing); {@link #find} and the other reads go to the store, so every service that changes a card or gates a
 * WeChat call on its state reads it fresh. A card saved through this instance is forgotten as it is saved; one
 * changed by another instance sharing the database (or read here just before the save committed) is seen within
 * {@link #FRESH_FOR}: for that long a change may still be checked against the offers the card had (the outbox checks
 * the card again before telling WeChat). It is Caffeine's,
 * like {@link RecentTenants}, each entry expiring {@link #FRESH_FOR} after it was read.
 */
final class RecentCards implements CardStore {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);
    /** A bound far above the cards that take changes at once. */
    private static final int MAX_ENTRIES = 10_000;

    private record Key(TenantId tenantId, CardId cardId) {}

    private final CardStore store;
    private final Cache<Key, Card> recent = Caffeine.newBuilder()
            .expireAfterWrite(FRESH_FOR)
            .maximumSize(MAX_ENTRIES)
            .build();

    RecentCards(CardStore store) {
        this.store = store;
    }

    /** The card as read within the last {@link #FRESH_FOR}, for a check that may be that old (the offers). */
    Option<Card> findToCheck(TenantId tenantId, CardId cardId) {
        Key key = new Key(tenantId, cardId);
        Card known = recent.getIfPresent(key);
        if (known != null) {
            return Option.of(known);
        }
        Option<Card> found = store.find(tenantId, cardId);
        found.forEach(card -> recent.put(key, card));
        return found;
    }

    @Override
    public Option<Card> find(TenantId tenantId, CardId cardId) {
        return store.find(tenantId, cardId);
    }

    @Override
    public Option<Card> findByWechatCardId(TenantId tenantId, WechatCardId wechatCardId) {
        return store.findByWechatCardId(tenantId, wechatCardId);
    }

    @Override
    public Card save(Card card) {
        try {
            return store.save(card);
        } finally {
            recent.invalidate(new Key(card.tenantId(), card.id()));
        }
    }

    @Override
    public Page<Card> list(TenantId tenantId, Option<CardState> state, PageRequest page) {
        return store.list(tenantId, state, page);
    }
}
