package io.wxcard.adapter.persistence;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL plans a statement from its statistics of the tables; a table filled since it was last analyzed (or never
 * analyzed: created empty by a migration, then filled) looks to it as it was. Without statistics an equality on
 * {@code (tenant_id, card_id)} looks as selective as a primary key, so it ties the primary key of {@code memberships}
 * with every index that starts with those two columns, and takes one of those: a membership's update (and the
 * foreign-key check of each ledger entry) then reads every index entry of the card, dead ones too, and costs more
 * with every change. Autovacuum's analyze normally refreshes the statistics (when a table's changes since its last
 * analyze exceed 50 rows + 10%); where it is off or behind, {@link #refreshStale} does what it would have done, for
 * the tables a bulk change is about to look up by key. H2 and MariaDB keep their statistics up by themselves.
 */
final class PlannerStatistics {

    /** Autovacuum's default rule for analyzing a table: changes since the last analyze above 50 + 10% of its rows. */
    private static final String STALE = "SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema() "
            + "AND relname IN (<tables>) AND n_mod_since_analyze > 50 + 0.1 * n_live_tup ORDER BY relname";

    private PlannerStatistics() {}

    /** Analyzes those of the tables (of the current schema) whose statistics autovacuum would refresh; answers them. */
    static List<String> refreshStale(Handle handle, Vendor vendor, List<String> tables) {
        if (vendor != Vendor.POSTGRESQL) {
            return List.of();
        }
        List<String> stale = handle.createQuery(STALE).bindList("tables", tables).mapTo(String.class).list();
        // The names come from the catalogue and match the fixed list asked for: nothing of a caller's is in the text.
        stale.forEach(table -> handle.execute("ANALYZE " + table));
        return stale;
    }
}
