package io.wxcard.application.testing;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/** {@link TenantStore} in memory. */
final class InMemoryTenantStore implements TenantStore, InMemoryStores.Snapshottable {

    private final InMemoryStores db;
    private Map<TenantId, Tenant> tenants = LinkedHashMap.empty();

    InMemoryTenantStore(InMemoryStores db) {
        this.db = db;
    }

    @Override
    public Option<Tenant> find(TenantId tenantId) {
        return db.locked(() -> tenants.get(tenantId));
    }

    @Override
    public Option<Tenant> findByApiKeyHash(String apiKeyHash) {
        return db.locked(() -> tenants.values().find(t -> t.apiKeyHash().equals(apiKeyHash)));
    }

    @Override
    public Option<Tenant> findByAppId(AppId appId) {
        return db.locked(() -> tenants.values().find(t -> t.appId().equals(appId)));
    }

    @Override
    public void save(Tenant tenant) {
        db.locked(() -> {
            boolean clash = tenants.values().exists(other -> !other.id().equals(tenant.id())
                    && (other.appId().equals(tenant.appId()) || other.apiKeyHash().equals(tenant.apiKeyHash())));
            if (clash) {
                throw new ConcurrentUpdateException("another tenant already has appid " + tenant.appId() + " or this API key");
            }
            tenants = tenants.put(tenant.id(), tenant);
            return null;
        });
    }

    @Override
    public List<Tenant> list() {
        return db.locked(() -> tenants.values().toJavaList());
    }

    @Override
    public Object snapshot() {
        return tenants;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        tenants = (Map<TenantId, Tenant>) snapshot;
    }
}
