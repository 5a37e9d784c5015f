package io.wxcard.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TenantStore} must do. */
public abstract class TenantStoreContract {

    protected abstract StoreSet stores();

    private TenantStore tenants;

    @BeforeEach
    void setUpStore() {
        tenants = stores().tenants();
    }

    @Test
    void keeps_every_field_and_credential_of_a_tenant() {
        Tenant tenant = Fixtures.tenantWithEverything(Fixtures.uniqueTenantId());
        tenants.save(tenant);

        Tenant found = tenants.find(tenant.id()).get();
        assertThat(found).isEqualTo(tenant);
        assertThat(found.appSecret().reveal()).isEqualTo(tenant.appSecret().reveal());
        assertThat(found.merchant().get().privateKeyPem().reveal()).isEqualTo(tenant.merchant().get().privateKeyPem().reveal());
    }

    @Test
    void finds_a_tenant_by_api_key_hash_and_by_appid() {
        Tenant tenant = Fixtures.tenant(Fixtures.uniqueTenantId());
        tenants.save(tenant);

        assertThat(tenants.findByApiKeyHash(tenant.apiKeyHash())).contains(tenant);
        assertThat(tenants.findByAppId(tenant.appId())).contains(tenant);
        assertThat(tenants.findByApiKeyHash("no-such-hash")).isEmpty();
        assertThat(tenants.findByAppId(new AppId("wxnobody"))).isEmpty();
    }

    @Test
    void replaces_a_tenant_saved_again_so_an_old_key_stops_working() {
        Tenant tenant = Fixtures.tenant(Fixtures.uniqueTenantId());
        tenants.save(tenant);

        tenants.save(tenant.withApiKeyHash("rotated-hash-" + tenant.id()));

        assertThat(tenants.findByApiKeyHash(tenant.apiKeyHash())).isEmpty();
        assertThat(tenants.findByApiKeyHash("rotated-hash-" + tenant.id()).map(Tenant::id)).contains(tenant.id());
    }

    @Test
    void refuses_a_second_tenant_with_the_same_appid() {
        Tenant first = Fixtures.tenant(Fixtures.uniqueTenantId());
        tenants.save(first);
        TenantId otherId = Fixtures.uniqueTenantId();
        Tenant sameAppId = new Tenant(otherId, "copy", first.appId(), first.appSecret(), first.pushToken(),
                first.encodingAesKey(), first.pushMode(), first.merchant(), "hash-" + otherId, first.createdAt());

        assertThatThrownBy(() -> tenants.save(sameAppId)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(tenants.find(otherId)).isEmpty();
    }

    @Test
    void lists_the_tenants() {
        Tenant first = Fixtures.tenant(Fixtures.uniqueTenantId());
        Tenant second = Fixtures.tenant(Fixtures.uniqueTenantId());
        tenants.save(first);
        tenants.save(second);

        assertThat(tenants.list()).contains(first, second);
    }
}
