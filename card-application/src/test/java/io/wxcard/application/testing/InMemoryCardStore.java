package io.wxcard.application.testing;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.CardSnapshot;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.TenantId;
import java.util.Comparator;

/** {@link CardStore} in memory. */
final class InMemoryCardStore implements CardStore, InMemoryStores.Snapshottable {

    private final InMemoryStores db;
    private Map<CardId, Card> cards = HashMap.empty();

    InMemoryCardStore(InMemoryStores db) {
        this.db = db;
    }

    @Override
    public Option<Card> find(TenantId tenantId, CardId cardId) {
        return db.locked(() -> cards.get(cardId).filter(card -> card.tenantId().equals(tenantId)));
    }

    @Override
    public Option<Card> findByWechatCardId(TenantId tenantId, WechatCardId wechatCardId) {
        return db.locked(() -> cards.values()
                .find(card -> card.tenantId().equals(tenantId) && card.wechatCardId().contains(wechatCardId)));
    }

    @Override
    public Card save(Card card) {
        return db.locked(() -> {
            Option<Card> stored = cards.get(card.id());
            if (card.version() == 0 && stored.isDefined()) {
                throw new ConcurrentUpdateException("card " + card.id() + " already exists");
            }
            if (card.version() > 0 && !stored.exists(s -> s.version() == card.version())) {
                throw new ConcurrentUpdateException("card " + card.id() + " was changed by someone else (version "
                        + card.version() + " is stale)");
            }
            card.wechatCardId().forEach(wechatId -> {
                if (cards.values().exists(other -> !other.id().equals(card.id()) && other.wechatCardId().contains(wechatId))) {
                    throw new ConcurrentUpdateException("WeChat card " + wechatId + " is already another card's");
                }
            });
            CardSnapshot s = card.snapshot();
            Card saved = Card.reconstitute(s.toBuilder().version(s.version() + 1).build());
            cards = cards.put(card.id(), saved);
            return saved;
        });
    }

    @Override
    public Page<Card> list(TenantId tenantId, Option<CardState> state, PageRequest page) {
        return db.locked(() -> {
            var matching = cards.values()
                    .filter(card -> card.tenantId().equals(tenantId) && state.forAll(wanted -> card.state() == wanted))
                    .toJavaList();
            matching.sort(Comparator.comparing((Card card) -> card.snapshot().createdAt()).thenComparing(c -> c.id().value()));
            return InMemoryPaging.page(matching, page);
        });
    }

    @Override
    public Object snapshot() {
        return cards;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        cards = (Map<CardId, Card>) snapshot;
    }
}
