package io.wxcard.examples.plain;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.StoreUnavailableException;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The tea house's own tenant store: its WeChat accounts live in a table of its back office ({@code shop_wechat_accounts}),
 * read and written with plain JDBC. It keeps what {@link TenantStore} promises, which the published
 * {@code TenantStoreContract} proves (see the tests): every field back as saved, look-ups by API key hash and appid,
 * a save that replaces, and a second tenant with a taken appid or key hash refused.
 */
public final class JdbcTenantStore implements TenantStore {

    private static final String COLUMNS = "tenant_id, name, app_id, app_secret, push_token, aes_key, push_mode, "
            + "merchant_id, merchant_serial, merchant_private_key, merchant_apiv3_key, platform_serial, "
            + "platform_public_key, api_key_hash, created_at";

    private final DataSource dataSource;

    public JdbcTenantStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The team's own DDL (its own migrations would hold it); wxcard's migrations never touch this table. */
    public JdbcTenantStore createTable() {
        run(connection -> {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS shop_wechat_accounts (tenant_id VARCHAR(64) PRIMARY KEY, "
                        + "name VARCHAR(100) NOT NULL, app_id VARCHAR(64) NOT NULL UNIQUE, app_secret VARCHAR(512) NOT NULL, "
                        + "push_token VARCHAR(512) NOT NULL, aes_key VARCHAR(64), push_mode VARCHAR(8) NOT NULL, "
                        + "merchant_id VARCHAR(64), merchant_serial VARCHAR(128), merchant_private_key VARCHAR(8192), "
                        + "merchant_apiv3_key VARCHAR(128), platform_serial VARCHAR(128), platform_public_key VARCHAR(8192), "
                        + "api_key_hash VARCHAR(128) NOT NULL UNIQUE, created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)");
            }
            return null;
        });
        return this;
    }

    @Override
    public Option<Tenant> find(TenantId tenantId) {
        return one("tenant_id", tenantId.value());
    }

    @Override
    public Option<Tenant> findByApiKeyHash(String apiKeyHash) {
        return one("api_key_hash", apiKeyHash);
    }

    @Override
    public Option<Tenant> findByAppId(AppId appId) {
        return one("app_id", appId.value());
    }

    @Override
    public void save(Tenant tenant) {
        run(connection -> {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM shop_wechat_accounts WHERE tenant_id = ?")) {
                    delete.setString(1, tenant.id().value());
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO shop_wechat_accounts ("
                        + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(insert, tenant);
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException failed) {
                connection.rollback();
                if (failed.getSQLState() != null && failed.getSQLState().startsWith("23")) {
                    throw new ConcurrentUpdateException("another tenant has the appid or API key hash of tenant "
                            + tenant.id(), failed);
                }
                throw failed;
            }
            return null;
        });
    }

    @Override
    public List<Tenant> list() {
        return run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM shop_wechat_accounts ORDER BY tenant_id");
                 ResultSet rows = select.executeQuery()) {
                List<Tenant> tenants = new ArrayList<>();
                while (rows.next()) {
                    tenants.add(read(rows));
                }
                return tenants;
            }
        });
    }

    private Option<Tenant> one(String column, String value) {
        return run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM shop_wechat_accounts WHERE " + column + " = ?")) {
                select.setString(1, value);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Option.of(read(rows)) : Option.none();
                }
            }
        });
    }

    private static void bind(PreparedStatement insert, Tenant t) throws SQLException {
        Option<MerchantCredentials> m = t.merchant();
        insert.setString(1, t.id().value());
        insert.setString(2, t.name());
        insert.setString(3, t.appId().value());
        insert.setString(4, t.appSecret().reveal());
        insert.setString(5, t.pushToken().reveal());
        insert.setString(6, t.encodingAesKey().map(Secret::reveal).getOrNull());
        insert.setString(7, t.pushMode().name());
        insert.setString(8, m.map(MerchantCredentials::merchantId).getOrNull());
        insert.setString(9, m.map(MerchantCredentials::serialNo).getOrNull());
        insert.setString(10, m.map(c -> c.privateKeyPem().reveal()).getOrNull());
        insert.setString(11, m.map(c -> c.apiV3Key().reveal()).getOrNull());
        insert.setString(12, m.map(MerchantCredentials::platformSerial).getOrNull());
        insert.setString(13, m.map(MerchantCredentials::platformPublicKeyPem).getOrNull());
        insert.setString(14, t.apiKeyHash());
        insert.setObject(15, OffsetDateTime.ofInstant(t.createdAt(), ZoneOffset.UTC));
    }

    private static Tenant read(ResultSet row) throws SQLException {
        Option<MerchantCredentials> merchant = Option.of(row.getString("merchant_id")).map(id -> {
            try {
                return new MerchantCredentials(id, row.getString("merchant_serial"),
                        Secret.of(row.getString("merchant_private_key")), Secret.of(row.getString("merchant_apiv3_key")),
                        row.getString("platform_serial"), row.getString("platform_public_key"));
            } catch (SQLException unreadable) {
                throw new StoreUnavailableException("cannot read the merchant of tenant " + id, unreadable);
            }
        });
        return new Tenant(new TenantId(row.getString("tenant_id")), row.getString("name"),
                new AppId(row.getString("app_id")), Secret.of(row.getString("app_secret")),
                Secret.of(row.getString("push_token")), Option.of(row.getString("aes_key")).map(Secret::of),
                PushMode.valueOf(row.getString("push_mode")), merchant, row.getString("api_key_hash"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** One connection for the work; a database that cannot be reached is what the port calls unavailable. */
    private <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException failed) {
            throw new StoreUnavailableException("the tenant table cannot be reached (" + failed.getSQLState() + ")", failed);
        }
    }
}
