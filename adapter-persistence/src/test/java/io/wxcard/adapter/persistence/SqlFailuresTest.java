package io.wxcard.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which database errors mean "someone else got there first", and which "the database is out of reach". */
class SqlFailuresTest {

    private static RuntimeException failing(String sqlState, int errorCode) {
        return new RuntimeException("statement failed", new SQLException("reason", sqlState, errorCode));
    }

    private static RuntimeException translated(String sqlState, int errorCode) {
        return SqlFailures.translate(failing(sqlState, errorCode), "saving");
    }

    @Test
    void takes_a_duplicate_key_for_a_concurrent_update_on_every_database() {
        assertThat(translated("23505", 0)).as("PostgreSQL").isInstanceOf(ConcurrentUpdateException.class);
        assertThat(translated("23505", 23505)).as("H2").isInstanceOf(ConcurrentUpdateException.class);
        assertThat(translated("23000", 1062)).as("MariaDB").isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void takes_a_deadlock_or_serialization_failure_for_a_concurrent_update() {
        assertThat(translated("40001", 1213)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(translated("40P01", 0)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(SqlFailures.rolledBackTheTransaction(failing("40001", 1213))).isTrue();
        assertThat(SqlFailures.rolledBackTheTransaction(failing("23505", 0))).isFalse();
    }

    @Test
    void reports_a_missing_referenced_row_as_a_mistake_not_a_race() {
        RuntimeException postgres = SqlFailures.translate(failing("23503", 0), "saving membership x");
        RuntimeException mariadb = SqlFailures.translate(failing("23000", 1452), "saving membership x");

        assertThat(postgres).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("saving membership x");
        assertThat(mariadb).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void takes_a_lost_or_refused_connection_for_an_unavailable_store_on_every_database() {
        assertThat(translated("08006", 0)).as("PostgreSQL: connection failure")
                .isInstanceOf(StoreUnavailableException.class).hasMessageStartingWith("saving");
        assertThat(translated("57P01", 0)).as("PostgreSQL: terminated by an administrator (a restart)")
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(translated("57P03", 0)).as("PostgreSQL: starting up").isInstanceOf(StoreUnavailableException.class);
        assertThat(translated("08S01", 2013)).as("MariaDB: lost connection").isInstanceOf(StoreUnavailableException.class);
        RuntimeException poolTimeout = new RuntimeException("no connection",
                new SQLTransientConnectionException("pool - Connection is not available, request timed out"));
        assertThat(SqlFailures.translate(poolTimeout, "saving")).as("HikariCP: no connection in time")
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void passes_other_failures_through_unchanged() {
        RuntimeException missingTable = failing("42P01", 0);

        assertThat(SqlFailures.translate(missingTable, "saving")).isSameAs(missingTable);
    }
}
