package io.wxcard.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.LoyaltyProgramStore;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.loyalty.LoyaltyProgram;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentLoyaltyProgramsTest {

    /** The stored set-ups, counting the reads that reach them. */
    private static final class CountingStore implements LoyaltyProgramStore {
        final LoyaltyProgramStore stored = new InMemoryStores().loyaltyPrograms();
        final AtomicInteger reads = new AtomicInteger();

        public Option<LoyaltyProgram> find(TenantId tenantId, CardId cardId) {
            reads.incrementAndGet();
            return stored.find(tenantId, cardId);
        }

        public void save(LoyaltyProgram program) {
            stored.save(program);
        }
    }

    private final CountingStore store = new CountingStore();
    private final RecentLoyaltyPrograms recent = new RecentLoyaltyPrograms(store);
    private final TenantId tenant = new TenantId("t1");
    private final CardId cardId = new CardId("card1");

    @Test
    void a_card_with_no_set_up_is_read_once_for_many_changes_and_a_plain_find_always_reads_the_store() {
        for (int i = 0; i < 5; i++) {
            assertThat(recent.findToFollow(tenant, cardId)).isEqualTo(LoyaltyProgram.none(tenant, cardId));
        }
        assertThat(store.reads.get()).as("one read for five changes").isEqualTo(1);

        recent.find(tenant, cardId);
        recent.find(tenant, cardId);
        assertThat(store.reads.get()).isEqualTo(3);
    }

    @Test
    void a_set_up_saved_through_it_is_followed_by_the_next_change() {
        recent.findToFollow(tenant, cardId);
        LoyaltyProgram saved = LoyaltyProgram.none(tenant, cardId).reviewedAt(Instant.parse("2026-12-01T00:00:00Z"));

        recent.save(saved);

        assertThat(recent.findToFollow(tenant, cardId)).isEqualTo(saved);
        assertThat(store.reads.get()).isEqualTo(2);
    }

    @Test
    void a_set_up_saved_elsewhere_is_followed_once_the_remembered_one_is_stale() throws InterruptedException {
        recent.findToFollow(tenant, cardId);
        LoyaltyProgram saved = LoyaltyProgram.none(tenant, cardId).reviewedAt(Instant.parse("2026-12-01T00:00:00Z"));
        store.save(saved); // another instance sharing the database

        assertThat(recent.findToFollow(tenant, cardId)).isEqualTo(LoyaltyProgram.none(tenant, cardId));
        Thread.sleep(RecentCards.FRESH_FOR.toMillis() + 100);
        assertThat(recent.findToFollow(tenant, cardId)).isEqualTo(saved);
    }
}
