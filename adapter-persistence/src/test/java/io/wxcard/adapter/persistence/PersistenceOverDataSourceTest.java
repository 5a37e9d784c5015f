package io.wxcard.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.tenant.Tenant;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;

import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The stores over a data source an embedding application owns (the Spring Boot starter's way in). */
class PersistenceOverDataSourceTest {

    private static JdbcDataSource applicationDataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:app-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

    @Test
    void migrates_beside_the_applications_own_tables_and_leaves_its_data_source_open_when_closed() throws Exception {
        JdbcDataSource dataSource = applicationDataSource();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE shop_orders (id VARCHAR(20) PRIMARY KEY)");
            sql.execute("INSERT INTO shop_orders VALUES ('A-1')");
        }

        Persistence persistence = Persistence.over(dataSource, true);
        Tenant tenant = Fixtures.tenant(Fixtures.uniqueTenantId());
        persistence.tenants().save(tenant);
        assertThat(persistence.tenants().find(tenant.id())).contains(tenant);
        persistence.close();

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet orders = sql.executeQuery("SELECT COUNT(*) FROM shop_orders")) {
            orders.next();
            assertThat(orders.getInt(1)).as("the application's table and data source, untouched").isEqualTo(1);
        }
    }

    @Test
    void refuses_a_data_source_below_read_committed_and_says_how_to_fix_it() {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:h2:mem:dirty-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        pool.setTransactionIsolation("TRANSACTION_READ_UNCOMMITTED"); // an application's pool, set up wrong
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            assertThatThrownBy(() -> Persistence.over(dataSource, true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("at least READ COMMITTED");
        }
    }

    @Test
    void names_the_migrations_placeholders_of_each_database() {
        assertThat(Persistence.migrationPlaceholders("jdbc:postgresql://db/cards")).containsEntry("long_text", "TEXT");
        assertThat(Persistence.migrationPlaceholders("jdbc:mariadb://db/cards")).containsEntry("instant", "DATETIME(6)");
    }
}
