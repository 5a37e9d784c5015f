package io.wxcard.application.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The tenant store, remembering tenants it found for a short while. Every API request authenticates its key and
 * every WeChat push looks its tenant up; tenants change rarely (a key rotation, new credentials), so reading the row
 * each time was one database round trip per request for nothing. What is remembered: tenants found, by id, by API key
 * hash and by appid, for {@link #FRESH_FOR}; never a miss (unknown keys sent by anyone would fill it). A change made
 * through this instance forgets everything at once; one made by another instance sharing the database (or by the
 * command line) is seen here within {@link #FRESH_FOR}: a rotated key keeps working there for up to that long.
 *
 * <p>Why a cache at all: it is the hottest read of the service (every request, every push), and the only one whose
 * row almost never changes. It is Caffeine's, expiring each entry {@link #FRESH_FOR} after it was read.
 */
final class RecentTenants implements TenantStore {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);
    /** A bound far above any real tenant count (times the three keys a tenant is found by). */
    private static final int MAX_ENTRIES = 10_000;

    private final TenantStore store;
    private final Cache<Object, Tenant> recent = Caffeine.newBuilder()
            .expireAfterWrite(FRESH_FOR)
            .maximumSize(MAX_ENTRIES)
            .build();

    RecentTenants(TenantStore store) {
        this.store = store;
    }

    @Override
    public Option<Tenant> find(TenantId tenantId) {
        return remembered(tenantId, () -> store.find(tenantId));
    }

    @Override
    public Option<Tenant> findByApiKeyHash(String apiKeyHash) {
        return remembered(new ApiKeyHash(apiKeyHash), () -> store.findByApiKeyHash(apiKeyHash));
    }

    @Override
    public Option<Tenant> findByAppId(AppId appId) {
        return remembered(appId, () -> store.findByAppId(appId));
    }

    @Override
    public void save(Tenant tenant) {
        try {
            store.save(tenant);
        } finally {
            forgetAll();
        }
    }

    /** Forgets every tenant remembered: called after a change made through this instance. */
    void forgetAll() {
        recent.invalidateAll();
    }

    @Override
    public List<Tenant> list() {
        return store.list();
    }

    /** Keeps API key hashes apart from other string keys. */
    private record ApiKeyHash(String value) {}

    private Option<Tenant> remembered(Object key, Supplier<Option<Tenant>> lookup) {
        Tenant known = recent.getIfPresent(key);
        if (known != null) {
            return Option.of(known);
        }
        Option<Tenant> found = lookup.get();
        found.forEach(tenant -> recent.put(key, tenant)); // a miss is never kept
        return found;
    }
}
