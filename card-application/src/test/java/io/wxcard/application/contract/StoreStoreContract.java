package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.StoreStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.store.Store;
import io.wxcard.domain.store.StoreId;
import io.wxcard.domain.store.StoreVisit;
import io.wxcard.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** What every {@link StoreStore} must do. */
public abstract class StoreStoreContract {

    protected abstract StoreStore stores();

    private final TenantId tenant = Fixtures.uniqueTenantId();
    private final TenantId other = Fixtures.uniqueTenantId();

    private Store store(TenantId tenantId, String id, int secondsAfterT0) {
        return new Store(tenantId, new StoreId(id), "静安店 " + id, "上海市静安区南京西路 1 号", Option.of(1_000L + secondsAfterT0),
                T0.plusSeconds(secondsAfterT0));
    }

    @Test
    void keeps_every_field_of_a_store_and_lists_a_tenants_stores_oldest_first() {
        Store second = store(tenant, "store_b", 2);
        Store first = new Store(tenant, new StoreId("store_a"), "徐汇店", "上海市徐汇区", Option.none(), T0.plusSeconds(1));
        stores().save(second);
        stores().save(first);
        stores().save(store(other, "store_c", 0));

        assertThat(stores().find(tenant, new StoreId("store_b"))).contains(second);
        assertThat(stores().find(tenant, new StoreId("store_a")).get().locationId()).isEmpty();
        assertThat(stores().list(tenant)).containsExactly(first, second);
        assertThat(stores().find(other, new StoreId("store_a"))).isEmpty();
    }

    @Test
    void answers_the_visits_of_one_card_within_the_range_from_included_until_not() {
        stores().save(store(tenant, "store_v", 0));
        CardId card = new CardId("card_visits");
        StoreVisit atStart = new StoreVisit(tenant, new StoreId("store_v"), card, new Code("100001"), T0);
        StoreVisit later = new StoreVisit(tenant, new StoreId("store_v"), card, new Code("100002"), T0.plusSeconds(60));
        StoreVisit atEnd = new StoreVisit(tenant, new StoreId("store_v"), card, new Code("100003"), T0.plusSeconds(120));
        StoreVisit otherCard = new StoreVisit(tenant, new StoreId("store_v"), new CardId("card_x"), new Code("100004"),
                T0.plusSeconds(30));
        for (StoreVisit visit : new StoreVisit[] {later, atEnd, atStart, otherCard}) {
            stores().recordVisit(visit);
        }

        assertThat(stores().visits(tenant, card, T0, T0.plusSeconds(120))).containsExactly(atStart, later);
        assertThat(stores().visits(other, card, T0, T0.plusSeconds(600))).isEmpty();
    }
}
