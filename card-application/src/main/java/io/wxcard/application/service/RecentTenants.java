package io.wxcard.application.service;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The tenant store, remembering tenants it found for a short while. Every API request authenticates its key and
 * every WeChat push looks its tenant up; tenants change rarely (a key rotation, new credentials), so reading the row
 * each time was one database round trip per request for nothing. What is remembered: tenants found, by id, by API key
 * hash and by appid, for {@link #FRESH_FOR}; never a miss (unknown keys sent by anyone would fill it). A change made
 * through this instance forgets everything at once; one made by another instance sharing the database (or by the
 * command line) is seen here within {@link #FRESH_FOR}: a rotated key keeps working there for up to that long.
 */
final class RecentTenants implements TenantStore {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);
    /** Past this many remembered lookups everything is forgotten: a bound, far above any real tenant count. */
    private static final int MAX_ENTRIES = 10_000;

    private record Remembered(Tenant tenant, long foundAtNanos) {}

    private final TenantStore store;
    private final Map<Object, Remembered> recent = new ConcurrentHashMap<>();

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
        recent.clear();
    }

    @Override
    public List<Tenant> list() {
        return store.list();
    }

    /** Keeps API key hashes apart from other string keys. */
    private record ApiKeyHash(String value) {}

    private Option<Tenant> remembered(Object key, Supplier<Option<Tenant>> lookup) {
        long now = System.nanoTime();
        Remembered known = recent.get(key);
        if (known != null && now - known.foundAtNanos() < FRESH_FOR.toNanos()) {
            return Option.of(known.tenant());
        }
        Option<Tenant> found = lookup.get();
        if (found.isDefined()) {
            if (recent.size() >= MAX_ENTRIES) {
                recent.clear();
            }
            recent.put(key, new Remembered(found.get(), now));
        } else {
            recent.remove(key);
        }
        return found;
    }
}
