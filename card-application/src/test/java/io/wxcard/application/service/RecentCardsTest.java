package io.wxcard.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.TenantId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentCardsTest {

    /** The stored cards, counting the reads by id that reach them. */
    private static final class CountingStore implements CardStore {
        final CardStore stored = new InMemoryStores().cards();
        final AtomicInteger reads = new AtomicInteger();

        public Option<Card> find(TenantId tenantId, CardId cardId) {
            reads.incrementAndGet();
            return stored.find(tenantId, cardId);
        }

        public Option<Card> findByWechatCardId(TenantId tenantId, WechatCardId wechatCardId) {
            return stored.findByWechatCardId(tenantId, wechatCardId);
        }

        public Card save(Card card) {
            return stored.save(card);
        }

        public Page<Card> list(TenantId tenantId, Option<CardState> state, PageRequest page) {
            return stored.list(tenantId, state, page);
        }
    }

    private final CountingStore store = new CountingStore();
    private final RecentCards recent = new RecentCards(store);
    private final TenantId tenant = new TenantId("t1");
    private final CardId cardId = new CardId("card1");

    @Test
    void a_card_read_for_a_check_is_remembered_but_a_plain_find_always_reads_the_store() {
        Card card = store.save(Fixtures.draftCard(tenant, cardId));

        for (int i = 0; i < 5; i++) {
            assertThat(recent.findToCheck(tenant, cardId)).contains(card);
        }
        assertThat(store.reads.get()).as("one read for the checks").isEqualTo(1);

        recent.find(tenant, cardId);
        recent.find(tenant, cardId);
        assertThat(store.reads.get()).isEqualTo(3);
    }

    @Test
    void a_miss_is_never_remembered_so_a_card_drafted_later_is_found_at_once() {
        assertThat(recent.findToCheck(tenant, cardId)).isEmpty();

        Card card = store.save(Fixtures.draftCard(tenant, cardId));

        assertThat(recent.findToCheck(tenant, cardId)).contains(card);
    }

    @Test
    void a_card_saved_through_it_is_seen_by_the_next_check() {
        Card card = store.save(Fixtures.draftCard(tenant, cardId));
        recent.findToCheck(tenant, cardId);

        Card saved = recent.save(card);

        assertThat(saved.version()).isEqualTo(card.version() + 1);
        assertThat(recent.findToCheck(tenant, cardId)).contains(saved);
    }

    @Test
    void a_change_made_elsewhere_is_seen_once_the_remembered_copy_is_older_than_its_freshness() throws Exception {
        Card card = store.save(Fixtures.draftCard(tenant, cardId));
        recent.findToCheck(tenant, cardId);
        Card changedElsewhere = store.save(card);

        assertThat(recent.findToCheck(tenant, cardId)).as("within the freshness window").contains(card);
        Thread.sleep(RecentCards.FRESH_FOR.toMillis() + 100);
        assertThat(recent.findToCheck(tenant, cardId)).as("after it").contains(changedElsewhere);
    }
}
