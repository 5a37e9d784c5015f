package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/** Keeps tenants and their credentials. API keys are stored only as hashes. */
public interface TenantStore {

    Option<Tenant> find(TenantId tenantId);

    Option<Tenant> findByApiKeyHash(String apiKeyHash);

    Option<Tenant> findByAppId(AppId appId);

    /**
     * Inserts a new tenant or replaces the stored one with the same id.
     *
     * @throws ConcurrentUpdateException when another tenant already has this appid or API key hash
     */
    void save(Tenant tenant);

    List<Tenant> list();
}
