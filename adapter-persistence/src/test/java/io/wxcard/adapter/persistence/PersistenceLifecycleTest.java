package io.wxcard.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wxcard.application.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Starting, checking and stopping the stores, and the settings they start from (on H2, which needs no server). */
class PersistenceLifecycleTest {

    @Test
    void starts_on_a_migrated_database_and_is_reachable_until_closed() {
        try (TestDatabase database = TestDatabase.h2()) {
            Persistence.migrate(database.settings());
            Persistence persistence = Persistence.start(database.settings());
            persistence.tenants().save(Fixtures.tenant(Fixtures.uniqueTenantId()));

            assertThat(persistence.isReachable(Runnable::run)).isTrue();
            persistence.close();
            assertThat(persistence.isReachable(Runnable::run)).isFalse();
        }
    }

    @Test
    void refuses_to_start_without_a_database_and_says_where_it_looked_without_the_password() {
        DatabaseSettings nowhere = new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2&password=hunter2", "nobody", "s3cret", 2);

        assertThatThrownBy(() -> Persistence.start(nowhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot connect to the POSTGRESQL database at jdbc:postgresql://127.0.0.1:1/none")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void refuses_a_jdbc_url_of_a_database_it_does_not_support() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:sqlite:cards.db", null, null, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:");
    }

    @Test
    void refuses_a_pool_without_connections() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", null, null, 0))
                .hasMessageContaining("maxPoolSize must be at least 1");
    }

    @Test
    void never_shows_a_password_when_printed() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:mariadb://db:3306/cards?user=app&password=hunter2",
                "app", "s3cret", 10);

        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("s3cret")
                .contains("jdbc:mariadb://db:3306/cards?user=app&password=(redacted)");
    }

    @Test
    void tells_the_database_from_the_jdbc_url() {
        assertThat(Vendor.of("jdbc:h2:file:./data/wxcard;AUTO_SERVER=FALSE")).isEqualTo(Vendor.H2);
        assertThat(Vendor.of("jdbc:postgresql://db/cards")).isEqualTo(Vendor.POSTGRESQL);
        assertThat(Vendor.of("jdbc:mariadb://db/cards")).isEqualTo(Vendor.MARIADB);
        assertThat(Vendor.of("jdbc:mysql://db/cards")).isEqualTo(Vendor.MARIADB);
    }

    @Test
    void hands_a_mysql_url_to_the_mariadb_driver_when_mysqls_own_is_absent() {
        assertThat(ConnectionPool.driverUrl("jdbc:mysql://db:3306/cards", Vendor.MARIADB))
                .isEqualTo("jdbc:mariadb://db:3306/cards");
        assertThat(ConnectionPool.driverUrl("jdbc:mariadb://db:3306/cards", Vendor.MARIADB))
                .isEqualTo("jdbc:mariadb://db:3306/cards");
    }

    @Test
    void makes_h2_write_each_commit_at_once_unless_the_url_says_otherwise() {
        assertThat(ConnectionPool.driverUrl("jdbc:h2:file:./data/wxcard;AUTO_SERVER=FALSE", Vendor.H2))
                .isEqualTo("jdbc:h2:file:./data/wxcard;AUTO_SERVER=FALSE;WRITE_DELAY=0");
        assertThat(ConnectionPool.driverUrl("jdbc:h2:file:./x;write_delay=100", Vendor.H2))
                .isEqualTo("jdbc:h2:file:./x;write_delay=100");
    }
}
