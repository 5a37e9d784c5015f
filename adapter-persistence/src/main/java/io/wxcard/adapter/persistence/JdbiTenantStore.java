package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link TenantStore} on the {@code tenants} table. Saving replaces the row with the tenant's id, or inserts one; the
 * unique appid and API key hash refuse a second tenant with either, which the store reports as a
 * {@link ConcurrentUpdateException}.
 */
final class JdbiTenantStore implements TenantStore {

    private static final String SELECT = "SELECT " + TenantRow.COLUMNS + " FROM tenants ";
    private static final String INSERT = "INSERT INTO tenants (" + TenantRow.COLUMNS + ") VALUES ("
            + TenantRow.PARAMETERS + ")";
    private static final String REPLACE = "UPDATE tenants SET name = :name, app_id = :appId, app_secret = :appSecret, "
            + "push_token = :pushToken, encoding_aes_key = :encodingAesKey, push_mode = :pushMode, "
            + "merchant_id = :merchantId, merchant_serial_no = :merchantSerialNo, "
            + "merchant_private_key_pem = :merchantPrivateKeyPem, merchant_api_v3_key = :merchantApiV3Key, "
            + "merchant_platform_serial = :merchantPlatformSerial, "
            + "merchant_platform_public_key_pem = :merchantPlatformPublicKeyPem, api_key_hash = :apiKeyHash, "
            + "created_at = :createdAt WHERE id = :id";

    private final Sql sql;
    private final TenantRowMapper mapper = new TenantRowMapperImpl();

    JdbiTenantStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Option<Tenant> find(TenantId tenantId) {
        return findWhere("id = :value", tenantId.value());
    }

    @Override
    public Option<Tenant> findByApiKeyHash(String apiKeyHash) {
        return findWhere("api_key_hash = :value", apiKeyHash);
    }

    @Override
    public Option<Tenant> findByAppId(AppId appId) {
        return findWhere("app_id = :value", appId.value());
    }

    @Override
    public void save(Tenant tenant) {
        TenantRow row = mapper.toRow(tenant);
        Supplier<String> what = () -> "saving tenant " + tenant.id();
        boolean saved = sql.inTransaction(what, handle -> handle.createUpdate(REPLACE).bindMap(Sql.components(row)).execute() > 0
                || sql.insertUnlessPresent(handle, INSERT, what, insert -> insert.bindMap(Sql.components(row))));
        if (!saved) {
            throw new ConcurrentUpdateException("saving tenant " + tenant.id() + ": another tenant has its appid or "
                    + "API key (a duplicate key)");
        }
    }

    @Override
    public List<Tenant> list() {
        return sql.withHandle(() -> "listing tenants", handle -> handle
                .createQuery(SELECT + "ORDER BY created_at, id")
                .mapTo(TenantRow.class)
                .map(mapper::toTenant)
                .list());
    }

    private Option<Tenant> findWhere(String condition, String value) {
        return sql.withHandle(() -> "reading a tenant", handle -> Option.ofOptional(handle
                .createQuery(SELECT + "WHERE " + condition)
                .bind("value", value)
                .mapTo(TenantRow.class)
                .findOne())
                .map(mapper::toTenant));
    }
}
