package io.wxcard.application.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.LoyaltyProgramStore;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.loyalty.LoyaltyProgram;
import io.wxcard.domain.tenant.TenantId;

/**
 * The loyalty set-ups, with the one each points change follows remembered for a short while. Every recorded entry read
 * its card's set-up (levels, notices) to learn, nearly always, that the card has none or the same as a moment ago:
 * one query per change on the hottest path (BENCHMARKS.md §0). Remembered, a busy card's set-up is read once per
 * {@link RecentCards#FRESH_FOR}, the same freshness the change's card check already accepts.
 *
 * <p>Only {@link #findToFollow} remembers, and it remembers "no set-up" too (the common case, and the one whose read
 * was wasted); {@link #find} reads the store, so configuring, purchases and the periodic reviews see the set-up fresh.
 * A set-up saved through this instance is forgotten as it is saved; one saved by another instance is followed within
 * {@link RecentCards#FRESH_FOR}.
 */
final class RecentLoyaltyPrograms implements LoyaltyProgramStore {

    /** A bound far above the cards that take changes at once. */
    private static final int MAX_ENTRIES = 10_000;

    private record Key(TenantId tenantId, CardId cardId) {}

    private final LoyaltyProgramStore store;
    private final Cache<Key, LoyaltyProgram> recent = Caffeine.newBuilder()
            .expireAfterWrite(RecentCards.FRESH_FOR)
            .maximumSize(MAX_ENTRIES)
            .build();

    RecentLoyaltyPrograms(LoyaltyProgramStore store) {
        this.store = store;
    }

    /** The card's set-up (or {@link LoyaltyProgram#none}) as read within the last {@link RecentCards#FRESH_FOR}. */
    LoyaltyProgram findToFollow(TenantId tenantId, CardId cardId) {
        return recent.get(new Key(tenantId, cardId), key -> store.find(tenantId, cardId)
                .getOrElse(() -> LoyaltyProgram.none(tenantId, cardId)));
    }

    @Override
    public Option<LoyaltyProgram> find(TenantId tenantId, CardId cardId) {
        return store.find(tenantId, cardId);
    }

    @Override
    public void save(LoyaltyProgram program) {
        try {
            store.save(program);
        } finally {
            recent.invalidate(new Key(program.tenantId(), program.cardId()));
        }
    }
}
