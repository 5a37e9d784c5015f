package io.wxcard.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentTenantsTest {

    /** The stored tenants, counting the lookups that reach them. */
    private static final class CountingStore implements TenantStore {
        final TenantStore stored = new InMemoryStores().tenants();
        final AtomicInteger lookups = new AtomicInteger();

        public Option<Tenant> find(TenantId tenantId) {
            lookups.incrementAndGet();
            return stored.find(tenantId);
        }

        public Option<Tenant> findByApiKeyHash(String apiKeyHash) {
            lookups.incrementAndGet();
            return stored.findByApiKeyHash(apiKeyHash);
        }

        public Option<Tenant> findByAppId(AppId appId) {
            lookups.incrementAndGet();
            return stored.findByAppId(appId);
        }

        public void save(Tenant tenant) {
            stored.save(tenant);
        }

        public List<Tenant> list() {
            return stored.list();
        }
    }

    private final CountingStore store = new CountingStore();
    private final RecentTenants recent = new RecentTenants(store);
    private final Tenant tenant = Fixtures.tenant(new TenantId("t1"));

    @Test
    void a_tenant_found_is_remembered_by_each_key_it_was_found_by() {
        store.save(tenant);

        for (int i = 0; i < 5; i++) {
            assertThat(recent.find(tenant.id())).contains(tenant);
            assertThat(recent.findByApiKeyHash(tenant.apiKeyHash())).contains(tenant);
            assertThat(recent.findByAppId(tenant.appId())).contains(tenant);
        }

        assertThat(store.lookups.get()).as("one lookup per kind of key").isEqualTo(3);
    }

    @Test
    void a_miss_is_never_remembered_so_a_tenant_added_later_is_found_at_once() {
        assertThat(recent.find(tenant.id())).isEmpty();
        assertThat(recent.findByApiKeyHash("not-a-key")).isEmpty();

        store.save(tenant);

        assertThat(recent.find(tenant.id())).contains(tenant);
        assertThat(store.lookups.get()).isEqualTo(3);
    }

    @Test
    void a_change_saved_through_it_or_announced_to_it_is_seen_at_once() {
        store.save(tenant);
        recent.find(tenant.id());

        Tenant renamedKey = tenant.withApiKeyHash("another-hash");
        recent.save(renamedKey);
        assertThat(recent.find(tenant.id())).contains(renamedKey);
        assertThat(recent.findByApiKeyHash(tenant.apiKeyHash())).as("the old key").isEmpty();

        Tenant again = renamedKey.withApiKeyHash("third-hash");
        store.save(again);
        recent.forgetAll();
        assertThat(recent.find(tenant.id())).contains(again);
    }

    @Test
    void a_change_made_elsewhere_is_seen_once_the_remembered_copy_is_older_than_its_freshness() throws Exception {
        store.save(tenant);
        recent.find(tenant.id());
        Tenant changedElsewhere = tenant.withApiKeyHash("changed-by-another-instance");
        store.save(changedElsewhere);

        assertThat(recent.find(tenant.id())).as("within the freshness window").contains(tenant);
        Thread.sleep(RecentTenants.FRESH_FOR.toMillis() + 100);
        assertThat(recent.find(tenant.id())).as("after it").contains(changedElsewhere);
    }
}
