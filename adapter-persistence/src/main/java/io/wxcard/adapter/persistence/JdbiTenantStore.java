package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/**
 * {@link TenantStore} on the {@code tenants} table. Saving replaces the row with the tenant's id, or inserts one; the
 * unique appid and API key hash refuse a second tenant with either, which the store reports as a
 * {@link io.wxcard.application.port.out.store.ConcurrentUpdateException}.
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

    private final Database db;
    private final TenantRowMapper mapper = new TenantRowMapperImpl();

    JdbiTenantStore(Database db) {
        this.db = db;
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
        db.call(() -> "saving tenant " + tenant.id(), handle -> {
            int replaced = row.bindTo(handle.createUpdate(REPLACE)).execute();
            return replaced > 0 ? replaced : row.bindTo(handle.createUpdate(INSERT)).execute();
        });
    }

    @Override
    public List<Tenant> list() {
        return db.call("listing tenants", handle -> handle
                .createQuery(SELECT + "ORDER BY created_at, id")
                .map(TenantRow::read)
                .map(mapper::toTenant)
                .list());
    }

    private Option<Tenant> findWhere(String condition, String value) {
        return db.call("reading a tenant", handle -> Option.ofOptional(handle
                .createQuery(SELECT + "WHERE " + condition)
                .bind("value", value)
                .map(TenantRow::read)
                .findOne())
                .map(mapper::toTenant));
    }
}
