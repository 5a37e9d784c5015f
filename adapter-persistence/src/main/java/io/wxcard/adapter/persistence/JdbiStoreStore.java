package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.StoreStore;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.store.Store;
import io.wxcard.domain.store.StoreId;
import io.wxcard.domain.store.StoreVisit;
import io.wxcard.domain.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link StoreStore} on {@code stores} and {@code store_visits}. */
final class JdbiStoreStore implements StoreStore {

    private static final String STORE_COLUMNS = "tenant_id, id, name, address, location_id, created_at";

    private final Sql sql;

    JdbiStoreStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(Store store) {
        sql.inTransaction(() -> "saving store " + store.id(), handle -> {
            handle.createUpdate("DELETE FROM stores WHERE tenant_id = :tenantId AND id = :id")
                    .bind("tenantId", store.tenantId().value()).bind("id", store.id().value()).execute();
            return handle.createUpdate("INSERT INTO stores (" + STORE_COLUMNS + ") VALUES (:tenantId, :id, :name, "
                            + ":address, :locationId, :createdAt)")
                    .bind("tenantId", store.tenantId().value())
                    .bind("id", store.id().value())
                    .bind("name", store.name())
                    .bind("address", store.address())
                    .bind("locationId", store.locationId().getOrNull())
                    .bind("createdAt", store.createdAt())
                    .execute();
        });
    }

    @Override
    public Option<Store> find(TenantId tenantId, StoreId storeId) {
        return sql.withHandle(() -> "finding store " + storeId, handle -> Option.ofOptional(handle
                .createQuery("SELECT " + STORE_COLUMNS + " FROM stores WHERE tenant_id = :tenantId AND id = :id")
                .bind("tenantId", tenantId.value()).bind("id", storeId.value())
                .map(JdbiStoreStore::store).findOne()));
    }

    @Override
    public List<Store> list(TenantId tenantId) {
        return sql.withHandle(() -> "listing stores", handle -> handle
                .createQuery("SELECT " + STORE_COLUMNS + " FROM stores WHERE tenant_id = :tenantId "
                        + "ORDER BY created_at, id")
                .bind("tenantId", tenantId.value())
                .map(JdbiStoreStore::store).list());
    }

    /** A repeat of the same visit (same member, card, store and second) is kept once. */
    @Override
    public void recordVisit(StoreVisit visit) {
        sql.withHandle(() -> "recording a visit of store " + visit.storeId(), handle -> handle
                .createUpdate("INSERT INTO store_visits (tenant_id, card_id, code, visited_at, store_id) "
                        + "SELECT :tenantId, :cardId, :code, :at, :storeId FROM (SELECT 1 AS one) AS single WHERE NOT "
                        + "EXISTS (SELECT 1 FROM store_visits WHERE tenant_id = :tenantId AND card_id = :cardId AND "
                        + "code = :code AND visited_at = :at AND store_id = :storeId)")
                .bind("tenantId", visit.tenantId().value())
                .bind("cardId", visit.cardId().value())
                .bind("code", visit.code().value())
                .bind("at", visit.at())
                .bind("storeId", visit.storeId().value())
                .execute());
    }

    @Override
    public List<StoreVisit> visits(TenantId tenantId, CardId cardId, Instant from, Instant until) {
        return sql.withHandle(() -> "reading store visits", handle -> handle
                .createQuery("SELECT tenant_id, card_id, code, visited_at, store_id FROM store_visits "
                        + "WHERE tenant_id = :tenantId AND card_id = :cardId AND visited_at >= :from "
                        + "AND visited_at < :until ORDER BY visited_at, code")
                .bind("tenantId", tenantId.value()).bind("cardId", cardId.value())
                .bind("from", from).bind("until", until)
                .map(JdbiStoreStore::visit).list());
    }

    private static Store store(ResultSet rs, StatementContext context) throws SQLException {
        long location = rs.getLong("location_id");
        Option<Long> locationId = rs.wasNull() ? Option.none() : Option.of(location);
        return new Store(new TenantId(rs.getString("tenant_id")), new StoreId(rs.getString("id")),
                rs.getString("name"), rs.getString("address"), locationId,
                UtcInstants.read(rs, "created_at"));
    }

    private static StoreVisit visit(ResultSet rs, StatementContext context) throws SQLException {
        return new StoreVisit(new TenantId(rs.getString("tenant_id")), new StoreId(rs.getString("store_id")),
                new CardId(rs.getString("card_id")), new Code(rs.getString("code")),
                UtcInstants.read(rs, "visited_at"));
    }
}
