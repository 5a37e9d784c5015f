package io.wxcard.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link PlannerStatistics} on a real PostgreSQL (the server of the tests has autovacuum off, as a database whose
 * autovacuum is behind): a table filled since its last analyze is analyzed, once; one analyzed since is left alone;
 * and what its statistics change is the plan a ledger batch's membership update gets (the primary key, not an index
 * that reads every membership of the card).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlannerStatisticsOnPostgresTest {

    private RunningDatabase running;
    private Jdbi jdbi;

    @BeforeAll
    void start() {
        running = RunningDatabase.start(TestDatabase.postgres());
        jdbi = Jdbi.create(running.database().settings().jdbcUrl());
    }

    @AfterAll
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void analyzes_a_table_filled_since_its_last_analyze_once_and_then_leaves_it() throws Exception {
        try (Connection connection = running.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE planner_probe (id INTEGER PRIMARY KEY)");
            statement.execute("INSERT INTO planner_probe SELECT g FROM generate_series(1, 300) g");
        }
        awaitCounted("planner_probe", 300);

        assertThat(refresh(Vendor.POSTGRESQL, "planner_probe", "cards")).containsExactly("planner_probe"); // cards: empty
        assertThat(lastAnalyzed("planner_probe")).isTrue();
        assertThat(refresh(Vendor.POSTGRESQL, "planner_probe")).isEmpty();
        assertThat(refresh(Vendor.H2, "planner_probe")).isEmpty();
    }

    @Test
    void with_statistics_a_membership_s_update_goes_through_the_primary_key() throws Exception {
        try (Connection connection = running.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO cards (id, tenant_id, definition_json, state, test_whitelist_json, version, "
                    + "created_at, updated_at) VALUES ('card-plan', 't-plan', '{}', 'APPROVED', '[]', 1, now(), now())");
            statement.execute("INSERT INTO memberships (tenant_id, card_id, code, open_id, state, form_answers_json, "
                    + "points, balance, last_sequence, version, received_at, updated_at) SELECT 't-plan', "
                    + "'card-plan', 'code' || g, 'open' || g, 'ACTIVATED', '{}', 0, 0, 0, 1, now(), now() "
                    + "FROM generate_series(1, 2000) g");
        }
        awaitCounted("memberships", 2000);
        assertThat(refresh(Vendor.POSTGRESQL, "memberships")).containsExactly("memberships");

        List<String> plan = jdbi.withHandle(h -> h.createQuery("EXPLAIN UPDATE memberships SET points = 1 "
                + "WHERE tenant_id = 't-plan' AND card_id = 'card-plan' AND code = 'code7' AND version = 1")
                .mapTo(String.class).list());
        assertThat(String.join("\n", plan)).contains("memberships_pkey");
    }

    private List<String> refresh(Vendor vendor, String... tables) {
        return jdbi.withHandle(h -> PlannerStatistics.refreshStale(h, vendor, List.of(tables)));
    }

    /** The statistics system counts a transaction's changes a little after it commits. */
    private void awaitCounted(String table, long changes) throws Exception {
        for (int attempt = 0; attempt < 150; attempt++) {
            Long counted = jdbi.withHandle(h -> h.createQuery("SELECT n_mod_since_analyze FROM pg_stat_user_tables "
                    + "WHERE schemaname = current_schema() AND relname = :table").bind("table", table)
                    .mapTo(Long.class).findOne().orElse(0L));
            if (counted >= changes) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("PostgreSQL did not count the changes to " + table + " within 15 s");
    }

    private boolean lastAnalyzed(String table) throws SQLException {
        try (Connection connection = running.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE "
                     + "schemaname = current_schema() AND relname = '" + table + "'")) {
            return row.next() && row.getBoolean(1);
        }
    }
}
